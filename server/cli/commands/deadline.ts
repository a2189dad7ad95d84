/**
 * `civicline deadline`: one deadline (`--from ISO --add 5wd`) or a stream of them (`--batch`,
 * JSON lines `{"from": ISO, "add": "5wd"}` on stdin → one deadline per line, in order).
 * Pure calendar arithmetic: no database.
 */
import { renderExplanation } from '../../../common/deadline-text';
import type { Command } from 'commander';
import { formatInstantMs, parseClock, parseInstantMs } from '../../domain/calendar/time';
import type { WorkCalendar } from '../../domain/calendar/work-calendar';
import { cliCalendar } from './cli-calendar';
import { addDuration, addDurationMs, parseDurationSpec, type Duration } from '../../domain/sla/durations';

interface DeadlineOptions {
  from?: string;
  add?: string;
  batch?: boolean;
  endOfDay: string;
  explain?: boolean;
  holidays?: string[];
}

/** Computes one batch line; returns the output line (`error: …` for a bad line). */
export function deadlineLine(
  cal: WorkCalendar,
  line: string,
  eod: number,
  specs: Map<string, Duration>,
): { ok: boolean; out: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch {
    return { ok: false, out: 'error: not a JSON object' };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return { ok: false, out: 'error: not a JSON object' };
  }
  const { from, add } = doc as { from?: unknown; add?: unknown };
  if (typeof from !== 'string') return { ok: false, out: 'error: "from" must be an ISO 8601 string' };
  if (typeof add !== 'string') {
    return { ok: false, out: 'error: "add" must be a duration such as "5wd", "7nd" or "0.5h"' };
  }
  try {
    let d = specs.get(add);
    if (!d) {
      d = parseDurationSpec(add);
      if (specs.size < 10_000) specs.set(add, d);
    }
    const ms = parseInstantMs(from);
    return { ok: true, out: formatInstantMs(addDurationMs(cal, ms, d.amount, d.unit, eod)) };
  } catch (e) {
    return {
      ok: false,
      out: `error: ${e instanceof Error ? e.message : String(e)}`.replace(/[\r\n]+/g, ' '),
    };
  }
}

async function runBatch(cal: WorkCalendar, eod: number): Promise<number> {
  const specs = new Map<string, Duration>();
  let failed = 0;
  let firstFailure: number | undefined;
  let lineNo = 0;
  let rest = '';
  const out = process.stdout;
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  const handle = (lines: string[]): string => {
    const buf: string[] = [];
    for (const raw of lines) {
      lineNo++;
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') continue;
      const r = deadlineLine(cal, line, eod, specs);
      if (!r.ok) {
        failed++;
        firstFailure ??= lineNo;
      }
      buf.push(r.out);
    }
    return buf.length === 0 ? '' : buf.join('\n') + '\n';
  };
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin as AsyncIterable<string>) {
    const text = rest + chunk;
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    const s = handle(parts);
    if (s) await write(s);
  }
  if (rest !== '') {
    const s = handle([rest]);
    if (s) await write(s);
  }
  if (failed > 0) {
    process.stderr.write(
      `civicline deadline: ${failed} line(s) failed, the first at input line ${firstFailure}\n`,
    );
  }
  return failed > 0 ? 1 : 0;
}

export function registerDeadlineCommand(program: Command): void {
  program
    .command('deadline')
    .description(
      'compute a deadline in Asia/Shanghai: N working days (wd), natural days (nd) or hours (h) from an instant (SPEC §4.1)',
    )
    .option(
      '--from <iso>',
      'start instant, ISO 8601 with any offset or Z (no offset = Asia/Shanghai local time)',
    )
    .option('--add <duration>', 'duration: 5wd, 7nd, 0.5h')
    .option(
      '--batch',
      'read JSON lines {"from": ISO, "add": "5wd"} on stdin; print one deadline per line; a bad line prints "error: <reason>" in its place and the exit code is 1',
    )
    .option('--end-of-day <time>', 'end of a working/natural day (HH:mm:ss)', '23:59:59')
    .option('--explain', 'also print how the deadline was computed (single mode)')
    .option(
      '--holidays <file...>',
      'extra schedule files (holiday-cn year JSON), e.g. a newly published year',
    )
    .action(async (opts: DeadlineOptions) => {
      const eod = parseClock(opts.endOfDay);
      const cal = await cliCalendar(opts.holidays);
      if (opts.batch) {
        if (opts.from || opts.add) {
          throw new Error('--batch reads stdin; do not combine it with --from/--add');
        }
        process.exitCode = await runBatch(cal, eod);
        return;
      }
      if (!opts.from || !opts.add) {
        throw new Error('deadline needs --from ISO and --add N(wd|nd|h), or --batch');
      }
      const r = addDuration(cal, new Date(parseInstantMs(opts.from)), parseDurationSpec(opts.add), {
        endOfDay: opts.endOfDay,
      });
      process.stdout.write(`${formatInstantMs(r.at.getTime())}\n`);
      if (opts.explain) process.stdout.write(`${renderExplanation(r.explanation)}\n`);
      process.exitCode = 0;
    });
}
