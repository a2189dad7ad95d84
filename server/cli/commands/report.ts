/**
 * `civicline report …`: assessment and statistics from the command line, on the same database
 * as `npm start`, as of the platform's current time (CIVICLINE_NOW under CIVICLINE_TEST_CLOCK=1).
 *
 *   report assessment --scheme ID --period YYYY-MM|YYYY-Qn|YYYY-Hn|YYYY [--json] [--as-of ISO]
 *   report stats --group-by unit|category|region|channel|type|level|month --period P [--json]
 *   (both take the slices --category CODE|PREFIX --region R --channel C --type T --level L)
 *   report warnings --scheme ID --period P [--json] [--as-of ISO]   red/yellow/blue unit warnings
 *   report schemes [--json]         the assessment schemes available
 *   report refresh-facts            rebuild the assessment facts of every order
 *   report periodic --period P --format docx|xlsx|pdf --out FILE   the periodic analysis report
 *
 * `assessment --json` prints a JSON array, one object per handling unit that had orders
 * dispatched to it in the period: unitCode, unitName, score, rank, every indicator as a
 * fraction 0-1 (null when it has no denominator), months, interview, components, counts.
 * `warnings --json` prints a JSON array [{unitCode, unitName, level: red|yellow|blue, reasons}]
 * for the units that miss the scheme's targets (beijing-miyun §21, §30; decision 0007).
 */
import type { Command } from 'commander';
import { indicators, parsePeriod, type IndicatorId } from '../../domain/kpi';
import { parseInstant } from '../../domain/calendar';
import { assessUnits, tallyOptionsOf } from '../../features/assessment/assess-units';
import { groupings, type Grouping } from '../../features/assessment/assessment.repository';
import { refreshFacts } from '../../features/assessment/refresh-facts';
import { sliceFilter } from '../../features/assessment/assessment.schemas';
import { findScheme, loadSchemes } from '../../features/assessment/schemes';
import { unitStats } from '../../features/assessment/unit-stats';
import { unitWarnings } from '../../features/assessment/unit-warnings';
import { withCliContext } from '../../features/import/installation';
import { readEnv } from '../../platform/env';
import { registerReportPeriodicCommand } from './report-periodic';

type Slices = { category?: string; region?: string; channel?: string; type?: string; level?: string };

/** The slice options (`Slices`) that `assessment` and `stats` both take. */
function withSlices(cmd: Command): Command {
  return cmd
    .option('--category <code>', 'only orders of this category (code or prefix)')
    .option('--region <name>', 'only orders of this region')
    .option('--channel <channel>', 'only orders of this channel')
    .option('--type <type>', 'only orders of this type')
    .option('--level <level>', 'only orders of this source level (city, province)');
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null) => (v === null ? '—' : String(Math.round(v * 10000) / 10000));

function asOfOption(v: string | undefined): Date | undefined {
  return v ? parseInstant(v) : undefined;
}

export function registerReportCommand(program: Command): void {
  const report = program.command('report').description('assessment and statistics (考核与统计)');

  withSlices(
    report
      .command('assessment')
      .description("a scheme's score and figures per handling unit, ranked")
      .requiredOption('--scheme <id>', 'assessment scheme, e.g. beijing-miyun, zibo-12345, shanghai-962200')
      .requiredOption('--period <p>', 'YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY')
      .option('--as-of <iso>', 'report time (default: the platform clock)'),
  )
    .option('--json', 'print a JSON array')
    .action(async (opts: { scheme: string; period: string; asOf?: string; json?: boolean } & Slices) => {
      const period = parsePeriod(opts.period);
      const { result, scheme } = await withCliContext(async (ctx) => {
        const found = await findScheme(opts.scheme, ctx.env.CIVICLINE_PROFILE_DIR);
        const asOf = asOfOption(opts.asOf);
        return {
          result: await assessUnits(ctx, {
            scheme: found,
            period,
            filter: sliceFilter(opts),
            ...(asOf ? { asOf } : {}),
          }),
          scheme: found,
        };
      });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result.units)}\n`);
        return;
      }
      const shown = scheme.components.map((c) => c.indicator);
      const lines = [`${result.scheme.name} — ${result.period.id} (as of ${result.asOf})`];
      lines.push(['rank', 'unit', 'score', ...shown.map((id) => indicators[id].name), '派单'].join('\t'));
      for (const u of result.units) {
        const cells = shown.map((id: IndicatorId) =>
          indicators[id].kind === 'rate' ? pct(u[id]) : num(u[id]),
        );
        lines.push(
          [
            u.rank ?? '—',
            `${u.unitCode} ${u.unitName}`,
            num(u.score),
            ...cells,
            u.counts.dispatched,
            u.interview ? '约谈' : '',
          ].join('\t'),
        );
      }
      if (result.units.length === 0) lines.push('(no orders dispatched in this period)');
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  report
    .command('warnings')
    .description('red/yellow/blue warnings for units that miss the scheme’s targets (beijing-miyun §21, §30)')
    .requiredOption('--scheme <id>', 'assessment scheme with warning targets, e.g. beijing-miyun')
    .requiredOption('--period <p>', 'YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY')
    .option('--as-of <iso>', 'report time (default: the platform clock)')
    .option('--json', 'print a JSON array')
    .action(async (opts: { scheme: string; period: string; asOf?: string; json?: boolean }) => {
      const period = parsePeriod(opts.period);
      const items = await withCliContext(async (ctx) => {
        const scheme = await findScheme(opts.scheme, ctx.env.CIVICLINE_PROFILE_DIR);
        const asOf = asOfOption(opts.asOf);
        return (await unitWarnings(ctx, { scheme, period, ...(asOf ? { asOf } : {}) })).items;
      });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(items)}\n`);
        return;
      }
      const label = { red: '红色预警', yellow: '黄色预警', blue: '蓝色预警' } as const;
      const lines = items.map((w) =>
        [label[w.level], `${w.unitCode} ${w.unitName}`, w.reasons.map((r) => r.message).join('；')].join(
          '\t',
        ),
      );
      if (items.length === 0) lines.push('(every unit met the targets)');
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  withSlices(
    report
      .command('stats')
      .description('every indicator per unit, category, region, channel, type, level or month')
      .requiredOption('--period <p>', 'YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY')
      .option('--group-by <g>', groupings.join('|'), 'unit')
      .option('--scheme <id>', 'take satisfaction settings from this scheme')
      .option('--as-of <iso>', 'report time (default: the platform clock)'),
  )
    .option('--json', 'print JSON')
    .action(
      async (
        opts: { period: string; groupBy: string; scheme?: string; asOf?: string; json?: boolean } & Slices,
      ) => {
        if (!(groupings as readonly string[]).includes(opts.groupBy)) {
          throw new Error(`--group-by must be one of ${groupings.join(', ')}`);
        }
        const period = parsePeriod(opts.period);
        const result = await withCliContext(async (ctx) => {
          const scheme = await findScheme(opts.scheme ?? 'beijing-miyun', ctx.env.CIVICLINE_PROFILE_DIR);
          const options = {
            ...tallyOptionsOf(scheme, asOfOption(opts.asOf) ?? ctx.clock.now(), ctx.rules.categories),
            ...(opts.scheme ? {} : { satisfied: ctx.rules.profile.satisfaction.satisfied }),
          };
          return unitStats(ctx, {
            groupBy: opts.groupBy as Grouping,
            period,
            options,
            filter: sliceFilter(opts),
          });
        });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(result)}\n`);
          return;
        }
        const lines = [
          `${result.period} by ${result.groupBy} (as of ${result.asOf})`,
          ['key', 'label', '派单', '按期办结率', '反馈率', '满意率', '超期'].join('\t'),
        ];
        for (const r of [...result.rows, result.total]) {
          lines.push(
            [
              r.key,
              r.label,
              r.counts.dispatched,
              pct(r.onTimeRate),
              pct(r.feedbackRate),
              pct(r.satisfactionRate),
              r.overdueCount,
            ].join('\t'),
          );
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      },
    );

  report
    .command('schemes')
    .description('the assessment schemes available')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const schemes = await loadSchemes(readEnv().CIVICLINE_PROFILE_DIR);
      if (opts.json) process.stdout.write(`${JSON.stringify(schemes)}\n`);
      else {
        for (const s of schemes) process.stdout.write(`${s.id.padEnd(18)} ${s.name} [${s.source.article}]\n`);
      }
    });

  report
    .command('refresh-facts')
    .description('rebuild the assessment facts of every order from its record')
    .action(async () => {
      const n = await withCliContext((ctx) =>
        refreshFacts(ctx, (d) => process.stderr.write(`refresh-facts: ${d} orders\n`)),
      );
      process.stdout.write(`refreshed the facts of ${n} orders\n`);
    });

  registerReportPeriodicCommand(report);
}
