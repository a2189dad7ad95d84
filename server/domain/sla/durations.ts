/**
 * Adding a limit to an instant (SPEC §4.1):
 * - N working days (wd): counting starts the day after t's local date; the result is the end
 *   of the N-th working day (end of day 23:59:59 unless set otherwise). 0 wd = end of t's day;
 *   -N wd = end of the N-th working day before t's day.
 * - N natural days (nd): the end of the N-th calendar day after t's date, never moved.
 * - N hours (h): exactly t + N hours.
 */
import type {
  DeadlineExplanation,
  ExplanationStep,
  SpecialDay,
} from '../../../common/contracts/deadline-explanation';
import { MS_PER_HOUR, civilFromDays, formatDay, localDayOfMs, msOfLocal, parseClock } from '../calendar/time';
import type { WorkCalendar } from '../calendar/work-calendar';

export type DurationUnit = 'wd' | 'nd' | 'h';
export interface Duration {
  amount: number;
  unit: DurationUnit;
}

export const DEFAULT_END_OF_DAY = '23:59:59';
export const DEFAULT_END_OF_DAY_MS = parseClock(DEFAULT_END_OF_DAY);

const SPEC_RE = /^\s*([+-]?(?:\d+(?:\.\d+)?|\.\d+))\s*(wd|nd|h)\s*$/i;

/** Parses "5wd", "7nd", "0.5h" (case-insensitive; a sign is allowed). */
export function parseDurationSpec(spec: string): Duration {
  const m = SPEC_RE.exec(spec);
  if (!m) {
    throw new RangeError(
      `bad duration ${JSON.stringify(spec)}: expected a number followed by wd, nd or h (e.g. 5wd, 7nd, 0.5h)`,
    );
  }
  const amount = Number(m[1]);
  const unit = (m[2] as string).toLowerCase() as DurationUnit;
  if (unit !== 'h' && !Number.isInteger(amount)) {
    throw new RangeError(
      `bad duration ${JSON.stringify(spec)}: working and natural days must be whole numbers`,
    );
  }
  return { amount: amount === 0 ? 0 : amount, unit };
}

/** Hot path: adds a duration to epoch milliseconds; returns epoch milliseconds. */
export function addDurationMs(
  cal: WorkCalendar,
  fromMs: number,
  amount: number,
  unit: DurationUnit,
  endOfDayMs: number,
): number {
  if (unit === 'h') return fromMs + Math.round(amount * MS_PER_HOUR);
  const day = localDayOfMs(fromMs);
  const target = unit === 'wd' ? cal.addWorkingDays(day, amount) : day + amount;
  return msOfLocal(target, endOfDayMs);
}

/**
 * Notable days in [from, to]: runs of non-working days that include a public holiday, and
 * make-up working days (e.g. 10-01..10-07 holiday, 10-10 make-up day).
 */
export function specialDaysIn(cal: WorkCalendar, from: number, to: number): SpecialDay[] {
  const out: SpecialDay[] = [];
  let runStart = -1;
  let runHoliday = false;
  const flush = (end: number): void => {
    if (runStart >= 0 && runHoliday) {
      out.push({ kind: 'holiday', from: formatDay(runStart), to: formatDay(end) });
    }
    runStart = -1;
    runHoliday = false;
  };
  for (let d = from; d <= to; d++) {
    const kind = cal.kindOf(d);
    if (kind === 'holiday' || kind === 'weekend') {
      if (runStart < 0) runStart = d;
      if (kind === 'holiday') runHoliday = true;
      continue;
    }
    flush(d - 1);
    if (kind === 'makeup') out.push({ kind: 'makeup', day: formatDay(d) });
  }
  flush(to);
  return out;
}

/** Years without an official schedule in [from, to]. */
export function provisionalYears(cal: WorkCalendar, from: number, to: number): number[] {
  const years: number[] = [];
  for (let y = civilFromDays(from).year; y <= civilFromDays(to).year; y++) {
    if (!cal.isYearCovered(y)) years.push(y);
  }
  return years;
}

/** The cut-off of a day's limit when it is not the end of the day (null otherwise). */
export function cutOff(endOfDayMs: number): string | null {
  if (endOfDayMs === DEFAULT_END_OF_DAY_MS) return null;
  const s = Math.floor(endOfDayMs / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

/** Adds a duration to an instant, with an explanation. */
export function addDuration(
  calendar: WorkCalendar,
  from: Date,
  add: Duration,
  opts?: { endOfDay?: string },
): { at: Date; provisional: boolean; explanation: DeadlineExplanation } {
  const eod = opts?.endOfDay === undefined ? DEFAULT_END_OF_DAY_MS : parseClock(opts.endOfDay);
  const fromMs = from.getTime();
  if (!Number.isFinite(fromMs)) throw new RangeError('invalid start instant');
  if (add.unit !== 'h' && !Number.isInteger(add.amount)) {
    throw new RangeError('working and natural days must be whole numbers');
  }
  const at = addDurationMs(calendar, fromMs, add.amount, add.unit, eod);
  const count: ExplanationStep = {
    kind: 'count',
    amount: add.amount,
    unit: add.unit,
    from: new Date(fromMs).toISOString(),
    special: [],
    suspendedDays: 0,
    suspendedMinutes: 0,
    endOfDay: add.unit === 'h' ? null : cutOff(eod),
  };
  if (add.unit === 'h') return { at: new Date(at), provisional: false, explanation: [count] };
  const d0 = localDayOfMs(fromMs);
  const d1 = localDayOfMs(at);
  const lo = Math.min(d0 + 1, d1);
  const hi = Math.max(d0, d1);
  const provisional = add.unit === 'wd' && calendar.anyProvisional(lo, hi);
  if (add.unit === 'wd') count.special = specialDaysIn(calendar, lo, hi);
  const explanation: DeadlineExplanation = [count];
  if (provisional) explanation.push({ kind: 'provisional', years: provisionalYears(calendar, lo, hi) });
  return { at: new Date(at), provisional, explanation };
}
