/**
 * `civicline report hot-topics --from YYYY-MM-DD --to YYYY-MM-DD [--json] [--limit N]
 *   [--min-count N] [--region R] [--category CODE]`: the words that rose in the window against
 * the 28 days before, best first. `--json` prints `[{term, count, baseline, growth,
 * sampleTicketIds}]` (the same as GET /api/stats/hot-topics).
 */
import type { Command } from 'commander';
import { hotTopicsQuery } from '../../../common/contracts/trends';
import { withCliContext } from '../../features/import/installation';
import { hotTopics } from '../../features/trends/hot-topics';

/** The `report` group (made by report.ts), or a new one when it is not there. */
function reportGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'report') ??
    program.command('report').description('assessment and statistics (考核与统计)')
  );
}

export function registerHotTopicsCommand(program: Command): void {
  reportGroup(program)
    .command('hot-topics')
    .description('words that rose in the window against the 28 days before (热点诉求)')
    .requiredOption('--from <date>', 'first service date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last service date, YYYY-MM-DD')
    .option('--limit <n>', 'how many words', '20')
    .option('--min-count <n>', 'fewest orders a word needs in the window', '5')
    .option('--region <name>', 'only orders of this district')
    .option('--category <code>', 'only orders of this category (code or prefix)')
    .option('--json', 'print a JSON array')
    .action(
      async (opts: {
        from: string;
        to: string;
        limit: string;
        minCount: string;
        region?: string;
        category?: string;
        json?: boolean;
      }) => {
        const parsed = hotTopicsQuery.safeParse(opts);
        if (!parsed.success) {
          process.stderr.write(
            `civicline: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`,
          );
          process.exitCode = 2;
          return;
        }
        const q = parsed.data;
        const topics = await withCliContext((ctx) =>
          hotTopics(ctx.db, q, { region: q.region, category: q.category }),
        );
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(topics)}\n`);
          return;
        }
        const lines = [
          `热点诉求 ${q.from} … ${q.to}`,
          ['term', 'count', 'baseline', 'growth', 'samples'].join('\t'),
        ];
        for (const t of topics) {
          lines.push([t.term, t.count, t.baseline, t.growth, t.sampleTicketIds.join(',')].join('\t'));
        }
        if (topics.length === 0) lines.push('(no word rose above its baseline)');
        process.stdout.write(`${lines.join('\n')}\n`);
      },
    );
}
