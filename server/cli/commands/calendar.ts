/** `civicline calendar show YEAR [--json]`: holidays and make-up working days of a year. No database. */
import type { Command } from 'commander';
import type { YearReport } from '../../../common/contracts/calendar';
import { yearReport } from '../../features/calendar/year-report';
import { cliCalendar } from './cli-calendar';

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
