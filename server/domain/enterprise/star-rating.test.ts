import { describe, expect, it } from 'vitest';
import { recentBadRecords, starRating, suspensionDue } from './star-rating';

/** Expected stars by hand: scores 满意 5, 基本满意 4, 不满意 1; mean to the nearest half star. */
describe('star rating of a franchise enterprise', () => {
  it.each([
    // 3 × 5 = 15 / 3 = 5.0 → 5 stars.
    [{ satisfied: 3, basicallySatisfied: 0, unsatisfied: 0 }, 0, 5],
    // (2·5 + 1·4) / 3 = 14/3 = 4.67 → 4.5 (nearest half: 4.5 is 0.17 away, 5 is 0.33 away).
    [{ satisfied: 2, basicallySatisfied: 1, unsatisfied: 0 }, 0, 4.5],
    // (1·5 + 1·4 + 1·1) / 3 = 10/3 = 3.33 → 3.5 (0.17 away; 3.0 is 0.33 away).
    [{ satisfied: 1, basicallySatisfied: 1, unsatisfied: 1 }, 0, 3.5],
    // (3·5 + 1·1) / 4 = 4.0 → 4, less one bad record → 3.
    [{ satisfied: 3, basicallySatisfied: 0, unsatisfied: 1 }, 1, 3],
    // 3 × 1 / 3 = 1 → 1; bad records never take it below one star.
    [{ satisfied: 0, basicallySatisfied: 0, unsatisfied: 3 }, 2, 1],
    // (1·5 + 3·4) / 4 = 4.25 → exactly between 4 and 4.5: rounds up to 4.5.
    [{ satisfied: 1, basicallySatisfied: 3, unsatisfied: 0 }, 0, 4.5],
  ])('%o with %i bad records → %f stars', (counts, bad, stars) => {
    expect(starRating(counts, bad).stars).toBe(stars);
  });

  it('fewer than three rated orders: no stars yet, the rate is still shown', () => {
    const r = starRating({ satisfied: 1, basicallySatisfied: 0, unsatisfied: 1 }, 0);
    expect(r).toEqual({ stars: null, ratedOrders: 2, satisfactionRate: 0.5, recentBadRecords: 0 });
    expect(
      starRating({ satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 }, 0).satisfactionRate,
    ).toBeNull();
  });

  it('satisfaction rate counts 满意 and 基本满意: 3 of 4', () => {
    expect(starRating({ satisfied: 2, basicallySatisfied: 1, unsatisfied: 1 }, 0).satisfactionRate).toBe(
      0.75,
    );
  });

  it('bad records count within the last 365 days only', () => {
    const now = new Date('2026-12-07T00:00:00Z');
    const records = [
      new Date('2026-12-01T00:00:00Z'),
      new Date('2025-12-08T00:00:00Z'), // 364 days before: inside
      new Date('2025-12-07T00:00:00Z'), // exactly 365 days before: outside
      new Date('2025-01-01T00:00:00Z'),
    ];
    expect(recentBadRecords(records, now)).toBe(2);
  });

  it('suspension is due from the third bad record within the window', () => {
    expect(suspensionDue(2)).toBe(false);
    expect(suspensionDue(3)).toBe(true);
  });
});
