import { sql } from 'kysely';
import type { Db } from '../platform/db';
import type { Trx } from '../features/tickets/tickets.repository';

/** SQL of the deadline sweep. No decisions here. */

/** Statuses whose clocks do not run: never alerted. */
export const quietStatuses = ['suspended', 'closed', 'answered', 'not_accepted', 'merged'] as const;

/** One page of the sweep's candidates: orders to sweep, and where the next page starts. */
export interface CandidatePage {
  ids: number[];
  /** The last order id read (swept or passed over as quiet); null when the page was empty. */
  last: number | null;
  /** Whether the page was full (more may follow after `last`). */
  full: boolean;
}

/**
 * Orders with a crossed line, in id order after `after`, read without any lock: one range of
 * the `next_alert_at` index (the earliest boundary of each line not alerted yet), read from the
 * index alone, limited first and only then joined to the orders (a materialized set of at most
 * `limit` ids, probed by primary key): joined before the limit, the planner, which estimates the
 * range from the column's whole histogram, chose a merge join that walked the order table from its
 * first id on every page. Orders whose clocks do not run are passed over (`last` still moves past
 * them).
 */
export async function candidateOrders(
  db: Db,
  now: Date,
  after: number,
  limit: number,
): Promise<CandidatePage> {
  // The same estimates would cost the statement a JIT compilation (tens of ms) for 10,000 rows.
  const rows = await db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    return candidateRows(trx, now, after, limit);
  });
  const last = rows[rows.length - 1];
  return {
    ids: rows.filter((r) => !r.quiet).map((r) => Number(r.ticket_id)),
    last: last ? Number(last.ticket_id) : null,
    full: rows.length >= limit,
  };
}

async function candidateRows(db: Trx, now: Date, after: number, limit: number) {
  const rows = await sql<{ ticket_id: number; quiet: boolean }>`
    with c as materialized (
      select distinct d.ticket_id from ticket_deadline d
      where d.next_alert_at <= ${now} and d.ticket_id > ${after}
      order by d.ticket_id limit ${limit}
    )
    select c.ticket_id, t.status in (${sql.join([...quietStatuses])}) as quiet
    from c join ticket t on t.id = c.ticket_id
    order by c.ticket_id`.execute(db);
  return rows.rows;
}

/**
 * Locks the orders nobody else holds, in ascending id order (decision 0006); an order a clerk
 * or another sweeper is working on is skipped, not waited for.
 */
export function lockFreeOrders(trx: Trx, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('ticket')
    .select(['id', 'status', 'light'])
    .where(sql<boolean>`id = any(${ids}::bigint[])`)
    .orderBy('id')
    .forUpdate()
    .skipLocked()
    .execute();
}

/** The crossed lines of orders the caller holds locked, re-read and locked after them. */
export function crossedDeadlines(trx: Trx, now: Date, ticketIds: number[]) {
  if (ticketIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('ticket_deadline as d')
    .select(['d.ticket_id', 'd.stage', 'd.due_at', 'd.warn_at', 'd.red_at', 'd.alert_level'])
    .where(sql<boolean>`d.ticket_id = any(${ticketIds}::bigint[])`)
    .where('d.next_alert_at', '<=', now)
    .orderBy('d.ticket_id')
    .orderBy('d.stage')
    .forUpdate()
    .execute();
}

export interface AlertRow {
  ticketId: number;
  stage: string;
  kind: 'yellow' | 'overdue' | 'red';
  dueAt: Date;
}

export interface LevelRow {
  ticketId: number;
  stage: string;
  level: number;
}

export interface LightRow {
  ticketId: number;
  light: string;
}

/** Timestamps travel as ISO text in arrays (the same on both drivers). */
const isoArray = (ds: Date[]) => ds.map((d) => d.toISOString());

/**
 * What one batch of the sweep writes, in one statement whatever the batch's size (each column
 * an array, `unnest`ed): the alerts (`on conflict do nothing`: an alert that exists is never
 * issued again), the alert levels of the lines and the orders' lights. Returns the alerts that
 * did not exist yet.
 */
export async function writeSweep(
  trx: Trx,
  w: { alerts: AlertRow[]; levels: LevelRow[]; lights: LightRow[] },
  now: Date,
): Promise<AlertRow[]> {
  const { alerts, levels, lights } = w;
  const r = await sql<{ ticket_id: number; stage: string; kind: AlertRow['kind']; due_at: Date }>`
    with a as (
      insert into ticket_alert (ticket_id, stage, kind, due_at, created_at)
      select x.ticket_id, x.stage, x.kind, x.due_at, ${now}::timestamptz
      from unnest(${alerts.map((x) => x.ticketId)}::bigint[], ${alerts.map((x) => x.stage)}::text[],
        ${alerts.map((x) => x.kind)}::text[], ${isoArray(alerts.map((x) => x.dueAt))}::timestamptz[])
        as x(ticket_id, stage, kind, due_at)
      on conflict do nothing
      returning ticket_id, stage, kind, due_at
    ), lv as (
      update ticket_deadline as d set alert_level = v.level
      from unnest(${levels.map((x) => x.ticketId)}::bigint[], ${levels.map((x) => x.stage)}::text[],
        ${levels.map((x) => x.level)}::smallint[]) as v(ticket_id, stage, level)
      where d.ticket_id = v.ticket_id and d.stage = v.stage
      returning 1
    ), li as (
      update ticket as t set light = v.light
      from unnest(${lights.map((x) => x.ticketId)}::bigint[], ${lights.map((x) => x.light)}::text[])
        as v(id, light)
      where t.id = v.id
      returning 1
    )
    select ticket_id, stage, kind, due_at from a`.execute(trx);
  // In the order given (the caller issues reminder slips in it).
  const key = (id: number, stage: string, kind: string, due: Date) =>
    `${id} ${stage} ${kind} ${due.getTime()}`;
  const fresh = new Set(r.rows.map((x) => key(Number(x.ticket_id), x.stage, x.kind, new Date(x.due_at))));
  return alerts.filter((x) => fresh.has(key(x.ticketId, x.stage, x.kind, x.dueAt)));
}

/** Stores the light of many orders, one statement. */
export async function setLights(trx: Trx, rows: LightRow[]) {
  if (rows.length === 0) return;
  await sql`
    update ticket as t set light = v.light
    from unnest(${rows.map((x) => x.ticketId)}::bigint[], ${rows.map((x) => x.light)}::text[]) as v(id, light)
    where t.id = v.id`.execute(trx);
}

/**
 * Orders in `after`'s id order that may carry a light (not closed, or closed with one), with
 * their running stage lines: the input of the light check at start.
 */
export async function ordersWithLines(db: Trx, after: number, limit: number) {
  const orders = await db
    .selectFrom('ticket')
    .select(['id', 'status', 'light'])
    .where('id', '>', after)
    .where((eb) =>
      eb.or([
        eb('status', 'not in', ['closed', 'answered', 'not_accepted', 'merged']),
        eb('light', '<>', 'green'),
      ]),
    )
    .orderBy('id')
    .limit(limit)
    .execute();
  if (orders.length === 0) return { orders, lines: [] };
  const lines = await db
    .selectFrom('ticket_deadline')
    .select(['ticket_id', 'stage', 'due_at', 'warn_at', 'red_at', 'met_at'])
    .where(
      'ticket_id',
      'in',
      orders.map((o) => o.id),
    )
    .where('met_at', 'is', null)
    .execute();
  return { orders, lines };
}
