/**
 * `civicline report periodic --period P --format docx|xlsx|pdf --out FILE [--scheme ID] [--as-of ISO]`:
 * the periodic analysis report (运行分析报告) as a file, with the same figures as
 * `report assessment` for that scheme and period (default: the active profile's scheme).
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { reportFormats, type ReportFormat } from '../../../common/contracts/reports';
import { parseInstant } from '../../domain/calendar';
import { withCliContext } from '../../features/import/installation';
import { generatePeriodicReport } from '../../features/reports/generate-periodic-report';
import { periodParam } from '../../features/assessment/period-param';

export function registerReportPeriodicCommand(report: Command): void {
  report
    .command('periodic')
    .description('the periodic analysis report (运行分析报告) as a docx, xlsx or pdf file')
    .requiredOption('--period <p>', 'YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY')
    .requiredOption('--format <f>', reportFormats.join('|'))
    .requiredOption('--out <file>', 'where to write the file')
    .option('--scheme <id>', 'assessment scheme (default: the active profile’s)')
    .option('--as-of <iso>', 'report time (default: the platform clock)')
    .action(async (opts: { period: string; format: string; out: string; scheme?: string; asOf?: string }) => {
      if (!(reportFormats as readonly string[]).includes(opts.format)) {
        throw new Error(`--format must be one of ${reportFormats.join(', ')}`);
      }
      periodParam(opts.period);
      const started = performance.now();
      const file = await withCliContext((ctx) =>
        generatePeriodicReport(ctx, {
          period: opts.period,
          format: opts.format as ReportFormat,
          scheme: opts.scheme,
          ...(opts.asOf ? { asOf: parseInstant(opts.asOf) } : {}),
        }),
      );
      await writeFile(opts.out, file.bytes);
      const secs = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `${opts.out}: ${file.report.title} (${file.report.scheme.name}), ${file.report.units.length} units, ${file.bytes.length} bytes, ${secs} s\n`,
      );
    });
}
