import { civilFromDays, daysFromCivil, localDayOfMs, msOfLocal } from '../calendar/time';

/**
 * Assessment periods [wuqing §29: monthly, quarterly, half-year, annual statistics]:
 * `YYYY-MM`, `YYYY-Qn`, `YYYY-Hn`, `YYYY`. A period is a run of whole months in the service
 * time zone (Asia/Shanghai); an order counts in the month in which it was dispatched to the unit.
 */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  id: string;
  kind: PeriodKind;
  /** Months as YYYYMM integers, in order. */
  months: number[];
  /** First instant of the period (local midnight of its first day). */
  start: Date;
  /** First instant after the period. */
  end: Date;
}

export class PeriodError extends Error {}

function monthRange(year: number, first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => year * 100 + first + i);
}

/** Parses a period id; throws PeriodError on anything else. */
export function parsePeriod(input: string): Period {
  const s = input.trim();
  let m: RegExpExecArray | null;
  let kind: PeriodKind;
  let months: number[];
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw new PeriodError(`month must be 01-12: ${input}`);
    kind = 'month';
    months = [Number(m[1]) * 100 + month];
  } else if ((m = /^(\d{4})-Q([1-4])$/i.exec(s))) {
    kind = 'quarter';
    months = monthRange(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3);
  } else if ((m = /^(\d{4})-H([12])$/i.exec(s))) {
    kind = 'half';
    months = monthRange(Number(m[1]), (Number(m[2]) - 1) * 6 + 1, 6);
  } else if ((m = /^(\d{4})$/.exec(s))) {
    kind = 'year';
    months = monthRange(Number(m[1]), 1, 12);
  } else {
    throw new PeriodError(`period must be YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY: ${input}`);
  }
  const first = months[0] ?? 0;
  const last = months[months.length - 1] ?? 0;
  const year = Math.floor(first / 100);
  if (year < 1970 || year > 2099) throw new PeriodError(`year out of range: ${input}`);
  return { id: s.toUpperCase(), kind, months, start: monthStart(first), end: monthStart(nextMonth(last)) };
}

export function nextMonth(ym: number): number {
  const y = Math.floor(ym / 100);
  const mo = ym % 100;
  return mo === 12 ? (y + 1) * 100 + 1 : ym + 1;
}

export function previousMonth(ym: number): number {
  const y = Math.floor(ym / 100);
  const mo = ym % 100;
  return mo === 1 ? (y - 1) * 100 + 12 : ym - 1;
}

/** Local midnight (Asia/Shanghai) of the first day of a YYYYMM month. */
export function monthStart(ym: number): Date {
  return new Date(msOfLocal(daysFromCivil(Math.floor(ym / 100), ym % 100, 1), 0));
}

/** YYYYMM of an instant in the service time zone. */
export function monthOf(t: Date): number {
  const c = civilFromDays(localDayOfMs(t.getTime()));
  return c.year * 100 + c.month;
}

export function formatMonth(ym: number): string {
  return `${Math.floor(ym / 100)}-${String(ym % 100).padStart(2, '0')}`;
}
