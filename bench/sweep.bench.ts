/**
 * The deadline sweep at city scale: on the list bench's orders (bench/city-orders.ts; made here
 * when missing), K open orders (default 10,000) get a yellow line that falls between BENCH_NOW
 * and one minute later; the clock moves on a minute and one sweep runs. Repeated --runs times
 * (the alerts and levels of the previous run are put back first). Prints the time per sweep and
 * checks that exactly K yellow alerts were issued, and none by a second sweep.
 *
 *   DATABASE_URL=postgres://… npm run bench:sweep -- --orders 3400000 --crossing 10000 [--keep]
 */
import { sql } from 'kysely';
import { runSweep } from '../server/jobs/sla-sweep';
import { arg, openBenchDb, pct } from './bench-db';
import { BENCH_NOW, generateOrders } from './city-orders';

const N = arg('orders', 3_400_000);
const K = arg('crossing', 10_000);
const RUNS = arg('runs', 5);

async function main() {
  const b = await openBenchDb('bench_lists', BENCH_NOW);
  const db = b.ctx.db;
  const have = await sql<{ n: number }>`select count(*)::int as n from ticket`.execute(db);
  if ((have.rows[0]?.n ?? 0) < N) await generateOrders(db, N, b.units, (s) => console.log(s));
  const open = await sql<{ n: number }>`
    select count(*)::int as n from ticket where status in ('dispatched', 'in_progress')`.execute(db);
  const lines = await sql<{ n: number }>`
    select count(*)::int as n from ticket_deadline where met_at is null and alert_level < 3`.execute(db);
  console.log(`open orders: ${open.rows[0]?.n}; unalerted deadline lines: ${lines.rows[0]?.n}`);
  // The crossing set: open, green orders whose warning line moves to 30 s after BENCH_NOW.
  const crossing = await sql<{ ticket_id: number; warn_at: Date }>`
    select d.ticket_id, d.warn_at from ticket_deadline d join ticket t on t.id = d.ticket_id
    where t.status in ('dispatched', 'in_progress') and d.stage = 'handleBy' and d.alert_level = 0
      and d.warn_at > ${BENCH_NOW}::timestamptz + interval '1 day'
    order by d.ticket_id limit ${K}`.execute(db);
  const ids = crossing.rows.map((r) => r.ticket_id);
  // Only the K chosen lines may cross while the bench runs (its clock moves on in real time from
  // a minute after BENCH_NOW): lines of other orders whose own boundary falls in the next hour
  // (about ten a minute at 300,000 open orders) are given the level they reach by then, as if an
  // earlier sweep had alerted them, so the count checked is exactly K.
  const until = new Date(BENCH_NOW.getTime() + 3_600_000);
  await sql`
    update ticket_deadline d set alert_level = case
      when d.red_at <= ${until} then 3 when d.due_at <= ${until} then 2 else 1 end
    where d.met_at is null and d.ticket_id <> all(${ids}::bigint[]) and (
      (d.alert_level < 1 and d.warn_at <= ${until}) or (d.alert_level < 2 and d.due_at <= ${until})
      or (d.alert_level < 3 and d.red_at <= ${until}))`.execute(db);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await sql`delete from ticket_alert where ticket_id = any(${ids}::bigint[])`.execute(db);
    await sql`
      update ticket_deadline set alert_level = 0, warn_at = ${BENCH_NOW}::timestamptz + interval '30 seconds'
      where stage = 'handleBy' and ticket_id = any(${ids}::bigint[])`.execute(db);
    await sql`update ticket set light = 'green' where id = any(${ids}::bigint[])`.execute(db);
    await sql`vacuum analyze ticket_deadline`.execute(db);
    b.clock.set(new Date(BENCH_NOW.getTime() + 60_000));
    const t = performance.now();
    const r = await runSweep(b.ctx);
    times.push(performance.now() - t);
    const again = await runSweep(b.ctx);
    console.log(
      `run ${run + 1}: ${(times[run] ?? 0).toFixed(0)} ms, ${JSON.stringify(r)}; second sweep ${JSON.stringify(again)}`,
    );
    if (r.yellow !== ids.length || again.yellow + again.overdue + again.red !== 0) {
      throw new Error('not exactly once');
    }
  }
  console.log(
    `\nsweep, ${ids.length} crossing: p50 ${pct(times, 50).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
  );
  // Put the lines back where the generator left them.
  await sql`delete from ticket_alert where ticket_id = any(${ids}::bigint[])`.execute(db);
  await sql`
    update ticket_deadline set alert_level = 0, warn_at = due_at - interval '1 day'
    where stage = 'handleBy' and ticket_id = any(${ids}::bigint[])`.execute(db);
  await sql`update ticket set light = 'green' where id = any(${ids}::bigint[])`.execute(db);
  await b.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
