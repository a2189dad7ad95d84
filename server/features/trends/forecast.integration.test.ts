import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { makeFastWriter } from '../import/fast/fast-writer';
import { importHistory } from '../import/import-history';

/**
 * The forecast on a real database: 8 weeks (2027-03-01 … 04-25, Monday to Sunday, no holidays
 * in it) of 10 orders each working day, 6 each Saturday and 4 each Sunday, an exact weekly
 * Asked on Monday 2027-04-26, the next 7 days must repeat it (the calendar knows 2027-05-01
 * and 05-02 as the Labour Day holiday: 5 like Qingming, not 6 and 4 like a weekend) and the
 * backtest error must be 0 (origins before Qingming forecast a holiday by the weekend's mean,
 * (6 + 4) / 2 = 5, too).
 */
describe('volume forecast', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ now: '2027-04-26T10:00:00+08:00' });
    const lines: string[] = [];
    let n = 0;
    for (let d = 0; d < 56; d++) {
      const date = new Date(Date.UTC(2027, 2, 1 + d)).toISOString().slice(0, 10);
      const weekday = d % 7; // 0 = Monday
      // Qingming, Monday 2027-04-05, is a holiday: a quiet day like the weekend's mean.
      const count = date === '2027-04-05' ? 5 : weekday === 6 ? 4 : weekday === 5 ? 6 : 10;
      for (let i = 0; i < count; i++) {
        lines.push(
          JSON.stringify({
            ticketNo: `FC${++n}`,
            receivedAt: `${date}T${String(9 + i).padStart(2, '0')}:00:00+08:00`,
            type: 'consult',
            content: '咨询社保卡补办',
            events: [],
          }),
        );
      }
    }
    const report = await importHistory(t.ctx, lines, { writer: makeFastWriter() });
    expect(report.refused).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('repeats the weekly pattern, follows the holiday calendar and reports a zero backtest error', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/stats/forecast',
      headers: await t.as('leader'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      asOf: string;
      history: { date: string; count: number }[];
      forecast: { date: string; expected: number; dayKind: string }[];
      error: { mae: number; mape: number | null } | null;
    }>();
    expect(body.asOf).toBe('2027-04-25');
    expect(body.history).toHaveLength(30);
    expect(body.history[body.history.length - 1]).toEqual({ date: '2027-04-25', count: 4 });
    const byDate = Object.fromEntries(body.forecast.map((f) => [f.date, Math.round(f.expected)]));
    // 04-26 … 04-30 are working days (Mon-Fri); 05-01 and 05-02 are the Labour Day holiday.
    expect(byDate['2027-04-26']).toBe(10);
    expect(byDate['2027-04-30']).toBe(10);
    expect(body.forecast.find((f) => f.date === '2027-05-01')?.dayKind).toBe('节假日');
    expect(byDate['2027-05-01']).toBe(5);
    expect(byDate['2027-05-02']).toBe(5);
    expect(body.error?.mae).toBeLessThan(0.01);
    expect(body.error?.mape).toBeLessThan(0.001);
  });

  it('is refused to handling units', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/stats/forecast',
      headers: await t.as('handler'),
    });
    expect(res.statusCode).toBe(403);
  });
});
