import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app';
import { beijingAssessmentApp } from '../../test/assessment-app';

describe('assessment API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await beijingAssessmentApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async (user: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await t.as(user) });

  it('GET /api/assessment gives the same figures as the report, for overseers', async () => {
    const res = await get('leader', '/api/assessment?scheme=beijing-miyun&period=2026-03');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      scheme: { id: string };
      units: { unitCode: string; rank: number; score: number }[];
    }>();
    expect(body.scheme.id).toBe('beijing-miyun');
    expect(body.units.map((u) => [u.unitCode, u.rank])).toEqual([
      ['DC-DHJD', 1],
      ['YC-ZJJ', 2],
      ['YC-RSJ', 3],
    ]);
    for (const user of ['supervisor', 'admin', 'dispatcher']) {
      expect((await get(user, '/api/assessment?scheme=beijing-miyun&period=2026-03')).statusCode, user).toBe(
        200,
      );
    }
  });

  it('slices: only the orders of a category', async () => {
    const res = (
      await get('leader', '/api/assessment?scheme=beijing-miyun&period=2026-03&category=1102')
    ).json<{
      units: { unitCode: string; counts: { dispatched: number }; upheldNumberComplaints: number }[];
    }>();
    expect(res.units.map((u) => [u.unitCode, u.counts.dispatched, u.upheldNumberComplaints])).toEqual([
      ['YC-ZJJ', 1, 1],
    ]);
    const phone = (await get('leader', '/api/stats?groupBy=unit&period=2026-03&channel=wechat')).json<{
      rows: unknown[];
    }>();
    expect(phone.rows).toEqual([]);
  });

  it('a unit sees its own row with its rank among all; intake agents may not read assessments', async () => {
    const res = await get('handler', '/api/assessment?scheme=beijing-miyun&period=2026-Q1');
    expect(res.statusCode).toBe(200);
    const units = res.json<{ units: { unitCode: string; rank: number }[] }>().units;
    expect(units.map((u) => u.unitCode)).toEqual(['YC-RSJ']);
    expect(units[0]?.rank).toBe(3);
    expect((await get('agent', '/api/assessment?scheme=beijing-miyun&period=2026-03')).statusCode).toBe(403);
  });

  it('names every indicator in Chinese, with its kind, for the screens', async () => {
    const res = await get('leader', '/api/assessment/indicators');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { id: string; name: string; kind: string }[] }>().items;
    expect(items).toContainEqual(
      expect.objectContaining({ id: 'onTimeRate', name: '按期办结率', kind: 'rate' }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ id: 'overdueCount', name: '超期工单数', kind: 'count' }),
    );
    expect(items.every((i) => /[\u4e00-\u9fff]/.test(i.name))).toBe(true);
    expect((await get('agent', '/api/assessment/indicators')).statusCode).toBe(403);
  });

  it('drill-down lists the orders behind a figure', async () => {
    const rsj = await t.unitId('YC-RSJ');
    const res = await get(
      'leader',
      `/api/assessment/drill?scheme=beijing-miyun&period=2026-03&unitId=${rsj}&indicator=onTimeRate`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      numerator: number;
      denominator: number;
      items: { ticketNo: string; counts: string }[];
    }>();
    // 3 on time of 4 (the approved return is left out).
    expect([body.numerator, body.denominator]).toEqual([3, 4]);
    expect(body.items.map((i) => [i.ticketNo, i.counts])).toEqual([
      ['2026030200001', 'numerator'],
      ['2026030200002', 'denominator'],
      ['2026030200003', 'numerator'],
      ['2026030200005', 'numerator'],
    ]);
    const fb = (
      await get(
        'leader',
        `/api/assessment/drill?scheme=beijing-miyun&period=2026-03&unitId=${rsj}&indicator=feedbackRate&part=numerator`,
      )
    ).json<{
      numerator: number;
      denominator: number;
      items: unknown[];
    }>();
    expect([fb.numerator, fb.denominator, fb.items.length]).toEqual([2, 3, 2]);
    // Another unit may not look into YC-RSJ's orders.
    expect(
      (
        await get(
          'handler2',
          `/api/assessment/drill?scheme=beijing-miyun&period=2026-03&unitId=${rsj}&indicator=onTimeRate`,
        )
      ).statusCode,
    ).toBe(404);
  });

  it('GET /api/stats groups every indicator by unit, channel or month, scoped to the unit for units', async () => {
    const byUnit = (await get('leader', '/api/stats?groupBy=unit&period=2026-03')).json<{
      rows: { label: string; counts: { dispatched: number } }[];
      total: { counts: { dispatched: number }; onTimeRate: number };
    }>();
    // RSJ 5, ZJJ 2, DC-RX 1 (forwarded) and DC-DHJD 1.
    expect(byUnit.total.counts.dispatched).toBe(9);
    expect(byUnit.rows[0]).toMatchObject({ label: '市人力资源和社会保障局', counts: { dispatched: 5 } });
    // Pooled: on time 3 (RSJ) + 2 (ZJJ) + 1 (DHJD) of 4 + 2 + 1 decided → 6/7.
    expect(byUnit.total.onTimeRate).toBeCloseTo(6 / 7, 12);
    const byMonth = (await get('leader', '/api/stats?groupBy=month&period=2026-Q1')).json<{
      rows: { key: string; counts: { dispatched: number } }[];
    }>();
    expect(byMonth.rows.map((r) => [r.key, r.counts.dispatched])).toEqual([
      ['202603', 9],
      ['202602', 1],
    ]);
    const mine = (await get('handler2', '/api/stats?groupBy=unit&period=2026-03')).json<{
      rows: { label: string }[];
    }>();
    expect(mine.rows.map((r) => r.label)).toEqual(['市住房和城乡建设局']);
  });

  it('refuses a malformed period or an unknown scheme', async () => {
    expect((await get('leader', '/api/assessment?scheme=beijing-miyun&period=2026-13')).statusCode).toBe(400);
    expect((await get('leader', '/api/assessment?scheme=beijing-miyun&period=March')).statusCode).toBe(400);
    const unknown = await get('leader', '/api/assessment?scheme=nowhere&period=2026-03');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
  });
});
