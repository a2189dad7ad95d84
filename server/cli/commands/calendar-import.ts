/** `civicline calendar import FILE`: stores a year's official schedule as a new calendar version. */
import fs from 'node:fs';
import type { Command } from 'commander';

export function registerCalendarImportCommand(program: Command): void {
  const calendar = program.commands.find((c) => c.name() === 'calendar') ?? program.command('calendar');
  calendar
    .command('import')
    .description(
      'import a State Council schedule (holiday-cn JSON: {year, days:[{name,date,isOffDay}]}) as a new calendar version; recomputes open orders',
    )
    .argument('<file>', 'JSON file')
    .action(async (file: string) => {
      // Loaded here, not at registration, so other commands start fast.
      const { importSchedule, parseSchedule, reloadCalendarIfNewer, recomputeOpenOrders } =
        await import('../../features/calendar/calendar.service');
      const { withPlatform } = await import('../platform');
      const schedule = parseSchedule(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown);
      await withPlatform(async (ctx) => {
        const version = await importSchedule(ctx, schedule, `cli:${file}`);
        await reloadCalendarIfNewer(ctx);
        const r = await recomputeOpenOrders(
          ctx,
          `日历版本 ${version}：导入 ${schedule.year} 年节假日安排`,
          (done, total) => process.stderr.write(`\rrecomputing open orders ${done}/${total}`),
        );
        if (r.checked) process.stderr.write('\n');
        process.stdout.write(
          `calendar version ${version}: ${schedule.year} schedule imported (${schedule.days.length} days); ` +
            `open orders checked ${r.checked}, deadlines changed ${r.changed}\n`,
        );
      });
    });
}
