/**
 * Import speed and assessment speed at city scale.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/assess-bench.ts [--orders 1000000] [--from 2026-01] [--months 1]
 *       [--seed 1] [--skip-import] [--runs 3]
 *
 * Generates the history with bench/gen-history.ts into bench/out/ (kept for reruns), imports it
 * with the fast path as `civicline import` does into a schema `bench` of that server (dropped and
 * made again unless --skip-import), then times the assessment of every unit: each month of the
 * period, the whole year, statistics by category and a drill-down. Without DATABASE_URL it runs
 * on an embedded database in bench/out/pglite-bench. Prints a Markdown table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { builtInSchemes, parsePeriod, formatMonth, type Scheme } from '../server/domain/kpi';
import { assessUnits, tallyOptionsOf } from '../server/features/assessment/assess-units';
import { drillDown } from '../server/features/assessment/drill-down';
import { unitStats } from '../server/features/assessment/unit-stats';
import { fastWriter } from '../server/features/import/fast/fast-writer';
import { importHistory } from '../server/features/import/import-history';
import { prepareInstallation } from '../server/features/import/installation';
import { readLines } from '../server/features/import/read-lines';
import { TestClock } from '../server/platform/clock';
import { createContext, withClock } from '../server/platform/context';
import { openPglite, openPostgres, type DatabaseHandle } from '../server/platform/db';
import { readEnv } from '../server/platform/env';
import { createLogger } from '../server/platform/logger';
import { generateHistory } from './gen-history';
import { arg, bestOf, figureLog, flag, secs, timed } from './bench-args';

const orders = Number(arg('orders', '100000'));
const from = arg('from', '2026-01');
const months = Number(arg('months', '1'));
const seed = Number(arg('seed', '1'));
const runs = Number(arg('runs', '3'));
const env = readEnv();
const out = path.resolve(import.meta.dirname, 'out');
fs.mkdirSync(out, { recursive: true });
const { note, printTable } = figureLog();

async function open(): Promise<DatabaseHandle> {
  if (!env.DATABASE_URL) return openPglite(path.join(out, 'pglite-bench'));
  if (!flag('skip-import')) {
    const c = new pg.Client({ connectionString: env.DATABASE_URL });
    await c.connect();
    await c.query('drop schema if exists bench cascade');
    await c.query('create schema bench');
    await c.end();
  }
  return openPostgres(env.DATABASE_URL, 'bench', 4);
}

const best = bestOf(runs);

async function main() {
  const file = path.join(out, `history-${orders}-${from}-${months}-${seed}.jsonl`);
  if (!fs.existsSync(file)) {
    const g = await timed(async () => {
      const ws = fs.createWriteStream(file);
      for (const l of generateHistory({ orders, from, months, seed })) {
        if (!ws.write(`${l}\n`)) await new Promise<void>((r) => ws.once('drain', () => r()));
      }
      await new Promise<void>((r) => ws.end(() => r()));
    });
    note('generate history', secs(g.ms), `${orders} orders, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`);
  }
  const handle = await open();
  const db = handle.db;
  await prepareInstallation(db, { CIVICLINE_DEMO: true });
  const last = parsePeriod(`${from.slice(0, 4)}`).end;
  const ctx = withClock(
    await createContext({ handle, env, logger: createLogger('silent') }),
    new TestClock(last),
  );
  const where = handle.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  if (!flag('skip-import')) {
    let lastLog = Date.now();
    const imp = await timed(() =>
      importHistory(ctx, readLines(fs.createReadStream(file)), {
        batchSize: 2000,
        writer: fastWriter,
        onProgress: (p) => {
          if (Date.now() - lastLog > 10_000) {
            lastLog = Date.now();
            process.stderr.write(`  … ${p.imported} imported\n`);
          }
        },
      }),
    );
    const r = imp.value;
    note(
      `import (${where}, fast path)`,
      secs(imp.ms),
      `${r.imported} orders, ${Math.round(r.imported / (imp.ms / 1000))} orders/s, ${r.skipped} skipped, ${r.refused} refused`,
    );
    const analyze = await timed(() => sql`analyze`.execute(db));
    note('analyze', secs(analyze.ms));
  }
  const count = async (t: string) =>
    Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(db)).rows[0]?.n ?? 0);
  note(
    'rows',
    `${await count('ticket')} orders`,
    `${await count('ticket_event')} events, ${await count('ticket_assignment')} assignments, ${await count('ticket_deadline')} deadlines, ${await count('ticket_fact')} facts`,
  );

  const beijing = builtInSchemes.find((s) => s.id === 'beijing-miyun') as Scheme;
  const zibo = builtInSchemes.find((s) => s.id === 'zibo-12345') as Scheme;
  const period = parsePeriod(from);
  const month = await best(() => assessUnits(ctx, { scheme: beijing, period }));
  note(
    `assessment, one month (${formatMonth(period.months[0] ?? 0)}), every unit, beijing-miyun`,
    secs(month.warm),
    `cold ${secs(month.cold)}; ${month.value.units.length} units`,
  );
  const withInterview = await best(() => assessUnits(ctx, { scheme: zibo, period }));
  note(
    'assessment, one month, zibo-12345 (3-month interview run)',
    secs(withInterview.warm),
    `cold ${secs(withInterview.cold)}`,
  );
  const year = await best(() => assessUnits(ctx, { scheme: beijing, period: parsePeriod(from.slice(0, 4)) }));
  note(
    `assessment, year ${from.slice(0, 4)} (mean of monthly rates)`,
    secs(year.warm),
    `cold ${secs(year.cold)}`,
  );
  const stats = await best(() =>
    unitStats(ctx, { groupBy: 'category', period, options: tallyOptionsOf(beijing, ctx.clock.now()) }),
  );
  note('statistics by category, one month', secs(stats.warm), `${stats.value.rows.length} categories`);
  const biggest = [...month.value.units].sort((a, b) => b.counts.dispatched - a.counts.dispatched)[0];
  if (biggest) {
    const drill = await best(() =>
      drillDown(ctx, {
        scheme: beijing,
        period,
        unitId: biggest.unitId,
        indicator: 'onTimeRate',
        part: 'all',
        limit: 500,
      }),
    );
    note(
      `drill-down, on-time rate of the largest unit (${biggest.unitCode})`,
      secs(drill.warm),
      `${drill.value.denominator} orders behind the figure`,
    );
  }
  await handle.close();
  printTable();
}

await main();
