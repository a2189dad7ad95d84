/**
 * The calendar used by the deadline, limits and calendar commands: the shipped official
 * schedules, plus schedule files given with --holidays (upstream holiday-cn year files
 * `{ year, days: [{ date, isOffDay, name }] }`, or a flat list of days). A year file replaces
 * the shipped entries of its year (January-November; December entries belong to the next
 * year's notice) and adds the late-December dates it lists. No database.
 */
import { readFileSync } from 'node:fs';
import type { HolidayEntry, WorkCalendar } from '../../domain/calendar/work-calendar';

function entriesOf(doc: unknown, file: string): { year: number | null; days: HolidayEntry[] } {
  const list: unknown = Array.isArray(doc) ? doc : (doc as { days?: unknown } | null)?.days;
  if (!Array.isArray(list)) throw new Error(`${file}: expected a holiday-cn year file or a list of days`);
  const days = list.map((d: unknown, i) => {
    const e = d as Partial<HolidayEntry> | null;
    if (
      !e ||
      typeof e.date !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(e.date) ||
      typeof e.isOffDay !== 'boolean'
    ) {
      throw new Error(`${file}: days[${i}] needs "date" (YYYY-MM-DD) and "isOffDay" (boolean)`);
    }
    return { date: e.date, isOffDay: e.isOffDay, name: typeof e.name === 'string' ? e.name : '' };
  });
  const year = Array.isArray(doc) ? null : (doc as { year?: unknown }).year;
  return { year: typeof year === 'number' && Number.isInteger(year) ? year : null, days };
}

export async function cliCalendar(files: readonly string[] | undefined): Promise<WorkCalendar> {
  const { buildCalendar, shippedCalendar, shippedHolidays, SHIPPED_CALENDAR_VERSION } =
    await import('../../domain/calendar');
  if (!files || files.length === 0) return shippedCalendar();
  let days = new Map<string, HolidayEntry>(shippedHolidays.map((e) => [e.date, e]));
  for (const file of files) {
    const { year, days: added } = entriesOf(JSON.parse(readFileSync(file, 'utf8')) as unknown, file);
    if (year !== null) {
      days = new Map(
        [...days].filter(([date]) => !(date.startsWith(`${year}-`) && date.slice(5, 7) !== '12')),
      );
    }
    for (const e of added) days.set(e.date, e);
  }
  return buildCalendar([...days.values()], { version: SHIPPED_CALENDAR_VERSION + files.length });
}
