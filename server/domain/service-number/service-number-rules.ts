import { formatDay, localDay, parseDay } from '../calendar/time';

/**
 * Rules of the registry of public service and emergency-repair numbers (beijing-miyun §9-§12).
 * Pure: the instant of the application and the dates come in as arguments; dates are civil
 * dates (`YYYY-MM-DD`) in the service time zone.
 */

/** beijing-miyun §11: opening, changing or closing a number is applied for 45 days ahead. */
export const NOTICE_DAYS = 45;

export interface NoticeCheck {
  ok: boolean;
  /** Natural days from the day of the application to the effective date. */
  days: number;
  /** The earliest effective date this application could ask for. */
  earliest: string;
}

/**
 * Whether an effective date leaves the 45 natural days' notice of beijing-miyun §11, counted
 * from the (service time zone) day the application is made: applied on 1 March, the earliest
 * effective date is 15 April.
 */
export function checkNotice(appliedAt: Date, effectiveDate: string): NoticeCheck {
  const applied = localDay(appliedAt);
  const days = parseDay(effectiveDate) - applied;
  return { ok: days >= NOTICE_DAYS, days, earliest: formatDay(applied + NOTICE_DAYS) };
}

/** The service-time-zone date (`YYYY-MM-DD`) of an instant. */
export function serviceDate(t: Date): string {
  return formatDay(localDay(t));
}

/** A review period (beijing-miyun §10: the registry is reviewed every half year). */
export interface ReviewPeriod {
  /** `YYYY-H1` (January-June) or `YYYY-H2` (July-December). */
  id: string;
  firstDay: string;
  lastDay: string;
}

export class ReviewPeriodError extends Error {}

/** Parses `YYYY-H1` / `YYYY-H2`; throws ReviewPeriodError on anything else. */
export function parseReviewPeriod(input: string): ReviewPeriod {
  const m = /^(\d{4})-H([12])$/i.exec(input.trim());
  if (!m) throw new ReviewPeriodError(`review period must be YYYY-H1 or YYYY-H2: ${input}`);
  const year = m[1] ?? '';
  const half = m[2] === '1' ? 1 : 2;
  return half === 1
    ? { id: `${year}-H1`, firstDay: `${year}-01-01`, lastDay: `${year}-06-30` }
    : { id: `${year}-H2`, firstDay: `${year}-07-01`, lastDay: `${year}-12-31` };
}

/** The review period a date falls in. */
export function reviewPeriodOf(date: string): ReviewPeriod {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return parseReviewPeriod(`${year}-H${month <= 6 ? 1 : 2}`);
}

export type NumberAction = 'open' | 'change' | 'close';

/** One version of a number in its history: what an approved application made effective. */
export interface NumberVersion {
  action: NumberAction;
  effectiveDate: string;
  /** Order of approval, to break ties between versions effective the same day. */
  seq: number;
}

/**
 * The version of a number in force on a date: the latest one effective on or before it
 * (ties: the later approval). null when none is effective yet or the one in force closed it:
 * a number is published from its effective date until the effective date of its closing.
 */
export function versionInForce<V extends NumberVersion>(versions: readonly V[], date: string): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (v.effectiveDate > date) continue;
    if (
      !best ||
      v.effectiveDate > best.effectiveDate ||
      (v.effectiveDate === best.effectiveDate && v.seq > best.seq)
    ) {
      best = v;
    }
  }
  return best && best.action !== 'close' ? best : null;
}

/** Changes that took effect in a period (the report of a semi-annual review). */
export function changesInPeriod<V extends NumberVersion>(versions: readonly V[], period: ReviewPeriod): V[] {
  return versions.filter((v) => v.effectiveDate >= period.firstDay && v.effectiveDate <= period.lastDay);
}
