import { describe, expect, it } from 'vitest';
import { refreshLights, runSweep } from '../../jobs/sla-sweep';
import { type TestApp } from '../../test/test-app';
import { useTicketApp } from '../../test/ticket-helpers';

/**
 * Lights and queues from the stages still owed: a stage met or no longer owed has no light and
 * the order leaves the yellow and overdue queues at once. Expected times by hand from the
 * articles and the 2026 State Council schedule (国庆 Oct 1-7 off, make-up Sat Oct 10):
 * zibo-12345 §11(3) dispatched Wed 2026-09-30 10:05 → handleBy 5 wd (Oct 8, 9, 10, 12, 13) =
 * 2026-10-13 23:59:59; §12 yellow from the end of the working day before (Mon Oct 12 23:59:59),
 * red 1 wd after (Wed Oct 14 23:59:59); §11(6) returnBy 2 wd = Fri 2026-10-09 23:59:59.
 */
async function storedLight(t: TestApp, id: number): Promise<string> {
  const r = await t.handle.db
    .selectFrom('ticket')
    .select('light')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return r.light;
}

async function listed(t: TestApp, user: string, query: string): Promise<number[]> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/tickets?pageSize=200&${query}`,
    headers: await t.as(user),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { id: number }[] }>().items.map((i) => i.id);
}

describe('zibo-12345: lights from the stages still owed', () => {
  const app = useTicketApp({ now: '2026-09-30T10:05:00+08:00' });

  /** Created and dispatched Wed 2026-09-30 10:05; signed for Thu Oct 8 09:00. */
  const accepted = () => app.api.accepted(app.rsj, '2026-09-30T10:05:00+08:00', '2026-10-08T09:00:00+08:00');

  it('accept → the return window ends: no red "超期" on it later', async () => {
    const o = await accepted();
    expect(o.deadlines.returnBy).toBe('2026-10-09T23:59:59+08:00');
    await app.api.setClock('2026-10-12T10:00:00+08:00');
    const ret = await app.api.stage(o.id, 'returnBy');
    expect(ret).toMatchObject({
      metAt: '2026-10-08T09:00:00+08:00',
      open: false,
      light: 'green',
      workingDaysLeft: null,
    });
  });

  it('yellow, then a reply in time: the light goes at once, the yellow queue lets it go, no overdue alert', async () => {
    const o = await accepted();
    const still = await accepted();
    await app.api.setClock('2026-10-13T09:00:00+08:00');
    await runSweep(app.t.ctx);
    expect(await storedLight(app.t, o.id)).toBe('yellow');
    expect(await listed(app.t, 'admin', 'light=yellow')).toEqual(expect.arrayContaining([o.id, still.id]));

    await app.api.setClock('2026-10-13T10:00:00+08:00');
    await app.api.ok('handler', o.id, 'reply', { result: '已责令公司支付工资', contacted: true });
    expect(await storedLight(app.t, o.id)).toBe('green');
    expect(await listed(app.t, 'admin', 'light=yellow')).not.toContain(o.id);
    const handle = await app.api.stage(o.id, 'handleBy');
    expect(handle).toMatchObject({ metAt: '2026-10-13T10:00:00+08:00', open: false, light: 'green' });

    // Past the deadline and the red line: only the order still in handling turns.
    await app.api.setClock('2026-10-15T09:00:00+08:00');
    await runSweep(app.t.ctx);
    expect(await storedLight(app.t, o.id)).toBe('green');
    expect(await app.api.alerts(o.id, 'handleBy')).toEqual(['yellow']);
    expect(await storedLight(app.t, still.id)).toBe('red');
    expect(await app.api.alerts(still.id, 'handleBy')).toEqual(['overdue', 'red', 'yellow']);
  });

  it('a late reply awaiting review, or passed on to the callback, is not in the overdue queue; a late order still in handling is', async () => {
    const late = await accepted();
    const review = await accepted();
    const callback = await accepted();
    await app.api.setClock('2026-10-14T09:00:00+08:00');
    await runSweep(app.t.ctx);
    expect(await storedLight(app.t, review.id)).toBe('overdue');

    await app.api.ok('handler', review.id, 'reply', { result: '已责令公司支付工资', contacted: true });
    await app.api.ok('handler', callback.id, 'reply', { result: '已责令公司支付工资', contacted: true });
    const cb = await app.api.ok('dispatcher', callback.id, 'approve-reply');
    expect(cb.status).toBe('pending_callback');
    expect((await app.api.get(review.id)).status).toBe('replied');
    expect((await app.api.get(review.id)).light).toBe('green');

    await app.api.setClock('2026-10-16T09:00:00+08:00');
    await runSweep(app.t.ctx);
    const overdueQueue = await listed(app.t, 'supervisor', 'scope=todo');
    expect(overdueQueue).toContain(late.id);
    expect(overdueQueue).not.toContain(review.id);
    expect(overdueQueue).not.toContain(callback.id);
    expect(await listed(app.t, 'admin', 'light=overdue,red')).not.toEqual(
      expect.arrayContaining([review.id, callback.id]),
    );
  });

  it('orders stored under the old rule (a light frozen at the reply) are brought up to date at start', async () => {
    const o = await accepted();
    await app.api.setClock('2026-10-13T10:00:00+08:00');
    await app.api.ok('handler', o.id, 'reply', { result: '已责令公司支付工资', contacted: true });
    // As the earlier rule left it: frozen yellow at the reply, the return window still running.
    await app.t.handle.db.updateTable('ticket').set({ light: 'yellow' }).where('id', '=', o.id).execute();
    expect(await listed(app.t, 'admin', 'light=yellow')).toContain(o.id);

    await refreshLights(app.t.ctx);
    expect(await storedLight(app.t, o.id)).toBe('green');
    expect(await listed(app.t, 'admin', 'light=yellow')).not.toContain(o.id);
  });
});

describe('tianjin-wuqing §25: the callback stage lights the order only when it is itself late', () => {
  const app = useTicketApp({ now: '2026-11-23T09:00:00+08:00', profile: 'tianjin-wuqing' });

  it('replied Mon 2026-11-23 10:00 → callbackBy 24 h later, Tue 10:00; awaiting callback: green before, overdue after', async () => {
    await app.api.setClock('2026-11-23T09:00:00+08:00');
    const o = await app.api.create();
    await app.api.ok('dispatcher', o.id, 'dispatch', { unitId: app.rsj });
    await app.api.ok('handler', o.id, 'accept');
    await app.api.setClock('2026-11-23T10:00:00+08:00');
    const replied = await app.api.ok('handler', o.id, 'reply', {
      result: '已责令公司支付工资',
      contacted: true,
    });
    expect(replied.deadlines.callbackBy).toBe('2026-11-24T10:00:00+08:00');
    expect((await app.api.ok('dispatcher', o.id, 'approve-reply')).status).toBe('pending_callback');

    await app.api.setClock('2026-11-24T09:00:00+08:00');
    await runSweep(app.t.ctx);
    expect(await storedLight(app.t, o.id)).toBe('green');
    expect(await listed(app.t, 'supervisor', 'scope=todo')).not.toContain(o.id);

    await app.api.setClock('2026-11-24T11:00:00+08:00');
    await runSweep(app.t.ctx);
    expect(await app.api.alerts(o.id, 'callbackBy')).toEqual(['overdue']);
    expect(await storedLight(app.t, o.id)).toBe('overdue');
    expect(await listed(app.t, 'supervisor', 'scope=todo')).toContain(o.id);
  });
});
