/**
 * Adding a limit to an instant (SPEC §4.1):
 * - N working days (wd): counting starts the day after t's local date; the result is the end
 *   of the N-th working day (end of day 23:59:59 unless set otherwise). 0 wd = end of t's day;
 *   -N wd = end of the N-th working day before t's day.
 * - N natural days (nd): the end of the N-th calendar day after t's date, never moved.
 * - N hours (h): exactly t + N hours.
 */
import {
  MS_PER_HOUR,
  civilFromDays,
  formatLocalShort,
  localDayOfMs,
  msOfLocal,
  parseClock,
} from '../calendar/time';
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

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function monthDay(day: number): { m: number; text: string } {
  const c = civilFromDays(day);
  return { m: c.month, text: `${monthNames[c.month - 1] ?? '?'} ${c.day}` };
}
function rangeText(a: number, b: number): string {
  const x = monthDay(a);
  if (a === b) return x.text;
  const y = monthDay(b);
  return y.m === x.m ? `${x.text}-${civilFromDays(b).day}` : `${x.text}-${y.text}`;
}

/**
 * Notable days in [from, to]: runs of non-working days that include a public holiday, and
 * make-up working days, e.g. "Oct 1-7 holiday, Oct 10 make-up day".
 */
export function describeSpecialDays(cal: WorkCalendar, from: number, to: number): string {
  const parts: string[] = [];
  let runStart = -1;
  let runHoliday = false;
  const flush = (end: number): void => {
    if (runStart >= 0 && runHoliday) parts.push(`${rangeText(runStart, end)} holiday`);
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
    if (kind === 'makeup') parts.push(`${monthDay(d).text} make-up day`);
  }
  flush(to);
  return parts.join(', ');
}

function unitText(amount: number, unit: DurationUnit): string {
  const one = Math.abs(amount) === 1;
  switch (unit) {
    case 'wd':
      return `${amount} working day${one ? '' : 's'}`;
    case 'nd':
      return `${amount} natural day${one ? '' : 's'}`;
    case 'h':
      return `${amount} hour${one ? '' : 's'}`;
  }
}

/** Notes years without an official schedule in [from, to]. */
export function provisionalNote(cal: WorkCalendar, from: number, to: number): string {
  const years: number[] = [];
  for (let y = civilFromDays(from).year; y <= civilFromDays(to).year; y++) {
    if (!cal.isYearCovered(y)) years.push(y);
  }
  return years.length === 0 ? '' : `provisional: no official holiday schedule for ${years.join(', ')} yet`;
}

/** Adds a duration to an instant, with an explanation. */
export function addDuration(
  calendar: WorkCalendar,
  from: Date,
  add: Duration,
  opts?: { endOfDay?: string },
): { at: Date; provisional: boolean; explain: string } {
  const eod = opts?.endOfDay === undefined ? DEFAULT_END_OF_DAY_MS : parseClock(opts.endOfDay);
  const fromMs = from.getTime();
  if (!Number.isFinite(fromMs)) throw new RangeError('invalid start instant');
  if (add.unit !== 'h' && !Number.isInteger(add.amount)) {
    throw new RangeError('working and natural days must be whole numbers');
  }
  const at = addDurationMs(calendar, fromMs, add.amount, add.unit, eod);
  const head = `${unitText(add.amount, add.unit)} from ${formatLocalShort(fromMs)}`;
  if (add.unit === 'h') return { at: new Date(at), provisional: false, explain: head };
  const d0 = localDayOfMs(fromMs);
  const d1 = localDayOfMs(at);
  const lo = Math.min(d0 + 1, d1);
  const hi = Math.max(d0, d1);
  const provisional = add.unit === 'wd' && calendar.anyProvisional(lo, hi);
  const notes: string[] = [];
  if (add.unit === 'wd') {
    const special = describeSpecialDays(calendar, lo, hi);
    if (special) notes.push(special);
  }
  let explain = notes.length > 0 ? `${head} (${notes.join('; ')})` : head;
  if (provisional) explain += `; ${provisionalNote(calendar, lo, hi)}`;
  return { at: new Date(at), provisional, explain };
}
