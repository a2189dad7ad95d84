/** Working-day calendar of the service time zone (pure). */
import cnHolidays from './data/cn-holidays.json';
import { buildCalendar, type HolidayEntry, type WorkCalendar } from './work-calendar';

export * from './time';
export * from './work-calendar';
export * from './windows';
export { statutoryHolidays, type StatutoryHoliday } from './statutory-holidays';

/** The official schedules shipped with the product (2007-2026). */
export const shippedHolidays: readonly HolidayEntry[] = cnHolidays;

/** Version of the shipped calendar data; bump when `data/cn-holidays.json` is regenerated. */
export const SHIPPED_CALENDAR_VERSION = 2026_01;

let shipped: WorkCalendar | null = null;

/** The calendar built from the shipped schedules (memoised). */
export function shippedCalendar(): WorkCalendar {
  shipped ??= buildCalendar(shippedHolidays, { version: SHIPPED_CALENDAR_VERSION });
  return shipped;
}
