import { describe, expect, it } from 'vitest';
import { detectBursts, isTopicWord, poissonUpperTailLog10 } from './burst';

const opts = { windowOrders: 200, minCount: 5, minGrowth: 2, maxP: 1e-4, maxShare: 0.08 };

describe('hot-topic bursts', () => {
  it('computes Poisson upper tails', () => {
    // P(X ≥ 1 | λ = 2) = 1 − e^−2 = 0.864665
    expect(poissonUpperTailLog10(1, 2)).toBeCloseTo(Math.log10(1 - Math.exp(-2)), 6);
    // P(X ≥ 5 | λ = 1) = 1 − e^−1 (1 + 1 + 1/2 + 1/6 + 1/24) = 0.0036599
    expect(10 ** poissonUpperTailLog10(5, 1)).toBeCloseTo(0.0036599, 6);
    expect(poissonUpperTailLog10(0, 3)).toBe(0);
  });

  it('ranks a large rise first, drops noise, steady words and generic ones', () => {
    const found = detectBursts(
      [
        // 40 orders in the window, 2 in 2,800 reference orders: expected 2/2800 × 200 = 0.14.
        { term: '停水', count: 40, ref: 2, refOrders: 2800 },
        // 2 against 0: below the minimum count.
        { term: '井盖', count: 2, ref: 0, refOrders: 2800 },
        // Steady: 10 in the window, 140 in the reference (expected 10).
        { term: '噪音', count: 10, ref: 140, refOrders: 2800 },
        // Smaller rise: 8 against an expected 1.
        { term: '路灯', count: 8, ref: 14, refOrders: 2800 },
        // In a third of all orders: generic.
        { term: '小区', count: 70, ref: 900, refOrders: 2800 },
      ],
      opts,
    );
    expect(found.map((b) => b.term)).toEqual(['停水', '路灯']);
    const first = found[0];
    expect(first?.baseline).toBeCloseTo(0.1, 5); // 0.142… rounded to one decimal
    expect(first?.growth).toBeCloseTo(Math.round((41 / (1 + 2 / 14)) * 10) / 10, 5);
  });

  it('keeps one of a word and its part counting nearly the same orders', () => {
    const found = detectBursts(
      [
        { term: '停水通知', count: 30, ref: 0, refOrders: 2800 },
        { term: '停水', count: 32, ref: 1, refOrders: 2800 },
      ],
      opts,
    );
    expect(found).toHaveLength(1);
  });

  it('takes words of two characters or more that are not bare numbers', () => {
    expect(isTopicWord('水')).toBe(false);
    expect(isTopicWord('2026')).toBe(false);
    expect(isTopicWord('反映')).toBe(false);
    expect(isTopicWord('停水')).toBe(true);
  });
});
