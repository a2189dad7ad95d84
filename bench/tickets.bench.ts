/**
 * Work-order bench: loads N orders (default 100,000) into a fresh database — the embedded one, or
 * the server named by DATABASE_URL (a schema of its own, dropped afterwards) — then measures the
 * list queries the desks run (server-side paging, scope by the unit tree, light computed in SQL)
 * and the throughput of lifecycle actions through the real use case.
 *
 *   npx tsx bench/tickets.bench.ts [--orders 100000]
 */
import { arg, demoSessions, pct } from './bench-db';
import { openScratchDb } from './bench-open';
import { sql } from 'kysely';
import { migrateToLatest } from '../server/db/migrate';
import { ensureReferenceData, loadDemoData } from '../server/features/demo/load-demo-data';
import { createTicket } from '../server/features/tickets/create-ticket';
import { laterOrderColumns } from '../server/features/tickets/intake.repository';
import { listTickets } from '../server/features/tickets/list-tickets';
import { performAction } from '../server/features/tickets/perform-action';
import { listTicketsQuery } from '../common/contracts/tickets';
import { createContext } from '../server/platform/context';
import { readEnv } from '../server/platform/env';

const N = arg('orders', 100_000);

async function main() {
  const { handle, cleanup } = await openScratchDb(process.argv.includes('--keep') ? 'bench_kept' : undefined);
  const db = handle.db;
  await migrateToLatest(db);
  await ensureReferenceData(db);
  await loadDemoData(db);
  const env = readEnv({
    CIVICLINE_TEST_CLOCK: '1',
    CIVICLINE_NOW: '2026-11-23T10:00:00+08:00',
    CIVICLINE_PROFILE: 'zibo-12345',
    LOG_LEVEL: 'silent',
  });
  const ctx = await createContext({ handle, env });
  const session = await demoSessions(db);
  const units = await db
    .selectFrom('org_unit')
    .select(['id', 'code'])
    .where('kind', 'in', ['department', 'town', 'enterprise'])
    .execute();
  const rsj = units.find((u) => u.code === 'YC-RSJ')?.id ?? 0;

  // Bulk load: orders spread over 60 days, a third with the handler's unit, in every state.
  const t0 = performance.now();
  const statuses = [
    'pending_dispatch',
    'dispatched',
    'in_progress',
    'in_progress',
    'replied',
    'pending_callback',
    'closed',
    'closed',
    'closed',
    'answered',
  ];
  const start = Date.parse('2026-09-24T00:00:00+08:00');
  const batch = 1000; // 40 columns × 1000 rows stays under the 65,535 bind parameters of the protocol
  for (let done = 0; done < N; done += batch) {
    const rows = [];
    for (let i = done; i < Math.min(N, done + batch); i++) {
      const status = statuses[i % statuses.length] ?? 'closed';
      const received = new Date(start + ((i * 7919) % (60 * 86_400_000)));
      const unit =
        status === 'pending_dispatch' || status === 'answered'
          ? null
          : i % 3 === 0
            ? rsj
            : (units[i % units.length]?.id ?? rsj);
      rows.push({
        ticket_no: `B${String(i).padStart(12, '0')}`,
        status,
        channel: 'phone',
        type: i % 2 ? 'consult' : 'complaint',
        category_code: '010201',
        urgency: 'normal',
        source_level: 'city',
        caller_name: '王小明',
        caller_phone: `138${String(i).padStart(8, '0')}`,
        caller_address: null,
        confidential: false,
        location_address: null,
        location_region: '东城区',
        content: `第${i}号诉求：公司拖欠工资，要求支付。`,
        demand: null,
        channel_ref: null,
        tags: [],
        answer: null,
        not_accepted_reason: null,
        suggested_channel: null,
        platform_unit_id: 1,
        ...laterOrderColumns,
        lead_unit_id: unit,
        profile_id: 'zibo-12345',
        profile_version: ctx.rules.profile.version,
        calendar_version: ctx.rules.calendarVersion,
        received_at: received,
        dispatched_at: unit ? received : null,
        handle_due_at: unit ? new Date(received.getTime() + 7 * 86_400_000) : null,
        replied_at: null,
        callback_at: null,
        closed_at: null,
        created_by: null,
        created_at: received,
        updated_at: received,
      });
    }
    const ids = await db
      .insertInto('ticket')
      .values(rows)
      .returning(['id', 'lead_unit_id', 'received_at', 'status'])
      .execute();
    const assigned = ids.filter((r) => r.lead_unit_id !== null);
    if (assigned.length) {
      await db
        .insertInto('ticket_assignment')
        .values(
          assigned.map((r) => ({
            ticket_id: r.id,
            unit_id: r.lead_unit_id ?? 0,
            role: 'lead',
            status: r.status === 'dispatched' ? 'dispatched' : 'accepted',
            dispatched_by_unit_id: 1,
            parent_assignment_id: null,
            dispatched_at: r.received_at,
          })),
        )
        .execute();
      await db
        .insertInto('ticket_deadline')
        .values(
          assigned.map((r) => {
            const due = new Date(r.received_at.getTime() + 7 * 86_400_000);
            return {
              ticket_id: r.id,
              stage: 'handleBy',
              unit_id: r.lead_unit_id,
              start_at: r.received_at,
              due_at: due,
              warn_at: new Date(due.getTime() - 86_400_000),
              red_at: new Date(due.getTime() + 86_400_000),
              met_at: null,
              provisional: false,
              explanation: '[]',
              profile_id: 'zibo-12345',
              profile_version: ctx.rules.profile.version,
              calendar_version: ctx.rules.calendarVersion,
            };
          }),
        )
        .execute();
    }
  }
  await sql`analyze`.execute(db);
  const loadSec = (performance.now() - t0) / 1000;
  console.log(
    `database: ${handle.kind}; loaded ${N} orders in ${loadSec.toFixed(1)} s (${Math.round(N / loadSec)} orders/s, bulk insert)`,
  );

  const queries: [string, string, Record<string, string>][] = [
    ['center: all orders, newest first, page 1', 'dispatcher', {}],
    ['center: red + overdue orders (light in SQL)', 'supervisor', { light: 'red,overdue' }],
    ['center: search by text', 'dispatcher', { q: '第4242号' }],
    ['center: caller history by phone', 'agent', { phone: '13800004242' }],
    ['unit inbox: to do, by deadline', 'handler', { scope: 'todo', sort: 'due' }],
    ['unit inbox: in progress, page 50', 'handler', { status: 'in_progress', page: '50' }],
    ['sub-platform: its district', 'dispatcher-dc', {}],
  ];
  console.log('\n| query | p50 ms | p95 ms | total rows |');
  console.log('| --- | --- | --- | --- |');
  for (const [label, user, q] of queries) {
    const s = session(user);
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      const r = await listTickets(ctx, s, listTicketsQuery.parse(q));
      times.push(performance.now() - t);
      total = r.total;
    }
    console.log(`| ${label} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${total} |`);
  }

  // Lifecycle throughput through the real use case (lock → decide → effects → event → deadlines).
  const agent = session('agent');
  const dispatcher = session('dispatcher');
  const handler = session('handler');
  const M = 200;
  const ta = performance.now();
  const created: number[] = [];
  for (let i = 0; i < M; i++) {
    created.push(
      await createTicket(ctx, agent, {
        channel: 'phone',
        type: 'complaint',
        urgency: 'normal',
        level: 'city',
        caller: { confidential: false },
        location: {},
        content: '工资拖欠',
        tags: [],
        complex: false,
        disposition: 'order',
      }),
    );
  }
  const tc = performance.now();
  for (const id of created) {
    await performAction(ctx, dispatcher, id, 'dispatch', { unitId: rsj });
    await performAction(ctx, handler, id, 'accept', {});
    await performAction(ctx, handler, id, 'reply', { result: '已处理', contacted: true });
  }
  const td = performance.now();
  console.log(
    `\nintake: ${(M / ((tc - ta) / 1000)).toFixed(0)} orders/s; actions (dispatch, accept, reply): ${((3 * M) / ((td - tc) / 1000)).toFixed(0)} actions/s, one at a time`,
  );
  if (process.argv.includes('--keep')) {
    console.log(`kept: ${handle.kind === 'postgres' ? 'schema (see search_path)' : 'data dir'}`);
  } else await cleanup();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
