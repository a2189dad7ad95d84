import { describe, expect, it } from 'vitest';
import { emptyCounts, type KpiCounts } from './counts';
import { parsePeriod, PeriodError } from './period';
import { builtInSchemes, parseScheme, SchemeError, type Scheme } from './schemes';
import { beijingMiyunScheme } from './schemes/beijing-miyun';
import { bottomOf, componentPoints, interviewCandidates, periodValue, rankByScore, scoreUnit } from './score';

const scheme = (id: string): Scheme => {
  const s = builtInSchemes.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};
const beijing = scheme('beijing-miyun');

/** Counts of one month with the given on-time, feedback and satisfaction fractions. */
function month(over: Partial<KpiCounts>): KpiCounts {
  return { ...emptyCounts(), dispatched: 1, ...over };
}

describe('Beijing 3-point score (beijing-miyun Annex 2 §3)', () => {
  it('satisfaction tiers: [0,30%)→0.2, [30,40%)→0.4, [40,56%)→0.6, [56,75%)→0.7, [75,100%]→0.8', () => {
    const tiers = beijing.components.find((c) => c.indicator === 'satisfactionRate');
    if (!tiers) throw new Error('no tiers');
    const cases: [number, number][] = [
      [0, 0.2],
      [0.2999, 0.2],
      [0.3, 0.4],
      [0.39, 0.4],
      [0.4, 0.6],
      [0.5599, 0.6],
      [14 / 25, 0.7],
      [0.7499, 0.7],
      [0.75, 0.8],
      [3 / 4, 0.8],
      [1, 0.8],
    ];
    for (const [rate, points] of cases) expect(componentPoints(tiers, rate), String(rate)).toBe(points);
  });

  it('complaints about service numbers: 0.4 − 0.01 per upheld complaint, never below 0', () => {
    const d = beijing.components.find((c) => c.kind === 'deduction');
    if (!d) throw new Error('no deduction');
    expect(componentPoints(d, 0)).toBe(0.4);
    expect(componentPoints(d, 3)).toBeCloseTo(0.37, 12);
    expect(componentPoints(d, 40)).toBeCloseTo(0, 12);
    expect(componentPoints(d, 55)).toBe(0);
  });

  it('a month: 1×on-time + 0.8×feedback + tier(satisfaction) + complaints', () => {
    // on-time 3/5 = 0.6 → 0.6; feedback 2/3 → 0.8 × 2/3 = 0.533333…; satisfaction 2/3 = 66.7 % → 0.7;
    // one upheld complaint → 0.4 − 0.01 = 0.39. Total 0.6 + 0.533333… + 0.7 + 0.39 = 2.223333…
    const c = month({
      dispatched: 5,
      onTime: 3,
      late: 2,
      feedbackCallbacks: 3,
      feedbackYes: 2,
      resultRated: 3,
      resultSatisfied: 2,
      upheldNumberComplaints: 1,
    });
    const s = scoreUnit(beijing, [c]);
    expect(s.values.onTimeRate).toBeCloseTo(0.6, 12);
    expect(s.values.feedbackRate).toBeCloseTo(2 / 3, 12);
    expect(s.values.satisfactionRate).toBeCloseTo(2 / 3, 12);
    expect(s.score).toBeCloseTo(0.6 + 0.8 * (2 / 3) + 0.7 + 0.39, 9);
  });

  it('a year: the mean of the monthly rates ("年度平均"), months without a rate left out; complaints summed', () => {
    // Jan: on-time 1/2, feedback 1/1, satisfaction 1/2; Feb: on-time 1/1, feedback 0/1, satisfaction 1/1;
    // Mar: dispatched but nothing decided yet (no rates). Means: on-time (0.5 + 1)/2 = 0.75 (pooled would be 2/3),
    // feedback (1 + 0)/2 = 0.5, satisfaction (0.5 + 1)/2 = 0.75 → tier 0.8. Complaints 1 + 2 = 3 → 0.37.
    // Score 0.75 + 0.8 × 0.5 + 0.8 + 0.37 = 2.32.
    const jan = month({
      dispatched: 2,
      onTime: 1,
      late: 1,
      feedbackCallbacks: 1,
      feedbackYes: 1,
      resultRated: 2,
      resultSatisfied: 1,
      upheldNumberComplaints: 1,
    });
    const feb = month({
      dispatched: 1,
      onTime: 1,
      feedbackCallbacks: 1,
      feedbackYes: 0,
      resultRated: 1,
      resultSatisfied: 1,
      upheldNumberComplaints: 2,
    });
    const mar = month({ dispatched: 4, inLimit: 4 });
    const s = scoreUnit(beijing, [jan, feb, mar, emptyCounts()]);
    expect(s.values.onTimeRate).toBeCloseTo(0.75, 12);
    expect(periodValue('onTimeRate', [jan, feb, mar], 'pooled')).toBeCloseTo(2 / 3, 12);
    expect(s.values.feedbackRate).toBeCloseTo(0.5, 12);
    expect(s.values.satisfactionRate).toBeCloseTo(0.75, 12);
    expect(s.values.upheldNumberComplaints).toBe(3);
    expect(s.months).toBe(3);
    expect(s.score).toBeCloseTo(2.32, 9);
  });

  it('rates without a denominator leave their component out and the rest is scaled to the full score', () => {
    // on-time 1/1 → 1 of 1; feedback and satisfaction have no callbacks; no complaints → 0.4 of 0.4.
    // (1 + 0.4) scaled by 3 / (1 + 0.4) = 3.
    const s = scoreUnit(beijing, [month({ onTime: 1 })]);
    expect(s.values.feedbackRate).toBeNull();
    expect(s.score).toBe(3);
    // With missingRate "zero" the same unit scores 1 + 0 + 0 + 0.4 = 1.4.
    expect(scoreUnit({ ...beijing, missingRate: 'zero' }, [month({ onTime: 1 })]).score).toBeCloseTo(1.4, 12);
  });
});

describe('Zibo and Shanghai schemes', () => {
  it('zibo-12345: 40 × on-time + 30 × process + 30 × result satisfaction', () => {
    // on-time 4/5 = 0.8 → 32; process 3/4 → 22.5; result 1/2 → 15. Total 69.5.
    const c = month({
      dispatched: 5,
      onTime: 4,
      late: 1,
      processRated: 4,
      processSatisfied: 3,
      resultRated: 4,
      resultSatisfied: 2,
    });
    expect(scoreUnit(scheme('zibo-12345'), [c]).score).toBeCloseTo(69.5, 9);
  });

  it('shanghai-962200: 40 × on-time + 40 × callback satisfaction + 20 × knowledge-base timeliness', () => {
    // on-time 1/2 → 20; satisfaction 3/4 → 30; notices 1 of 2 in time → 10. Total 60.
    const c = month({
      dispatched: 2,
      onTime: 1,
      late: 1,
      resultRated: 4,
      resultSatisfied: 3,
      kbNoticesDecided: 2,
      kbNoticesOnTime: 1,
    });
    expect(scoreUnit(scheme('shanghai-962200'), [c]).score).toBeCloseTo(60, 9);
    // Without knowledge-base notices: (20 + 30) scaled by 100/80 = 62.5.
    expect(
      scoreUnit(scheme('shanghai-962200'), [{ ...c, kbNoticesDecided: 0, kbNoticesOnTime: 0 }]).score,
    ).toBeCloseTo(62.5, 9);
  });
});

describe('ranking and interviews (zibo-12345 §20)', () => {
  it('competition ranking, best first; no score, no rank', () => {
    const r = rankByScore([
      { key: 'a', score: 2.5 },
      { key: 'b', score: 2.7 },
      { key: 'c', score: 2.5 },
      { key: 'd', score: null },
      { key: 'e', score: 1 },
    ]);
    expect([...['a', 'b', 'c', 'd', 'e'].map((k) => r.get(k))]).toEqual([2, 1, 2, null, 4]);
  });

  it('bottom 3 of a month includes ties with the third lowest', () => {
    const m = [1, 2, 3, 3, 5].map((score, i) => ({ key: i, score }));
    expect([...bottomOf(m, 3)].sort()).toEqual([0, 1, 2, 3]);
  });

  it('flags units in the bottom 3 in each of three consecutive months', () => {
    const m = (scores: number[]) => scores.map((score, i) => ({ key: `u${i}`, score }));
    // u0 and u1 are in the bottom 3 each month; u2 escapes in month 2; u3 only in month 3.
    const months = [m([10, 20, 30, 90, 95, 99]), m([10, 20, 80, 90, 5, 99]), m([10, 20, 80, 5, 95, 99])];
    expect([...interviewCandidates(months, 3)].sort()).toEqual(['u0', 'u1']);
  });
});

describe('periods and scheme validation', () => {
  it('parses months, quarters, halves and years in Asia/Shanghai', () => {
    const q = parsePeriod('2026-Q2');
    expect(q.months).toEqual([202604, 202605, 202606]);
    expect(q.start.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(q.end.toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(parsePeriod('2026-H2').months).toEqual([202607, 202608, 202609, 202610, 202611, 202612]);
    expect(parsePeriod('2026').months).toHaveLength(12);
    expect(parsePeriod('2026-12').end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    for (const bad of ['2026-13', '2026-Q5', '26-01', 'last month']) {
      expect(() => parsePeriod(bad)).toThrow(PeriodError);
    }
  });

  it('refuses a scheme with unordered tiers or an unknown indicator', () => {
    const tiers = {
      ...beijingMiyunScheme,
      components: [
        {
          kind: 'tiers',
          indicator: 'satisfactionRate',
          tiers: [
            { from: 0, points: 1 },
            { from: 0, points: 2 },
          ],
          article: 'x',
        },
      ],
    };
    expect(() => parseScheme(tiers, 'test')).toThrow(SchemeError);
    const unknown = {
      ...beijingMiyunScheme,
      components: [{ kind: 'linear', indicator: 'happiness', weight: 1, article: 'x' }],
    };
    expect(() => parseScheme(unknown, 'test')).toThrow(/indicator/);
  });
});

describe('tianjin-wuqing §24, §28: satisfaction-based score, points lost for ignored supervision', () => {
  const wuqing = scheme('tianjin-wuqing');

  it('a month: 60 × result satisfaction + 30 × on-time + (10 − 2 per ignored supervision, never below 0)', () => {
    // result satisfaction 3/4 → 45; on time 4/5 → 24; 2 supervisions not answered by their due → 10 − 4 = 6.
    const c = month({
      dispatched: 5,
      onTime: 4,
      late: 1,
      resultRated: 4,
      resultSatisfied: 3,
      supervisionsIgnored: 2,
    });
    const s = scoreUnit(wuqing, [c]);
    expect(s.values.ignoredSupervisionCount).toBe(2);
    expect(s.score).toBeCloseTo(45 + 24 + 6, 9);
    // Six ignored supervisions would take 12 points: the component stops at 0.
    expect(scoreUnit(wuqing, [{ ...c, supervisionsIgnored: 6 }]).score).toBeCloseTo(45 + 24, 9);
  });

  it('a unit whose supervisions were all answered in time keeps the 10 points', () => {
    const c = month({ dispatched: 5, onTime: 5, resultRated: 4, resultSatisfied: 4 });
    expect(scoreUnit(wuqing, [c]).score).toBeCloseTo(100, 9);
  });
});
