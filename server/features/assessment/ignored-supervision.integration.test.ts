import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/test-app';
import { openTicketApp, type TicketApi } from '../../test/ticket-helpers';

/**
 * tianjin-wuqing §24: "对督办仍不按要求办理的承办单位……予以通报，并在考核中予以扣分". Three orders of 市人社局,
 * dispatched Mon 2026-11-23, supervised the same day with an answer due Wed 2026-11-25 17:00:
 *   s1 answered Wed 10:00 (in time), s2 answered Thu 26 09:00 (late), s3 never answered.
 * The November report on Mon 30: 2 ignored supervisions → the supervision component 10 − 2 × 2 = 6
 * (the scheme's amounts); before the due time nothing is ignored yet.
 */
describe('tianjin-wuqing §24: ignored supervision in the assessment', () => {
  let t: TestApp;
  let api: TicketApi;
  let rsj: number;
  beforeAll(async () => {
    ({ t, api, rsj } = await openTicketApp({ now: '2026-11-23T09:00:00+08:00', profile: 'tianjin-wuqing' }));
    for (const user of ['admin', 'dispatcher', 'handler', 'supervisor', 'leader']) await t.as(user);
    await api.setClock('2026-11-23T09:00:00+08:00');
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await api.create()).id);
    await api.setClock('2026-11-23T10:00:00+08:00');
    for (const id of ids) {
      await api.ok('dispatcher', id, 'dispatch', { unitId: rsj });
      await api.ok('handler', id, 'accept');
      await api.ok('supervisor', id, 'supervise', {
        trigger: 'overdue',
        mode: 'written',
        dueAt: '2026-11-25T17:00:00+08:00',
      });
    }
    const supervision = async (ticketId: number) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/supervisions?ticketId=${ticketId}`,
        headers: await t.as('handler'),
      });
      expect(res.statusCode, res.body).toBe(200);
      const id = res.json<{ items: { id: number }[] }>().items[0]?.id;
      if (id === undefined) throw new Error(`no supervision on ${ticketId}`);
      return id;
    };
    const respond = async (ticketId: number) => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/supervisions/${await supervision(ticketId)}/respond`,
        headers: await t.as('handler'),
        payload: { text: '已督促经办科室加快办理，近日内答复。' },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await api.setClock('2026-11-25T10:00:00+08:00');
    await respond(ids[0] ?? 0);
    await api.setClock('2026-11-26T09:00:00+08:00');
    await respond(ids[1] ?? 0);
  });
  afterAll(() => t.close());

  const report = async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/assessment?scheme=tianjin-wuqing&period=2026-11',
      headers: await t.as('leader'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const units = res.json<{
      units: {
        unitCode: string;
        ignoredSupervisionCount: number | null;
        components: { indicator: string; points: number | null }[];
      }[];
    }>().units;
    const row = units.find((u) => u.unitCode === 'YC-RSJ');
    return {
      ignored: row?.ignoredSupervisionCount,
      points: row?.components.find((c) => c.indicator === 'ignoredSupervisionCount')?.points,
    };
  };

  it('names the unit with its ignored supervisions and takes 2 points for each', async () => {
    await api.setClock('2026-11-30T09:00:00+08:00');
    expect(await report()).toEqual({ ignored: 2, points: 6 });
  });

  it('before the due time nothing is ignored yet', async () => {
    await api.setClock('2026-11-25T12:00:00+08:00');
    expect(await report()).toEqual({ ignored: 0, points: 10 });
  });
});
