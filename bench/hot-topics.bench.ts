/**
 * Hot topics' word counts at city scale: `--orders` orders (default 1,000,000) over the 30 days a
 * two-day window and its 28 reference days span, each carrying the words of a real citizen
 * message (../shared/data, Teddy Cup 2020, repeated in file order). In one run, the way before
 * the stored day figures (`ts_stat` over the reference range and over the window on every
 * request) against the stored days: the first request (each day counted and stored), a later
 * one (every day stored), and one after a new order on the window's last day (that day counted
 * again). A schema of its own, `bench_hot`, holding only the columns these statements read.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/hot-topics.bench.ts [--orders N] [--runs 3]
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { arg, figureLog, secs } from './bench-args';
import { openPostgres, type Db } from '../server/platform/db';
import { refreshStoredDays } from '../server/features/trends/hot-topics';
import { storedDayTerms, summedDayTerms } from '../server/features/trends/term-days.repository';
import { addDays, datesBetween, rangeOf } from '../server/features/trends/service-days';
import { dailyOrderCounts, termOrderCounts } from '../server/features/trends/trends.repository';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL: this bench runs on PostgreSQL');
const orders = Number(arg('orders', '1000000'));
const runs = Number(arg('runs', '3'));
const schema = 'bench_hot';
const to = '2026-10-31';
const from = addDays(to, -1);
const refFrom = addDays(from, -28);

const messages = fs
  .readFileSync(
    path.join(import.meta.dirname, '../../shared/data/teddycup2020_message_classification/messages.jsonl'),
    'utf8',
  )
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text_seg: string }).text_seg);

async function load(db: Db): Promise<void> {
  await sql`drop schema if exists ${sql.raw(schema)} cascade`.execute(db);
  await sql`create schema ${sql.raw(schema)}`.execute(db);
  await sql`create table ticket (id bigserial primary key, received_at timestamptz not null,
    content_vector tsvector, location_region text, category_code text, lead_unit_id bigint,
    platform_unit_id bigint)`.execute(db);
  await sql`create table term_day_stat (day date primary key, orders integer not null,
    terms text[] not null, counts integer[] not null, computed_at timestamptz not null default now())`.execute(
    db,
  );
  // The slice conditions name the unit tree even when no slice is asked for.
  await sql`create table org_unit (id bigint primary key, path text not null)`.execute(db);
  await sql`create table msg (i integer primary key, v tsvector not null)`.execute(db);
  for (let i = 0; i < messages.length; i += 500) {
    const rows = messages.slice(i, i + 500).map((m, k) => sql`(${i + k}, to_tsvector('simple', ${m}))`);
    await sql`insert into msg (i, v) values ${sql.join(rows)}`.execute(db);
  }
  const start = rangeOf(refFrom, to).start;
  await sql`
    insert into ticket (received_at, content_vector)
    select ${start}::timestamptz + (g::float8 / ${orders}) * interval '30 days', m.v
    from generate_series(0, ${orders - 1}) g join msg m on m.i = g % ${messages.length}`.execute(db);
  await sql`create index on ticket (received_at)`.execute(db);
  await sql`analyze ticket`.execute(db);
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const handle = await openPostgres(url, schema, 4);
const db = handle.db;
const { note, rows } = figureLog();
try {
  const [loadMs] = await timed(() => load(db));
  note('load', secs(loadMs), `${orders} orders over 30 days, ${messages.length} distinct messages`);
  const whole = rangeOf(refFrom, to);
  const days = datesBetween(refFrom, to);
  const totals = async () => new Map((await dailyOrderCounts(db, whole)).map((r) => [r.day, r.orders]));
  const before: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  const oneDay: number[] = [];
  for (let r = 0; r < runs; r++) {
    // Before: the reference range and the window, each through ts_stat, on every request.
    const [b, refOld] = await timed(async () => {
      await totals();
      const ref = await termOrderCounts(db, rangeOf(refFrom, addDays(from, -1)));
      await termOrderCounts(db, rangeOf(from, to));
      return ref;
    });
    before.push(b);
    await sql`truncate term_day_stat`.execute(db);
    // After: the days brought up to date, the reference summed by the server, the window's days.
    const stored = async () => {
      await refreshStoredDays(db, days, await totals());
      const ref = await summedDayTerms(db, refFrom, addDays(from, -1));
      await storedDayTerms(db, from, to);
      return ref;
    };
    const [c, refNew] = await timed(stored);
    cold.push(c);
    // The stored days give the same counts as ts_stat over the range.
    let differ = refNew.size !== refOld.size ? 1 : 0;
    for (const [term, n] of refOld) if (refNew.get(term) !== n) differ++;
    if (differ) throw new Error(`stored days differ from ts_stat on ${differ} words`);
    const [w] = await timed(stored);
    warm.push(w);
    await sql`insert into ticket (received_at, content_vector)
      select ${rangeOf(to, to).start}::timestamptz + interval '12 hours', v from msg where i = 0`.execute(db);
    const [o] = await timed(stored);
    oneDay.push(o);
  }
  note(
    'before: ts_stat over 28 + 2 days, each request',
    `${Math.round(median(before))} ms`,
    `runs ${before.map(Math.round).join(', ')}`,
  );
  note(
    'stored days, first request (30 days counted)',
    `${Math.round(median(cold))} ms`,
    `runs ${cold.map(Math.round).join(', ')}`,
  );
  note(
    'stored days, later request',
    `${Math.round(median(warm))} ms`,
    `runs ${warm.map(Math.round).join(', ')}`,
  );
  note(
    'stored days, one new order today',
    `${Math.round(median(oneDay))} ms`,
    `runs ${oneDay.map(Math.round).join(', ')}`,
  );
  console.log('\n| measure | median | note |\n| --- | ---: | --- |');
  for (const [what, value, comment] of rows) console.log(`| ${what} | ${value} | ${comment} |`);
} finally {
  await handle.close();
}
