/** A year of the working-day calendar: holidays, make-up working days and the working-day count. */
import type { YearReport } from '../../../common/contracts/calendar';
import { daysFromCivil, isoWeekday, parseDay } from '../../domain/calendar/time';
import type { WorkCalendar } from '../../domain/calendar/work-calendar';

const weekdayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function yearReport(cal: WorkCalendar, year: number): YearReport {
  if (!Number.isInteger(year) || year < 1901 || year > 2099) {
    throw new Error(`year must be between 1901 and 2099, got ${year}`);
  }
  const provisional = !cal.isYearCovered(year);
  const special = cal.specialDays(year);
  const days = special.map((d) => ({ ...d, weekday: weekdayNames[isoWeekday(parseDay(d.date)) - 1] ?? '' }));
  const holidays: YearReport['holidays'] = [];
  for (const d of days) {
    if (d.kind !== 'holiday') continue;
    const last = holidays[holidays.length - 1];
    const day = parseDay(d.date);
    if (last && last.name === (d.name ?? '') && parseDay(last.to) === day - 1) {
      last.to = d.date;
      last.days++;
    } else {
      holidays.push({ from: d.date, to: d.date, days: 1, name: d.name ?? '' });
    }
  }
  const makeupDays = days
    .filter((d) => d.kind === 'makeup')
    .map((d) => ({ date: d.date, weekday: d.weekday, name: d.name ?? '' }));
  const workingDays = cal.workingDaysBetween(daysFromCivil(year, 1, 1) - 1, daysFromCivil(year, 12, 31));
  const basis = provisional
    ? 'PROVISIONAL: no official schedule for this year yet; weekends plus the statutory holidays of 全国年节及纪念日放假办法 (2024), without substitute or make-up days'
    : 'official schedule (国务院办公厅节假日安排)';
  return { year, provisional, basis, workingDays, holidays, makeupDays, days };
}
