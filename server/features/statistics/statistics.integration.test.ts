import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';

/**
 * Intake volumes: every order taken counts, whatever became of it, on its service day (UTC+8).
 * Five intakes on 2026-12-21/22 (after the demo data), counted by hand below.
 */
describe('intake statistics', () => {
  let t: TestApp;
  const get = async (user: string, qs: string) =>
    t.app.inject({ method: 'GET', url: `/api/stats/intake?${qs}`, headers: await t.as(user) });
  const rows = async (qs: string) => {
    const res = await get('leader', qs);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ total: number; rows: { key: string; label: string; count: number }[] }>();
    return { total: body.total, byKey: Object.fromEntries(body.rows.map((r) => [r.key, r.count])), body };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const api = ticketApi(t);
    // 2026-12-21 09:00 +08:00: two phone orders (category 010201), one web direct answer.
    t.clock.set(new Date('2026-12-21T09:00:00+08:00'));
    await api.create();
    await api.create({ ...sampleOrder, caller: { name: '李四', phone: '13900001234' } });
    await api.create({
      ...sampleOrder,
      channel: 'web',
      type: 'consult',
      disposition: 'direct-answer',
      answer: '可向劳动保障监察机构投诉。',
    });
    // 23:30 +08:00 is still the 21st in service time (15:30 UTC).
    t.clock.set(new Date('2026-12-21T23:30:00+08:00'));
    await api.create({
      ...sampleOrder,
      channel: 'wechat',
      location: { address: '西城区某路', region: '西城区' },
    });
    // 2026-12-22 00:10 +08:00 (the 21st in UTC): the 22nd; not accepted.
    t.clock.set(new Date('2026-12-22T00:10:00+08:00'));
    await api.create({
      ...sampleOrder,
      disposition: 'not-accepted',
      notAcceptedReason: '属于诉讼程序，不属于热线受理范围',
      suggestedChannel: '人民法院',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts by day on service days, by disposition and by channel', async () => {
    const day = await rows('from=2026-12-21&to=2026-12-22&groupBy=day');
    expect(day.total).toBe(5);
    expect(day.byKey).toEqual({ '2026-12-21': 4, '2026-12-22': 1 });
    const disposition = await rows('from=2026-12-21&to=2026-12-22&groupBy=disposition');
    expect(disposition.byKey).toEqual({ order: 3, 'direct-answer': 1, 'not-accepted': 1 });
    expect(disposition.body.rows.find((r) => r.key === 'direct-answer')?.label).toBe('直接答复');
    const channel = await rows('from=2026-12-21&to=2026-12-21&groupBy=channel');
    expect(channel.byKey).toEqual({ phone: 2, web: 1, wechat: 1 });
    const region = await rows('from=2026-12-21&to=2026-12-22&groupBy=region');
    expect(region.byKey).toEqual({ 东城区: 4, 西城区: 1 });
  });

  it('groups categories at the level asked, with their names', async () => {
    const top = await rows('from=2026-12-21&to=2026-12-22&groupBy=category&level=1');
    expect(top.byKey).toEqual({ '01': 5 });
    const third = await rows('from=2026-12-21&to=2026-12-22&groupBy=category&level=3');
    expect(third.byKey).toEqual({ '010201': 5 });
    expect(third.body.rows[0]?.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a reversed or too long range, and handling units', async () => {
    expect((await get('leader', 'from=2026-12-22&to=2026-12-21')).statusCode).toBe(400);
    expect((await get('leader', 'from=2025-01-01&to=2026-12-21')).statusCode).toBe(400);
    expect((await get('handler', 'from=2026-12-21&to=2026-12-22')).statusCode).toBe(403);
    expect((await get('agent', 'from=2026-12-21&to=2026-12-22')).statusCode).toBe(403);
  });
});
