import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory } from '../../../bench/gen-history';
import {
  builtInSchemes,
  countKeys,
  emptyCounts,
  parsePeriod,
  tally,
  type KpiCounts,
  type Scheme,
  type TallyOptions,
} from '../../domain/kpi';
import { createTestApp, type TestApp } from '../../test/test-app';
import { importHistory } from '../import/import-history';
import { assessUnits, tallyOptionsOf } from './assess-units';
import { groupedCounts, type Grouping } from './assessment.repository';
import { beijingFixture } from './test-fixture';
import { rowToFact } from './ticket-facts.repository';

const beijing = builtInSchemes.find((s) => s.id === 'beijing-miyun') as Scheme;

describe('Beijing assessment on a hand-computed history (beijing-miyun Annex 2)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      now: '2026-04-10T09:00:00+08:00',
      env: { CIVICLINE_PROFILE: 'beijing-miyun' },
    });
    const r = await importHistory(t.ctx, beijingFixture);
    expect(r.refusals).toEqual([]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('March: figures, scores and ranks per handling unit', async () => {
    const res = await assessUnits(t.ctx, { scheme: beijing, period: parsePeriod('2026-03') });
    const rows = res.units.map((u) => [
      u.unitCode,
      u.rank,
      u.score,
      u.onTimeRate,
      u.feedbackRate,
      u.satisfactionRate,
    ]);
    // DC-DHJD: on time 1/1 → 1; no callbacks → feedback and satisfaction have no value, so the available
    //   components (1 of 1, 0.4 of 0.4) are scaled to 3 points: 1.4 × 3/1.4 = 3.
    // YC-ZJJ: on time 2/2, feedback 2/2, satisfaction 2/2 → 1 + 0.8 + 0.8; one upheld complaint about its
    //   service number (category 110202, found true) → 0.4 − 0.01 = 0.39. Score 2.99.
    // YC-RSJ: 5 dispatched − 1 approved return = 4; on time: #1 (Mar 5), #3 (Mar 6), #5 (Mar 11, within the
    //   deadline extended by 3 WD from Mon Mar 9 to Thu Mar 12); #2 replied Mar 10, after Mon Mar 9 → 3/4 = 0.75.
    //   Feedback: callbacks #1 yes, #2 no, #3 yes → 2/3. Satisfaction: only #1 satisfied (基本满意 does not
    //   count) → 1/3 = 33.3 % → tier 0.4. Score 0.75 + 0.8 × 2/3 + 0.4 + 0.4 = 2.0833…
    // The district platform DC-RX only re-dispatched: not a handling unit, not listed.
    expect(rows).toEqual([
      ['DC-DHJD', 1, 3, 1, null, null],
      ['YC-ZJJ', 2, 2.99, 1, 1, 1],
      [
        'YC-RSJ',
        3,
        expect.closeTo(0.75 + 0.8 * (2 / 3) + 0.8, 9),
        0.75,
        expect.closeTo(2 / 3, 12),
        expect.closeTo(1 / 3, 12),
      ],
    ]);
    const rsj = res.units.find((u) => u.unitCode === 'YC-RSJ');
    expect(rsj?.counts).toMatchObject({
      dispatched: 5,
      returned: 1,
      onTime: 3,
      late: 1,
      callbacks: 3,
      extended: 1,
    });
    expect(res.units.find((u) => u.unitCode === 'YC-ZJJ')?.upheldNumberComplaints).toBe(1);
  });

  it('the year: mean of the monthly rates ("年度平均")', async () => {
    const res = await assessUnits(t.ctx, { scheme: beijing, period: parsePeriod('2026') });
    const rsj = res.units.find((u) => u.unitCode === 'YC-RSJ');
    // February: 1, 1, 1. March: 0.75, 2/3, 1/3. Means: on time 0.875, feedback 5/6, satisfaction 2/3 (66.7 % → 0.7).
    // Score 0.875 + 0.8 × 5/6 + 0.7 + 0.4 = 2.641666…
    expect(rsj?.onTimeRate).toBeCloseTo(0.875, 12);
    expect(rsj?.feedbackRate).toBeCloseTo(5 / 6, 12);
    expect(rsj?.satisfactionRate).toBeCloseTo(2 / 3, 12);
    expect(rsj?.months).toBe(2);
    expect(rsj?.score).toBeCloseTo(0.875 + (0.8 * 5) / 6 + 0.7 + 0.4, 9);
  });

  it('an open order within its limit is left out, and counts as overdue once the limit has passed', async () => {
    await importHistory(t.ctx, [
      JSON.stringify({
        ticketNo: '2026040100001',
        receivedAt: '2026-04-01T09:00:00+08:00',
        type: 'help',
        content: '路灯不亮',
        events: [{ at: '2026-04-01T09:30:00+08:00', action: 'dispatch', payload: { unitCode: 'YC-CGJ' } }],
      }),
    ]);
    // Due Wed Apr 8 23:59:59 (7 natural days from dispatch).
    const inLimit = await assessUnits(t.ctx, {
      scheme: beijing,
      period: parsePeriod('2026-04'),
      asOf: new Date('2026-04-08T12:00:00+08:00'),
    });
    expect(inLimit.units[0]).toMatchObject({ unitCode: 'YC-CGJ', onTimeRate: null, counts: { inLimit: 1 } });
    const late = await assessUnits(t.ctx, {
      scheme: beijing,
      period: parsePeriod('2026-04'),
      asOf: new Date('2026-04-09T00:00:01+08:00'),
    });
    expect(late.units[0]).toMatchObject({ unitCode: 'YC-CGJ', onTimeRate: 0, overdueCount: 1 });
  });
});

describe('SQL aggregation equals the pure calculator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-04-20T09:00:00+08:00' });
    const lines = [
      ...generateHistory({
        orders: 160,
        from: '2026-03',
        months: 1,
        seed: 11,
        until: new Date('2026-03-31T18:00:00+08:00'),
      }),
    ];
    const r = await importHistory(t.ctx, lines);
    expect(r.refusals).toEqual([]);
  }, 300_000);
  afterAll(async () => {
    await t.close();
  });

  function byKey(
    facts: ReturnType<typeof rowToFact>[],
    key: (f: ReturnType<typeof rowToFact>) => string,
    o: TallyOptions,
  ) {
    const groups = new Map<string, ReturnType<typeof rowToFact>[]>();
    for (const f of facts) {
      const k = `${key(f)}|${f.periodMonth}`;
      groups.set(k, [...(groups.get(k) ?? []), f]);
    }
    const out = new Map<string, KpiCounts>();
    for (const [k, fs] of groups) {
      const c = tally(fs, o);
      if (c.dispatched > 0) out.set(k, c);
    }
    return out;
  }

  const keyOf: Record<Exclude<Grouping, 'month' | 'level'>, (f: ReturnType<typeof rowToFact>) => string> = {
    unit: (f) => String(f.unitId),
    category: (f) => f.categoryCode ?? '',
    region: (f) => f.region ?? '',
    channel: (f) => f.channel,
    type: (f) => f.type,
  };

  it('for every grouping, report time and satisfaction setting', async () => {
    const facts = (await t.handle.db.selectFrom('ticket_fact').selectAll().execute()).map(rowToFact);
    expect(facts.length).toBeGreaterThan(60);
    const outcomes = new Set(facts.map((f) => f.outcome));
    for (const o of ['completed', 'in-progress', 'returned', 'forwarded']) expect(outcomes, o).toContain(o);
    const settings: TallyOptions[] = [];
    for (const asOf of [
      '2026-03-10T12:00:00+08:00',
      '2026-03-31T18:00:00+08:00',
      '2026-04-20T09:00:00+08:00',
    ]) {
      settings.push(tallyOptionsOf(beijing, new Date(asOf)));
    }
    settings.push({
      ...tallyOptionsOf(beijing, new Date('2026-04-20T09:00:00+08:00')),
      upheldAppeal: 'keep',
      satisfied: ['satisfied', 'basically-satisfied'],
    });
    settings.push({
      ...tallyOptionsOf(beijing, new Date('2026-04-20T09:00:00+08:00')),
      upheldAppeal: 'count-satisfied',
      numberComplaintCategories: ['01', '0202'],
    });
    let compared = 0;
    for (const o of settings) {
      for (const g of Object.keys(keyOf) as (keyof typeof keyOf)[]) {
        const sqlRows = await groupedCounts(t.handle.db, { months: [202603] }, o, g);
        const fromSql = new Map(
          sqlRows.filter((r) => r.counts.dispatched > 0).map((r) => [`${r.key}|${r.month}`, r.counts]),
        );
        const pure = byKey(facts, keyOf[g], o);
        expect([...fromSql.keys()].sort(), g).toEqual([...pure.keys()].sort());
        for (const [k, c] of pure) {
          const s = fromSql.get(k) ?? emptyCounts();
          for (const key of countKeys) expect(s[key], `${g} ${k} ${key}`).toBe(c[key]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
