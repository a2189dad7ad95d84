/**
 * Desk lists at city scale: loads N orders (default 1,000,000) with `generate_series` into a
 * PostgreSQL schema, then times each desk list through the real use case (`listTickets`: page 1,
 * and the next page by its cursor) beside the query shape used before (exact count(*), light
 * computed per row from the deadline table, offset paging) as the baseline, both in this run.
 *
 *   DATABASE_URL=postgres://… npm run bench:lists -- --orders 10000000 [--keep] [--schema NAME]
 *     [--runs 20] [--no-old]
 *
 * With --keep the schema bench_lists stays, and a later run with the same --orders reuses it.
 */
import { sql } from 'kysely';
import { listTicketsQuery } from '../common/contracts/tickets';
import { listTickets } from '../server/features/tickets/list-tickets';
import { arg, openBenchDb, pct } from './bench-db';
import { BENCH_NOW, generateOrders } from './city-orders';

const N = arg('orders', 1_000_000);
const RUNS = arg('runs', 20);
/** --no-old leaves out the old query shapes (minutes each at 10 M orders). */
const OLD = !process.argv.includes('--no-old');

/** The list SQL as it was before keyset paging and the stored light (count, then the page). */
const light = sql`case when d.due_at is null then 'green' when t.status = 'suspended' then t.light
  when d.red_at is not null and coalesce(t.replied_at, ${BENCH_NOW}::timestamptz) >= d.red_at then 'red'
  when coalesce(t.replied_at, ${BENCH_NOW}::timestamptz) > d.due_at then 'overdue'
  when d.warn_at is not null and coalesce(t.replied_at, ${BENCH_NOW}::timestamptz) >= d.warn_at then 'yellow'
  else 'green' end`;
const joined = sql`ticket t left join ticket_deadline d on d.ticket_id = t.id and d.stage = 'handleBy'`;
const subtree = (code: string) =>
  sql`(select u.id from org_unit u, org_unit r where r.code = ${code} and u.path like r.path || '%')`;
const seenBy = (code: string) =>
  sql`t.id in (select ticket_id from ticket_assignment where unit_id in ${subtree(code)})`;

const oldShapes: Record<
  string,
  { where: ReturnType<typeof sql>; order: ReturnType<typeof sql>; offset: number }
> = {
  all: { where: sql`true`, order: sql`t.received_at desc, t.id desc`, offset: 0 },
  late: {
    where: sql`(${light}) in ('red', 'overdue')`,
    order: sql`t.received_at desc, t.id desc`,
    offset: 0,
  },
  search: {
    where: sql`(t.ticket_no = '井盖' or t.content_vector @@ plainto_tsquery('simple', '井盖'))`,
    order: sql`t.received_at desc, t.id desc`,
    offset: 0,
  },
  phone: { where: sql`t.caller_phone = '13800004242'`, order: sql`t.received_at desc, t.id desc`, offset: 0 },
  todo: {
    where: sql`t.status in ('dispatched', 'in_progress', 'unsatisfied') and t.id in (select ticket_id from
      ticket_assignment where status in ('dispatched', 'accepted') and unit_id in ${subtree('YC-RSJ')})`,
    order: sql`t.handle_due_at asc nulls last, t.id asc`,
    offset: 0,
  },
  progress: {
    where: sql`${seenBy('YC-RSJ')} and t.status = 'in_progress'`,
    order: sql`t.received_at desc, t.id desc`,
    offset: 980,
  },
  district: {
    where: sql`(t.platform_unit_id in ${subtree('DC-RX')} or ${seenBy('DC-RX')})`,
    order: sql`t.received_at desc, t.id desc`,
    offset: 0,
  },
};

const lists: [string, keyof typeof oldShapes, string, Record<string, string>][] = [
  ['center: all orders, newest first', 'all', 'dispatcher', {}],
  ['supervisor: red + overdue', 'late', 'supervisor', { light: 'red,overdue' }],
  ['center: text search 井盖', 'search', 'dispatcher', { q: '井盖' }],
  ['agent: caller history by phone', 'phone', 'agent', { phone: '13800004242' }],
  ['unit inbox: to do by deadline', 'todo', 'handler', { scope: 'todo', sort: 'due' }],
  ['unit inbox: in progress (old: page 50)', 'progress', 'handler', { status: 'in_progress' }],
  ['sub-platform: its district', 'district', 'dispatcher-dc', {}],
];

async function main() {
  const b = await openBenchDb('bench_lists', BENCH_NOW);
  const db = b.ctx.db;
  const have = await sql<{ n: number }>`select count(*)::int as n from ticket`.execute(db);
  if ((have.rows[0]?.n ?? 0) < N) {
    const t0 = performance.now();
    await generateOrders(db, N, b.units, (s) => console.log(s));
    console.log(`generated ${N} orders in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const stats = await sql<{ n: number; open: number; rsj: number }>`
    select count(*)::int as n, count(*) filter (where status in ('dispatched', 'in_progress'))::int as open,
      count(*) filter (where status in ('dispatched', 'in_progress') and lead_unit_id = ${b.units.rsj})::int as rsj
    from ticket`.execute(db);
  console.log(`orders: ${JSON.stringify(stats.rows[0])}`);

  console.log(
    '\n| list | old shape p50 / p95 ms | new page 1 p50 / p95 ms | new next page (cursor) p50 / p95 ms | total |',
  );
  console.log('| --- | --- | --- | --- | --- |');
  for (const [label, shape, user, q] of lists) {
    const o = oldShapes[shape];
    if (!o) continue;
    const old: number[] = [];
    for (let i = 0; OLD && i < Math.min(RUNS, 10); i++) {
      const t = performance.now();
      await sql`select count(*)::int from ${joined} where ${o.where}`.execute(db);
      await sql`select t.id, ${light} as light from ${joined} where ${o.where} order by ${o.order} limit 20 offset ${o.offset}`.execute(
        db,
      );
      old.push(performance.now() - t);
    }
    const first: number[] = [];
    const next: number[] = [];
    let total = '';
    for (let i = 0; i < RUNS; i++) {
      const s = b.session(user);
      let t = performance.now();
      const r = await listTickets(b.ctx, s, listTicketsQuery.parse(q));
      first.push(performance.now() - t);
      total = `${r.total}${r.totalIsCapped ? '+' : ''}`;
      if (r.nextCursor) {
        t = performance.now();
        await listTickets(b.ctx, s, listTicketsQuery.parse({ ...q, cursor: r.nextCursor }));
        next.push(performance.now() - t);
      }
    }
    const f = (xs: number[]) => (xs.length ? `${pct(xs, 50).toFixed(1)} / ${pct(xs, 95).toFixed(1)}` : '—');
    console.log(`| ${label} | ${f(old)} | ${f(first)} | ${f(next)} | ${total} |`);
  }
  await b.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
