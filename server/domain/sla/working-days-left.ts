import { localDayOfMs, type WorkCalendar } from '../calendar';

/**
 * Working days left to a deadline at `now`: the working days after today's local date up to and
 * including the deadline's day (so 0 on the deadline's day itself); null once the deadline has
 * passed. The web shows "剩余N个工作日" from it, natural time when it is 0 or null.
 */
export function workingDaysLeft(calendar: WorkCalendar, dueAt: Date, now: Date): number | null {
  if (dueAt.getTime() < now.getTime()) return null;
  return calendar.workingDaysBetween(localDayOfMs(now.getTime()), localDayOfMs(dueAt.getTime()));
}
