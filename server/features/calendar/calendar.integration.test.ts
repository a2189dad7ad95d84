import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../test/test-app';
import { openTicketApp, sampleOrder, type TicketApi } from '../../test/ticket-helpers';

/**
 * A fictional 2027 schedule (the real one is not published in the data we ship): New Year's Day
 * off Fri Jan 1 - Sun Jan 3 (Jan 2-3 are a weekend anyway), and an extra day off Mon Jan 4
 * with Sat Jan 9 as the make-up working day.
 */
const schedule2027 = {
  year: 2027,
  papers: ['(test schedule)'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '元旦', date: '2027-01-02', isOffDay: true },
    { name: '元旦', date: '2027-01-03', isOffDay: true },
    { name: '元旦', date: '2027-01-04', isOffDay: true },
    { name: '元旦', date: '2027-01-09', isOffDay: false },
  ],
};

describe('calendar import', () => {
  let t: TestApp;
  let api: TicketApi;
  beforeAll(async () => {
    ({ t, api } = await openTicketApp({ now: '2026-12-28T10:00:00+08:00' }));
  });
  afterAll(() => t.close());

  it('deadlines in an unpublished year are provisional, and the health endpoint warns', async () => {
    const o = await api.create();
    const d = await api.ok('dispatcher', o.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
    // Mon 2026-12-28 + 5 WD, provisional 2027 (weekends + statutory 元旦 Jan 1 only):
    // Dec 29, 30, 31, (Jan 1 holiday, Jan 2-3 weekend), Jan 4, Jan 5 → end of Tue Jan 5.
    expect(d.deadlines.handleBy).toBe('2027-01-05T23:59:59+08:00');
    const full = (await api.get(o.id)) as unknown as { provisional: boolean };
    expect(full.provisional).toBe(true);
    const health = (await t.app.inject({ method: 'GET', url: '/api/health' })).json<{
      warnings: string[];
    }>();
    expect(health.warnings.join('\n')).toMatch(/2027 年节假日安排尚未导入/);
  });

  it('importing the schedule makes a new version, recomputes open orders with an event, leaves closed ones', async () => {
    const closedOrder = await api.create({ ...sampleOrder, disposition: 'direct-answer', answer: '已答复' });
    const open = await api.create();
    await api.ok('dispatcher', open.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
    const before = await api.get(open.id);
    expect(before.deadlines.handleBy).toBe('2027-01-05T23:59:59+08:00');

    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/admin/calendar/import',
      headers: await t.as('admin'),
      payload: { year: 2027, days: [{ name: 'x', date: '2031-01-01', isOffDay: true }] },
    });
    expect(bad.statusCode).toBe(400);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/admin/calendar/import',
      headers: await t.as('dispatcher'),
      payload: schedule2027,
    });
    expect(refused.statusCode).toBe(403);

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/calendar/import',
      headers: await t.as('admin'),
      payload: schedule2027,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ calendarVersion: number; changed: number; checked: number }>();
    expect(body.calendarVersion).toBe(2);
    expect(body.changed).toBe(2); // both dispatched open orders

    // Now Jan 4 is a holiday: Dec 29, 30, 31, Jan 5, Jan 6 → end of Wed Jan 6, official (not provisional).
    const after = (await api.get(open.id)) as Awaited<ReturnType<typeof api.get>> & { provisional: boolean };
    expect(after.deadlines.handleBy).toBe('2027-01-06T23:59:59+08:00');
    expect(after.provisional).toBe(false);
    const ev = (await api.events(open.id)).find((e) => e.action === 'recompute-deadlines');
    // zibo-12345 §11(4): an extension is asked within the limit, so its window moves with the deadline.
    expect(ev?.payload).toMatchObject({
      changes: [
        { stage: 'extensionRequestBy', old: '2027-01-05T15:59:59.000Z', new: '2027-01-06T15:59:59.000Z' },
        { stage: 'handleBy', old: '2027-01-05T15:59:59.000Z', new: '2027-01-06T15:59:59.000Z' },
      ],
    });
    expect((await api.events(closedOrder.id)).map((e) => e.action)).toEqual(['direct-answer']);
    const cal = (
      await t.app.inject({ method: 'GET', url: '/api/calendar/2027', headers: await t.as('admin') })
    ).json<{
      provisional: boolean;
      makeupDays: { date: string }[];
    }>();
    expect(cal.provisional).toBe(false);
    expect(cal.makeupDays.map((m) => m.date)).toEqual(['2027-01-09']);
  });
});
