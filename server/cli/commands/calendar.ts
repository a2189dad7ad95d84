/** `civicline calendar show YEAR [--json]`: holidays and make-up working days of a year. No database. */
import type { Command } from 'commander';
import { daysFromCivil, isoWeekday, parseDay } from '../../domain/calendar/time';
import type { DayInfo, WorkCalendar } from '../../domain/calendar/work-calendar';
import { cliCalendar } from './cli-calendar';

const weekdayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface YearReport {
  year: number;
  provisional: boolean;
  basis: string;
  workingDays: number;
  holidays: { from: string; to: string; days: number; name: string }[];
  makeupDays: { date: string; weekday: string; name: string }[];
  days: (DayInfo & { weekday: string })[];
}

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

export function formatYearReport(r: YearReport): string {
  const lines: string[] = [];
  lines.push(`${r.year}: ${r.basis}`);
  lines.push(`working days: ${r.workingDays}`);
  lines.push('holidays (days off):');
  if (r.holidays.length === 0) lines.push('  (none)');
  for (const h of r.holidays) {
    const span = h.from === h.to ? h.from : `${h.from} .. ${h.to}`;
    lines.push(`  ${span.padEnd(24)} ${h.name} (${h.days} day${h.days === 1 ? '' : 's'})`);
  }
  lines.push('make-up working days (调休上班):');
  if (r.makeupDays.length === 0) lines.push('  (none)');
  for (const m of r.makeupDays) lines.push(`  ${m.date} ${m.weekday}        ${m.name}`);
  return lines.join('\n') + '\n';
}

export function registerCalendarCommand(program: Command): void {
  const cmd = program
    .command('calendar')
    .description('working-day calendar (official holiday schedules, provisional years)');
  cmd
    .command('show')
    .description("list a year's holidays and make-up working days; says when the year is provisional")
    .argument('<year>', 'year, e.g. 2026')
    .option('--json', 'print JSON')
    .option('--holidays <file...>', 'extra schedule files (holiday-cn year JSON)')
    .action(async (yearArg: string, opts: { json?: boolean; holidays?: string[] }) => {
      if (!/^\d{4}$/.test(yearArg)) throw new Error(`year must be four digits, got "${yearArg}"`);
      const r = yearReport(await cliCalendar(opts.holidays), Number(yearArg));
      if (opts.json) {
        const { days, ...rest } = r;
        process.stdout.write(
          `${JSON.stringify({ ...rest, days: days.map(({ provisional: _p, ...d }) => d) }, null, 2)}\n`,
        );
      } else {
        process.stdout.write(formatYearReport(r));
      }
      process.exitCode = 0;
    });
}
