/**
 * The working-day calendar: official schedules (holidays and make-up working days) plus, for
 * years without a published schedule, weekends and the statutory holidays (provisional).
 *
 * Days are integer day numbers (days since 1970-01-01, civil dates in the service time zone).
 * Working-day arithmetic is O(1) through two ordinal tables over a span of whole years:
 *   cum[i]  = number of working days among span days 0..i
 *   nth[k]  = span index of the k-th working day (0-based)
 * The span grows on demand (memoised, whole years at a time) when a query leaves it.
 */
import { statutoryHolidays } from './statutory-holidays';
import { civilFromDays, daysFromCivil, formatDay, isoWeekday, parseDay } from './time';

export interface HolidayEntry {
  date: string;
  isOffDay: boolean;
  name: string;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface DayInfo {
  date: string;
  kind: DayKind;
  working: boolean;
  /** Holiday or make-up day name (`国庆节`), when the day is special. */
  name: string | null;
  /** The day lies in a year without an official schedule. */
  provisional: boolean;
}

export interface BuildCalendarOptions {
  /** Calendar version stored with every deadline it produces (default 1). */
  version?: number;
  /**
   * Years with an official schedule. Default: every year with an entry dated January to
   * November of that year (late-December entries belong to the next year's notice).
   */
  coveredYears?: number[];
}

const KIND_WORKDAY = 0;
const KIND_WEEKEND = 1;
const KIND_HOLIDAY = 2;
const KIND_MAKEUP = 3;
const kindNames: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'makeup'];

/** Years the calendar may be asked about (the lunar library's reliable range). */
export const CALENDAR_MIN_YEAR = 1901;
export const CALENDAR_MAX_YEAR = 2099;

const statutoryCache = new Map<number, { date: string; name: string }[]>();
function statutoryFor(year: number): { date: string; name: string }[] {
  let v = statutoryCache.get(year);
  if (!v) {
    v = statutoryHolidays(year);
    statutoryCache.set(year, v);
  }
  return v;
}

export class WorkCalendar {
  readonly version: number;
  readonly coveredYears: readonly number[];
  private readonly covered: ReadonlySet<number>;
  private readonly entries: ReadonlyMap<number, { off: boolean; name: string }>;

  // Span tables (replaced as a whole when the span grows).
  private firstYear = 0;
  private lastYear = 0;
  private base = 0; // day number of span index 0
  private size = 0; // number of days in the span
  private kinds: Uint8Array = new Uint8Array(0);
  private cum: Int32Array = new Int32Array(0);
  private nth: Int32Array = new Int32Array(0);
  private provCum: Int32Array = new Int32Array(0); // provisional days among 0..i
  private names = new Map<number, string>();

  constructor(days: readonly HolidayEntry[], opts: BuildCalendarOptions = {}) {
    this.version = opts.version ?? 1;
    const entries = new Map<number, { off: boolean; name: string }>();
    const inferred = new Set<number>();
    for (const d of days) {
      const day = parseDay(d.date);
      const prev = entries.get(day);
      if (prev && prev.off !== d.isOffDay) {
        throw new Error(`calendar data: ${d.date} is listed both as a day off and as a working day`);
      }
      entries.set(day, { off: d.isOffDay, name: prev?.name ?? d.name });
      const c = civilFromDays(day);
      if (c.month <= 11) inferred.add(c.year);
    }
    this.entries = entries;
    const covered = opts.coveredYears ?? [...inferred];
    this.coveredYears = [...new Set(covered)].sort((a, b) => a - b);
    this.covered = new Set(this.coveredYears);
    const lo = this.coveredYears[0] ?? 2026;
    const hi = this.coveredYears[this.coveredYears.length - 1] ?? lo;
    this.rebuild(Math.max(CALENDAR_MIN_YEAR, lo - 1), Math.min(CALENDAR_MAX_YEAR, hi + 1));
  }

  /** True when the year has an official schedule in this calendar. */
  isYearCovered(year: number): boolean {
    return this.covered.has(year);
  }

  private rebuild(firstYear: number, lastYear: number): void {
    const base = daysFromCivil(firstYear, 1, 1);
    const end = daysFromCivil(lastYear, 12, 31);
    const size = end - base + 1;
    const kinds = new Uint8Array(size);
    const names = new Map<number, string>();
    for (let i = 0; i < size; i++) {
      const wd = isoWeekday(base + i);
      kinds[i] = wd >= 6 ? KIND_WEEKEND : KIND_WORKDAY;
    }
    for (let y = firstYear; y <= lastYear; y++) {
      if (this.covered.has(y)) continue;
      for (const h of statutoryFor(y)) {
        const i = parseDay(h.date) - base;
        kinds[i] = KIND_HOLIDAY;
        names.set(i + base, h.name);
      }
    }
    for (const [day, e] of this.entries) {
      const i = day - base;
      if (i < 0 || i >= size) continue;
      if (e.off) kinds[i] = KIND_HOLIDAY;
      else kinds[i] = isoWeekday(day) >= 6 ? KIND_MAKEUP : KIND_WORKDAY;
      names.set(day, e.name);
    }
    const cum = new Int32Array(size);
    const provCum = new Int32Array(size);
    let count = 0;
    let prov = 0;
    let year = firstYear;
    let nextYearStart = daysFromCivil(year + 1, 1, 1) - base;
    let yearProvisional = !this.covered.has(year);
    for (let i = 0; i < size; i++) {
      if (i === nextYearStart) {
        year++;
        nextYearStart = daysFromCivil(year + 1, 1, 1) - base;
        yearProvisional = !this.covered.has(year);
      }
      const k = kinds[i] as number;
      if (k === KIND_WORKDAY || k === KIND_MAKEUP) count++;
      if (yearProvisional) prov++;
      cum[i] = count;
      provCum[i] = prov;
    }
    const nth = new Int32Array(count);
    let r = 0;
    for (let i = 0; i < size; i++) {
      const k = kinds[i] as number;
      if (k === KIND_WORKDAY || k === KIND_MAKEUP) nth[r++] = i;
    }
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.base = base;
    this.size = size;
    this.kinds = kinds;
    this.cum = cum;
    this.nth = nth;
    this.provCum = provCum;
    this.names = names;
  }

  /** Grows the span (by at least ten years on the side that is short) to include `day`. */
  private grow(day: number): void {
    const y = civilFromDays(day).year;
    if (y < CALENDAR_MIN_YEAR || y > CALENDAR_MAX_YEAR) {
      throw new RangeError(
        `date ${formatDay(day)} is outside the calendar's range (${CALENDAR_MIN_YEAR}-${CALENDAR_MAX_YEAR})`,
      );
    }
    const first =
      y < this.firstYear ? Math.max(CALENDAR_MIN_YEAR, Math.min(y - 1, this.firstYear - 10)) : this.firstYear;
    const last =
      y > this.lastYear ? Math.min(CALENDAR_MAX_YEAR, Math.max(y + 1, this.lastYear + 10)) : this.lastYear;
    this.rebuild(first, last);
  }

  private index(day: number): number {
    let i = day - this.base;
    if (i < 0 || i >= this.size) {
      this.grow(day);
      i = day - this.base;
    }
    return i;
  }

  private ensure(from: number, to: number): void {
    if (from < this.base) this.grow(from);
    if (to >= this.base + this.size) this.grow(to);
  }

  isWorkingDay(day: number): boolean {
    const k = this.kinds[this.index(day)] as number;
    return k === KIND_WORKDAY || k === KIND_MAKEUP;
  }

  kindOf(day: number): DayKind {
    return kindNames[this.kinds[this.index(day)] as number] as DayKind;
  }

  isProvisionalDay(day: number): boolean {
    return !this.covered.has(civilFromDays(day).year);
  }

  /** True if any day in [from, to] (inclusive) lies in a year without an official schedule. */
  anyProvisional(from: number, to: number): boolean {
    if (to < from) return false;
    this.ensure(from, to);
    const a = from - this.base;
    const b = to - this.base;
    return (this.provCum[b] as number) - (a > 0 ? (this.provCum[a - 1] as number) : 0) > 0;
  }

  /**
   * The n-th working day after `day` (n > 0), before it (n < 0), or `day` itself (n = 0).
   * O(1) except when the span has to grow.
   */
  addWorkingDays(day: number, n: number): number {
    for (;;) {
      const i = day - this.base;
      if (i >= 0 && i < this.size) {
        const c = this.cum[i] as number;
        if (n > 0) {
          const r = c + n - 1;
          if (r < this.nth.length) return (this.nth[r] as number) + this.base;
          this.grow(this.base + this.size + Math.ceil(((r - this.nth.length + 1) * 7) / 5) + 31);
          continue;
        }
        if (n === 0) return day;
        const k = this.kinds[i] as number;
        const before = k === KIND_WORKDAY || k === KIND_MAKEUP ? c - 1 : c; // working days < day
        const r = before + n;
        if (r >= 0) return (this.nth[r] as number) + this.base;
        this.grow(this.base - Math.ceil((-r * 7) / 5) - 31);
        continue;
      }
      this.grow(day);
    }
  }

  /** Number of working days in (from, to], i.e. after `from` up to and including `to`. */
  workingDaysBetween(from: number, to: number): number {
    if (to <= from) return 0;
    this.ensure(from, to);
    return (this.cum[to - this.base] as number) - (this.cum[from - this.base] as number);
  }

  /** The first working day on or after `day`. */
  workingDayOnOrAfter(day: number): number {
    return this.isWorkingDay(day) ? day : this.addWorkingDays(day, 1);
  }

  dayInfo(day: number): DayInfo {
    const kind = this.kindOf(day);
    return {
      date: formatDay(day),
      kind,
      working: kind === 'workday' || kind === 'makeup',
      name: this.names.get(day) ?? null,
      provisional: this.isProvisionalDay(day),
    };
  }

  /** Holiday or make-up day name of a day, if any. */
  nameOf(day: number): string | null {
    this.index(day);
    return this.names.get(day) ?? null;
  }

  /**
   * The block of consecutive non-working days containing `day` (null for a working day),
   * and whether it contains a public holiday.
   */
  offBlock(day: number): { start: number; end: number; length: number; hasHoliday: boolean } | null {
    if (this.isWorkingDay(day)) return null;
    let start = day;
    let end = day;
    let hasHoliday = this.kindOf(day) === 'holiday';
    while (!this.isWorkingDay(start - 1)) {
      start--;
      if (this.kindOf(start) === 'holiday') hasHoliday = true;
    }
    while (!this.isWorkingDay(end + 1)) {
      end++;
      if (this.kindOf(end) === 'holiday') hasHoliday = true;
    }
    return { start, end, length: end - start + 1, hasHoliday };
  }

  /** Every holiday and make-up day of a year, for display. */
  specialDays(year: number): DayInfo[] {
    const from = daysFromCivil(year, 1, 1);
    const to = daysFromCivil(year, 12, 31);
    const out: DayInfo[] = [];
    for (let d = from; d <= to; d++) {
      const info = this.dayInfo(d);
      if (
        info.kind === 'holiday' ||
        info.kind === 'makeup' ||
        (info.name !== null && info.kind === 'workday')
      ) {
        out.push(info);
      }
    }
    return out;
  }
}

/** Builds a calendar from holiday entries (see `HolidayEntry`). */
export function buildCalendar(days: readonly HolidayEntry[], opts?: BuildCalendarOptions): WorkCalendar {
  return new WorkCalendar(days, opts);
}
