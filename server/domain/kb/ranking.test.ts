import { describe, expect, it } from 'vitest';
import type { QueryConcept } from './query';
import { idf, planQuery, searchTiers } from './ranking';

const concept = (word: string, terms = [word], count = 1): QueryConcept => ({ word, terms, count });
const stats = (docs: number, df: Record<string, number>) => ({ docs, df: (t: string) => df[t] ?? 0 });

describe('query planning', () => {
  it('weighs rare concepts above common ones and drops concepts no article contains', () => {
    const plan = planQuery(
      [concept('办理'), concept('油烟'), concept('不存在词')],
      stats(1000, { 办理: 600, 油烟: 12 }),
    );
    expect(plan.scoring.map((c) => c.word)).toEqual(['油烟', '办理']);
    expect(plan.scoring[0]?.weight).toBeCloseTo(idf(1000, 12) ** 2, 10);
    expect(plan.scoring[0]?.weight).toBeGreaterThan(20 * (plan.scoring[1]?.weight ?? 0));
  });

  it('gives a synonym group the summed document frequency of its members', () => {
    const plan = planQuery([concept('社保', ['社保', '社会保险'])], stats(1000, { 社保: 30, 社会保险: 20 }));
    expect(plan.scoring[0]).toMatchObject({ df: 50, tsquery: "'社保' | '社会保险'" });
    expect(plan.scoring[0]?.weight).toBeCloseTo(idf(1000, 50) ** 2, 10);
  });

  it('boosts words the query repeats', () => {
    const once = planQuery([concept('噪音', ['噪音'], 1)], stats(100, { 噪音: 5 })).scoring[0]?.weight ?? 0;
    const thrice = planQuery([concept('噪音', ['噪音'], 3)], stats(100, { 噪音: 5 })).scoring[0]?.weight ?? 0;
    expect(thrice / once).toBeCloseTo(1 + Math.log(3), 10);
  });

  it('keeps candidates within the budget, rarest first, skipping common concepts', () => {
    const plan = planQuery(
      [concept('物业'), concept('电梯'), concept('维修'), concept('小区')],
      stats(100_000, { 物业: 3000, 电梯: 400, 维修: 5000, 小区: 900 }),
      { maxConcepts: 10, candidateBudget: 4000 },
    );
    expect(plan.scoring.map((c) => c.word)).toEqual(['电梯', '小区', '物业', '维修']);
    expect(plan.candidateQuery).toBe("'电梯' | '小区'");
    expect(plan.candidateEstimate).toBe(1300);
    // The rarest concept is always a candidate, whatever its frequency.
    expect(
      planQuery([concept('办理')], stats(10, { 办理: 9 }), { maxConcepts: 5, candidateBudget: 1 })
        .candidateQuery,
    ).toBe("'办理'");
  });

  it('caps long queries to their rarest concepts', () => {
    const words = Array.from({ length: 40 }, (_, i) => `词${i}`);
    const df = Object.fromEntries(words.map((w, i) => [w, i + 1]));
    const plan = planQuery(
      words.map((w) => concept(w)),
      stats(1000, df),
      { maxConcepts: 5, candidateBudget: 1e9 },
    );
    expect(plan.scoring.map((c) => c.word)).toEqual(['词0', '词1', '词2', '词3', '词4']);
  });

  it('can keep terms unknown to the statistics (weighting another corpus)', () => {
    const plan = planQuery([concept('罕见词')], stats(100, {}), {
      maxConcepts: 5,
      candidateBudget: 1e9,
      keepUnseen: true,
    });
    expect(plan.scoring[0]).toMatchObject({ word: '罕见词', df: 0 });
  });
});

describe('search tiers', () => {
  const plan = planQuery(
    [concept('补办'), concept('社保卡'), concept('材料')],
    stats(100_000, { 补办: 400, 社保卡: 2000, 材料: 30_000 }),
    {
      maxConcepts: 10,
      candidateBudget: 4000,
    },
  );

  it('narrows short queries: rarest word in the title, then the two rarest anywhere, then any', () => {
    expect(searchTiers(plan, true)).toEqual([
      { head: "'补办'", match: "('补办') & ('社保卡')" },
      { match: "('补办') & ('社保卡')" },
      { match: "'补办' | '社保卡'" },
    ]);
  });

  it('reads long queries in one tier, and nothing when no word is known', () => {
    expect(searchTiers(plan, false)).toEqual([{ match: "'补办' | '社保卡'" }]);
    expect(searchTiers(planQuery([concept('未知')], stats(10, {})), true)).toEqual([]);
    const single = planQuery([concept('电梯')], stats(10, { 电梯: 3 }));
    expect(searchTiers(single, true)).toEqual([{ head: "'电梯'", match: "'电梯'" }, { match: "'电梯'" }]);
  });
});
