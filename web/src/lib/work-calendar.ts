/**
 * Working days on the client, from GET /api/calendar/:year (holidays and make-up working days;
 * other days: Monday-Friday work). Days are civil dates 'YYYY-MM-DD' in the service time zone.
 */
export interface CalendarDay {
  date: string;
  kind: string;
  working: boolean;
  name?: string | null;
  provisional?: boolean;
}

export interface CalendarYear {
  year: number;
  provisional: boolean;
  basis: string;
  workingDays: number;
  holidays: { from: string; to: string; days: number; name: string }[];
  makeupDays: { date: string; weekday: string; name: string }[];
  days: CalendarDay[];
  calendarVersion: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a civil date. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

export function dateOf(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
}

/** The civil date (UTC+8) of an instant. */
export function serviceDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

export class WorkCalendar {
  private readonly special = new Map<string, boolean>();
  private readonly years = new Set<number>();

  constructor(years: CalendarYear[]) {
    for (const y of years) {
      this.years.add(y.year);
      for (const d of y.days) this.special.set(d.date, d.working);
    }
  }

  covers(date: string): boolean {
    return this.years.has(Number(date.slice(0, 4)));
  }

  isWorking(date: string): boolean {
    const s = this.special.get(date);
    if (s !== undefined) return s;
    const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** Working days d with from < d <= to (civil dates); null when a year is not loaded. */
  workingDaysAfter(from: string, to: string): number | null {
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (b <= a) return 0;
    if (b - a > 800) return null;
    let n = 0;
    for (let d = a + 1; d <= b; d++) {
      const date = dateOf(d);
      if (!this.covers(date)) return null;
      if (this.isWorking(date)) n++;
    }
    return n;
  }
}

/**
 * Time left in working terms: "剩余3个工作日" (whole working days after today up to the
 * deadline's day); null on the deadline's day itself or when the calendar does not cover the
 * span (the caller then shows natural time).
 */
export function workingRemaining(cal: WorkCalendar, dueMs: number, nowMs: number): string | null {
  if (dueMs < nowMs) return null;
  const today = serviceDate(nowMs);
  const dueDay = serviceDate(dueMs);
  if (today === dueDay) return null;
  const n = cal.workingDaysAfter(today, dueDay);
  if (n === null) return null;
  if (n === 0) return null;
  return `剩余${n}个工作日`;
}
