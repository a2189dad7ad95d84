import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { ticketApi } from '../../test/ticket-helpers';

/**
 * zibo-12345 §11(6): a unit asks to return an order within 2 working days of receiving it;
 * "超期回退的视为超期办理件". Three orders dispatched to 市人社局 on Mon 2026-11-23 09:30 (return limit by
 * hand: Tue 24 and Wed 25 are the 2 working days → Wed 2026-11-25 end of day):
 *   A asks to return on Thu 26 (late), the return is approved;
 *   B asks on Tue 24 (in time), approved;
 *   C is replied to on Tue 24 and the reply approved (on time).
 * The November assessment of 市人社局: on time C of (C, A) = 1/2; overdue A = 1; returns A, B of 3.
 */
describe('zibo-12345 §11(6): late returns in the assessment', () => {
  let t: TestApp;
  let api: ReturnType<typeof ticketApi>;
  let rsj: number;
  const ids: Record<'a' | 'b' | 'c', number> = { a: 0, b: 0, c: 0 };
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-23T09:00:00+08:00' });
    api = ticketApi(t);
    rsj = await t.unitId('YC-RSJ');
    for (const user of ['admin', 'dispatcher', 'handler', 'leader']) await t.as(user);
    await api.setClock('2026-11-23T09:00:00+08:00');
    for (const k of ['a', 'b', 'c'] as const) ids[k] = (await api.create()).id;
    await api.setClock('2026-11-23T09:30:00+08:00');
    for (const k of ['a', 'b', 'c'] as const) await api.ok('dispatcher', ids[k], 'dispatch', { unitId: rsj });
    const ret = { reason: '不属于本单位职责', basis: '三定方案' };
    await api.setClock('2026-11-24T10:00:00+08:00');
    await api.ok('handler', ids.b, 'request-return', ret);
    await api.ok('dispatcher', ids.b, 'approve-return');
    await api.ok('handler', ids.c, 'accept');
    await api.ok('handler', ids.c, 'reply', {
      result: '已按政策办理完毕。',
      contacted: true,
      factual: 'true',
    });
    await api.ok('dispatcher', ids.c, 'approve-reply');
    await api.setClock('2026-11-26T10:00:00+08:00');
    await api.ok('handler', ids.a, 'request-return', ret);
    await api.ok('dispatcher', ids.a, 'approve-return');
  });
  afterAll(async () => {
    await t.close();
  });

  const drill = async (indicator: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/assessment/drill?scheme=zibo-12345&period=2026-11&unitId=${rsj}&indicator=${indicator}`,
      headers: await t.as('leader'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ numerator: number; denominator: number; items: { ticketId: number }[] }>();
    return { n: body.numerator, d: body.denominator, ids: body.items.map((i) => i.ticketId).sort() };
  };

  it('the return limit is the 2nd working day after dispatch, and the late request is marked', async () => {
    const request = async (id: number) =>
      (await api.events(id)).find((e) => e.action === 'request-return')?.payload;
    // 2026-11-25T23:59:59+08:00
    expect((await request(ids.a))?.returnBy).toBe('2026-11-25T15:59:59.000Z');
    const late = async (id: number) => (await request(id))?.late;
    expect([await late(ids.a), await late(ids.b)]).toEqual([true, false]);
  });

  it('a late return stays in the on-time denominator and counts as overdue; both count as returns', async () => {
    expect(await drill('onTimeRate')).toMatchObject({ n: 1, d: 2 });
    expect((await drill('overdueCount')).n).toBe(1);
    expect((await drill('overdueCount')).ids).toEqual([ids.a]);
    expect(await drill('returnRate')).toMatchObject({ n: 2, d: 3 });
  });
});
