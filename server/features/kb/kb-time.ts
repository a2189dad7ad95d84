import { formatDay, localDay, parseDay } from '../../domain/calendar/time';

/** Today's civil date in the service time zone ('YYYY-MM-DD'). */
export function todayOf(now: Date): string {
  return formatDay(localDay(now));
}

/** The same day `months` later (clamped to the month's end). */
export function addMonths(dayStr: string, months: number): string {
  const d = new Date(parseDay(dayStr) * 86_400_000);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}
