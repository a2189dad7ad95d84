import { formatDay, isoWeekday, parseDay } from '../calendar/time';

/**
 * Timeliness of knowledge updates: a unit must upload the answer to a newly announced policy
 * within 5 working days of its release (shanghai §14), and keep each entry reviewed by its
 * review date. Working days come from any calendar with `addWorkingDays` over day numbers
 * (days since 1970-01-01): the work calendar of server/domain/calendar fits, and
 * `weekdayCalendar` (Monday to Friday, no holidays) is the fallback.
 */
export interface WorkingDayCalendar {
  addWorkingDays(day: number, n: number): number;
}

export const POLICY_UPLOAD_WORKING_DAYS = 5;

export const weekdayCalendar: WorkingDayCalendar = {
  addWorkingDays(day: number, n: number): number {
    let d = day;
    let left = n;
    while (left > 0) {
      d += 1;
      if (isoWeekday(d) <= 5) left -= 1;
    }
    return d;
  },
};

/** Last day ('YYYY-MM-DD') on which the answer to a notice announced on `announcedOn` is on time. */
export function policyNoticeDueOn(
  announcedOn: string,
  calendar: WorkingDayCalendar = weekdayCalendar,
  workingDays = POLICY_UPLOAD_WORKING_DAYS,
): string {
  return formatDay(calendar.addWorkingDays(parseDay(announcedOn), workingDays));
}

export type NoticeState = 'answered' | 'answered-late' | 'pending' | 'overdue';

/** State of a policy notice on `today`, given when its answering article was published (if it was). */
export function policyNoticeState(dueOn: string, answeredOn: string | null, today: string): NoticeState {
  if (answeredOn) return answeredOn <= dueOn ? 'answered' : 'answered-late';
  return today > dueOn ? 'overdue' : 'pending';
}
