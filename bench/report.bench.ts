/**
 * Periodic report generation at city scale: a month of 1 M orders.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/report.bench.ts [--period 2026-01] [--orders 1000000] [--runs 3]
 *
 * Works on the schema `bench` that `bench/assess-bench.ts` imports (its generated city history).
 * When the month holds fewer orders than --orders, the bench tops it up in SQL: copies of the
 * imported orders (new ids and numbers, received 7, 14, 21 days later in the same month) and of
 * their assessment facts — what the report reads (`ticket` by received_at, `ticket_fact` by
 * month). Then it times, in the same run, the bare assessment (the baseline), the intake counts,
 * the report model, the charts and each format end to end, and writes the three files to
 * bench/out/. Prints a Markdown table.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { builtInSchemes, parsePeriod, type Scheme } from '../server/domain/kpi';
import { assessUnits } from '../server/features/assessment/assess-units';
import { generatePeriodicReport } from '../server/features/reports/generate-periodic-report';
import { buildPeriodicReport } from '../server/features/reports/periodic-report';
import { renderReportCharts } from '../server/features/reports/report-charts';
import { intakeCountsForReport } from '../server/features/reports/reports.repository';
import { TestClock } from '../server/platform/clock';
import { createContext, withClock } from '../server/platform/context';
import { openPostgres } from '../server/platform/db';
import { readEnv } from '../server/platform/env';
import { createLogger } from '../server/platform/logger';
import { arg, bestOf, figureLog, secs } from './bench-args';

const periodId = arg('period', '2026-01');
const target = Number(arg('orders', '1000000'));
const runs = Number(arg('runs', '3'));
const env = readEnv();
const out = path.resolve(import.meta.dirname, 'out');
fs.mkdirSync(out, { recursive: true });
const { note, printTable } = figureLog();

const best = bestOf(runs);

/** Tops the month up to `target` orders with shifted copies of its orders and their facts. */
async function topUp(client: pg.Client, start: Date, end: Date): Promise<void> {
  const count = async () =>
    Number(
      (
        await client.query<{ n: string }>(
          'select count(*) as n from bench.ticket where received_at >= $1 and received_at < $2',
          [start, end],
        )
      ).rows[0]?.n ?? 0,
    );
  const have = await count();
  if (have >= target) return;
  const copies = Math.ceil((target - have) / have);
  const cols = (
    await client.query<{ column_name: string }>(
      `select column_name from information_schema.columns
       where table_schema = 'bench' and table_name = 'ticket' and is_generated = 'NEVER' order by ordinal_position`,
    )
  ).rows.map((r) => r.column_name);
  const factCols = (
    await client.query<{ column_name: string }>(
      `select column_name from information_schema.columns
       where table_schema = 'bench' and table_name = 'ticket_fact' order by ordinal_position`,
    )
  ).rows.map((r) => r.column_name);
  const pick = (c: string) => {
    if (c === 'id') return 't.id + m.k::bigint * 1000000000';
    if (c === 'ticket_no') return `t.ticket_no || '-' || m.k`;
    if (c === 'received_at') return `t.received_at + m.k * interval '7 days'`;
    return `t.${c}`;
  };
  const t0 = performance.now();
  // The report does not read the search and similarity indexes; without them the copy is quick.
  await client.query('drop index if exists bench.ticket_content_vector_idx, bench.ticket_similar_keys_idx');
  await client.query('drop table if exists bench.copy_map');
  await client.query(
    `create table bench.copy_map as
     select t.id, k from bench.ticket t cross join generate_series(1, ${copies}) k
     where t.received_at >= $1 and t.received_at < $2 and t.id < 1000000000
     order by k, t.id limit ${target - have}`,
    [start, end],
  );
  await client.query(
    `insert into bench.ticket (${cols.join(', ')})
     select ${cols.map(pick).join(', ')} from bench.copy_map m join bench.ticket t on t.id = m.id`,
  );
  await client.query(
    `insert into bench.ticket_fact (${factCols.join(', ')})
     select ${factCols.map((c) => (c === 'ticket_id' ? 'f.ticket_id + m.k::bigint * 1000000000' : `f.${c}`)).join(', ')}
     from bench.copy_map m join bench.ticket_fact f on f.ticket_id = m.id`,
  );
  await client.query('drop table bench.copy_map');
  await client.query('analyze bench.ticket');
  await client.query('analyze bench.ticket_fact');
  note('top-up', secs(performance.now() - t0), `${have} imported orders → ${await count()} in ${periodId}`);
}

async function main() {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required (the bench schema)');
  const period = parsePeriod(periodId);
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  await topUp(client, period.start, period.end);
  const facts = await client.query<{ n: string }>(
    'select count(*) as n from bench.ticket_fact where period_month = $1',
    [period.months[0]],
  );
  await client.end();

  const handle = await openPostgres(env.DATABASE_URL, 'bench', 4);
  const ctx = withClock(
    await createContext({ handle, env, logger: createLogger('silent') }),
    new TestClock(parsePeriod(periodId.slice(0, 4)).end),
  );
  const scheme = builtInSchemes.find((s) => s.profile === ctx.rules.profile.id) as Scheme;
  note('facts in the month', facts.rows[0]?.n ?? '?', `scheme ${scheme.id}`);

  const base = await best(() => assessUnits(ctx, { scheme, period }));
  note(
    'baseline: bare assessment of the month (GET /api/assessment)',
    secs(base.warm),
    `cold ${secs(base.cold)}; ${base.value.units.length} units`,
  );
  const intake = await best(() =>
    intakeCountsForReport(ctx.db, {
      previousStart: parsePeriod('2025-12').start,
      start: period.start,
      end: period.end,
      platformPath: null,
    }),
  );
  note(
    'intake counts, this month and the one before (one scan, one hash aggregate)',
    secs(intake.warm),
    `cold ${secs(intake.cold)}`,
  );
  const model = await best(() => buildPeriodicReport(ctx, periodId));
  note(
    'report model (assessment of the month and the one before, intake, text)',
    secs(model.warm),
    `cold ${secs(model.cold)}; ${model.value.totals.intake} requests`,
  );
  const charts = await best(() => renderReportCharts(model.value));
  note('three charts (ECharts SVG → PNG)', secs(charts.warm), `cold ${secs(charts.cold)}`);
  for (const format of ['docx', 'xlsx', 'pdf'] as const) {
    const file = await best(() => generatePeriodicReport(ctx, { period: periodId, format }));
    fs.writeFileSync(path.join(out, file.value.asciiName), file.value.bytes);
    note(
      `**${format}, end to end** (model + charts + file)`,
      `**${secs(file.warm)}**`,
      `cold ${secs(file.cold)}; ${(file.value.bytes.length / 1024).toFixed(0)} KB; target ≤ 10 s`,
    );
  }
  await handle.close();
  printTable();
}

await main();
