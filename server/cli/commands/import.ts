/**
 * `civicline import FILE`: loads orders with their whole event history (JSON lines, one order a
 * line) into the installation, replaying each through the lifecycle's rules.
 *
 *   civicline import FILE [--profile ID] [--exact] [--batch N]
 *
 * By default orders are replayed in memory with the same rules and written in bulk (the fast
 * path); `--exact` runs every event through the API's use cases, one transaction per order.
 * Both give identical rows (fast-import.integration.test.ts).
 * Refused lines go to stderr with their line number and reason; the other lines are imported
 * and the command exits 1 at the end if any line was refused. Orders already present (same
 * ticketNo) are skipped, so a second run of the same file changes nothing. A progress bar goes
 * to stderr, the summary to stdout. An empty installation is prepared first: migrations, the
 * demo city unless CIVICLINE_DEMO=0 (then a bare hotline center); see
 * docs/decisions/0004-history-import.md.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { fastWriter } from '../../features/import/fast/fast-writer';
import { exactWriter, importHistory, type ImportProgress } from '../../features/import/import-history';
import { withCliContext } from '../../features/import/installation';
import { readLines } from '../../features/import/read-lines';

function progressBar(totalBytes: number, bytesRead: () => number) {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let last = started;
  let drawn = '';
  const draw = (p: ImportProgress, final: boolean) => {
    const now = Date.now();
    if (!final && now - last < (tty ? 200 : 5000)) return;
    const key = `${p.lines}/${p.imported}/${p.skipped}/${p.refused}`;
    if (final && !tty && key === drawn) return;
    drawn = key;
    last = now;
    const frac = totalBytes > 0 ? Math.min(1, bytesRead() / totalBytes) : 0;
    const width = 30;
    const filled = Math.round(frac * width);
    const secs = (now - started) / 1000;
    const rate = secs > 0 ? Math.round((p.imported + p.skipped + p.refused) / secs) : 0;
    const eta = frac > 0 && frac < 1 ? ` eta ${Math.round((secs / frac) * (1 - frac))} s` : '';
    const text =
      `import [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(1).padStart(5)}% ` +
      `${p.imported} imported, ${p.skipped} skipped, ${p.refused} refused, ${rate}/s${eta}`;
    process.stderr.write(tty ? `\r${text}${final ? '\n' : ''}` : `${text}\n`);
  };
  return draw;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'import orders with their event history from JSON lines (历史工单导入); idempotent by ticketNo',
    )
    .argument('<file>', 'JSON lines file, or - for stdin')
    .option('--profile <id>', 'policy profile for the deadlines (default: CIVICLINE_PROFILE)')
    .option('--exact', 'run every event through the use cases, one transaction per order (slow)')
    .option('--batch <n>', 'lines per batch', '2000')
    .action(async (file: string, opts: { profile?: string; batch: string; exact?: boolean }) => {
      if (file !== '-' && !fs.existsSync(file)) throw new Error(`no such file: ${file}`);
      const stream = file === '-' ? process.stdin : fs.createReadStream(file);
      const total = file === '-' ? 0 : fs.statSync(file).size;
      const bytes = () =>
        'bytesRead' in stream && typeof stream.bytesRead === 'number' ? stream.bytesRead : 0;
      const draw = progressBar(total, bytes);
      const batchSize = Math.max(1, Math.min(20_000, Number(opts.batch) || 2000));
      const report = await withCliContext(
        (ctx) => {
          return importHistory(ctx, readLines(stream), {
            batchSize,
            writer: opts.exact ? exactWriter : fastWriter,
            onProgress: (p) => draw(p, false),
          });
        },
        opts.profile ? { profile: opts.profile } : {},
      );
      draw(report, true);
      for (const r of report.refusals) {
        const where = r.event !== null ? ` event ${r.event}${r.action ? ` (${r.action})` : ''}` : '';
        process.stderr.write(
          `civicline import: line ${r.line}${r.ticketNo ? ` ticketNo ${r.ticketNo}` : ''}${where}: ${r.reason}\n`,
        );
      }
      process.stdout.write(
        `imported ${report.imported} orders in ${report.seconds.toFixed(1)} s: ${report.skipped} already present (skipped), ` +
          `${report.refused} refused` +
          (report.unitsCreated.length ? `; units created: ${report.unitsCreated.join(', ')}` : '') +
          '\n',
      );
      process.exitCode = report.refused > 0 ? 1 : 0;
    });
}
