/**
 * Star ratings of franchise enterprises (加盟企业星级), published to citizens (wuqing §35: 服务质量
 * 回访评议; §37: the center keeps track of service quality and integrity; §38: bad records).
 *
 * Each referred order rated at its callback scores 满意 5, 基本满意 4, 不满意 1. The stars are the
 * mean score rounded to the nearest half star, less one star per bad record (complaint upheld,
 * no-show…) of the last 365 days, never below one star. With fewer than MIN_RATED_ORDERS rated
 * orders an enterprise has no stars yet (评价不足), whatever its records.
 * Suspension is due once an enterprise has SUSPENSION_BAD_RECORDS bad records within 365 days.
 */
export const callbackRatings = ['satisfied', 'basically-satisfied', 'unsatisfied'] as const;
export type CallbackRating = (typeof callbackRatings)[number];

export const RATING_SCORES: Readonly<Record<CallbackRating, number>> = {
  satisfied: 5,
  'basically-satisfied': 4,
  unsatisfied: 1,
};
export const MIN_RATED_ORDERS = 3;
export const BAD_RECORD_WINDOW_DAYS = 365;
export const SUSPENSION_BAD_RECORDS = 3;
const DAY_MS = 86_400_000;

export interface RatingCounts {
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
}

export interface StarRating {
  /** 1-5 in half stars; null while fewer than MIN_RATED_ORDERS orders are rated. */
  stars: number | null;
  ratedOrders: number;
  /** (满意 + 基本满意) / rated, 0-1; null with no rated order. */
  satisfactionRate: number | null;
  /** Bad records within the window (they cost one star each). */
  recentBadRecords: number;
}

/** Bad records whose time is within the window ending at `now` (inclusive). */
export function recentBadRecords(recordedAt: readonly Date[], now: Date): number {
  const from = now.getTime() - BAD_RECORD_WINDOW_DAYS * DAY_MS;
  return recordedAt.filter((d) => d.getTime() > from && d.getTime() <= now.getTime()).length;
}

export function starRating(counts: RatingCounts, badRecordsInWindow: number): StarRating {
  const rated = counts.satisfied + counts.basicallySatisfied + counts.unsatisfied;
  const satisfactionRate = rated === 0 ? null : (counts.satisfied + counts.basicallySatisfied) / rated;
  if (rated < MIN_RATED_ORDERS) {
    return { stars: null, ratedOrders: rated, satisfactionRate, recentBadRecords: badRecordsInWindow };
  }
  const total =
    counts.satisfied * RATING_SCORES.satisfied +
    counts.basicallySatisfied * RATING_SCORES['basically-satisfied'] +
    counts.unsatisfied * RATING_SCORES.unsatisfied;
  // Nearest half star; exact halves of a half star round up (integer arithmetic: 2·total / rated).
  const halves = Math.round((2 * total) / rated);
  const stars = Math.max(1, halves / 2 - badRecordsInWindow);
  return { stars, ratedOrders: rated, satisfactionRate, recentBadRecords: badRecordsInWindow };
}

/** Whether the records within the window call for suspension (applied when the record is made). */
export function suspensionDue(badRecordsInWindow: number): boolean {
  return badRecordsInWindow >= SUSPENSION_BAD_RECORDS;
}
