import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../db/schema';
import type { Db } from '../platform/db';
import type { Trx } from '../features/tickets/tickets.repository';

/** SQL of the deadline sweep. No decisions here. */

/** Statuses whose clocks do not run: never alerted. */
export const quietStatuses = ['suspended', 'closed', 'answered', 'not_accepted', 'merged'] as const;

/** A deadline line crossed at `now` and not alerted yet. */
function crossed(now: Date) {
  return (eb: ExpressionBuilder<Database & { d: Database['ticket_deadline'] }, 'd'>) =>
    eb.and([
      eb('d.met_at', 'is', null),
      eb.or([
        eb.and([eb('d.alert_level', '<', 1), eb('d.warn_at', '<=', now)]),
        eb.and([eb('d.alert_level', '<', 2), eb('d.due_at', '<=', now)]),
        eb.and([eb('d.alert_level', '<', 3), eb('d.red_at', '<=', now)]),
      ]),
    ]);
}

/** One page of the sweep's candidates: orders to sweep, and where the next page starts. */
export interface CandidatePage {
  ids: number[];
  /** The last order id read (swept or passed over as quiet); null when the page was empty. */
  last: number | null;
  /** Whether the page was full (more may follow after `last`). */
  full: boolean;
}

/**
 * Orders with a crossed line, in id order after `after`, read without any lock. The lines come
 * from three range scans, one per partial index (the literals let the planner use them), instead
 * of one OR that the planner estimates at a large part of the table; they are limited first and
 * only then joined to their orders (a materialized set of at most `limit` ids, probed by primary
 * key). The planner estimates each range from the whole column's histogram (most warning lines
 * lie in the past, but almost all of those were alerted): joined before the limit, it chose a merge
 * join that walked the order table from its first id on every page. Orders whose clocks do not
 * run are passed over (`last` still moves past them).
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
      select ticket_id from (
        select d.ticket_id from ticket_deadline d
          where d.met_at is null and d.alert_level < 1 and d.warn_at <= ${now} and d.ticket_id > ${after}
        union
        select d.ticket_id from ticket_deadline d
          where d.met_at is null and d.alert_level < 2 and d.due_at <= ${now} and d.ticket_id > ${after}
        union
        select d.ticket_id from ticket_deadline d
          where d.met_at is null and d.alert_level < 3 and d.red_at <= ${now} and d.ticket_id > ${after}
      ) u order by ticket_id limit ${limit}
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
    .where('id', 'in', ids)
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
    .where('d.ticket_id', 'in', ticketIds)
    .where(crossed(now))
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

/** Rows per statement: 5 parameters a row stays under the protocol's 65,535. */
const CHUNK = 5000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Inserts alerts, one statement per 5,000; returns those that did not exist yet (the primary key). */
export async function insertAlerts(trx: Trx, rows: AlertRow[], now: Date): Promise<AlertRow[]> {
  const out: AlertRow[] = [];
  for (const part of chunks(rows)) out.push(...(await insertAlertRows(trx, part, now)));
  return out;
}

async function insertAlertRows(trx: Trx, rows: AlertRow[], now: Date): Promise<AlertRow[]> {
  const inserted = await trx
    .insertInto('ticket_alert')
    .values(
      rows.map((r) => ({
        ticket_id: r.ticketId,
        stage: r.stage,
        kind: r.kind,
        due_at: r.dueAt,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning(['ticket_id', 'stage', 'kind', 'due_at'])
    .execute();
  return inserted.map((r) => ({
    ticketId: r.ticket_id,
    stage: r.stage,
    kind: r.kind as AlertRow['kind'],
    dueAt: r.due_at,
  }));
}

/** Stores the alert level of many stage lines, one statement per 5,000. */
export async function setAlertLevels(trx: Trx, rows: { ticketId: number; stage: string; level: number }[]) {
  for (const part of chunks(rows)) await setAlertLevelRows(trx, part);
}

async function setAlertLevelRows(trx: Trx, rows: { ticketId: number; stage: string; level: number }[]) {
  const values = sql.join(
    rows.map((r) => sql`(${r.ticketId}::bigint, ${r.stage}::text, ${r.level}::smallint)`),
  );
  await sql`
    update ticket_deadline as d set alert_level = v.level
    from (values ${values}) as v(ticket_id, stage, level)
    where d.ticket_id = v.ticket_id and d.stage = v.stage`.execute(trx);
}

/** Stores the light of many orders, one statement per 5,000. */
export async function setLights(trx: Trx, rows: { ticketId: number; light: string }[]) {
  for (const part of chunks(rows)) await setLightRows(trx, part);
}

async function setLightRows(trx: Trx, rows: { ticketId: number; light: string }[]) {
  const values = sql.join(rows.map((r) => sql`(${r.ticketId}::bigint, ${r.light}::text)`));
  await sql`
    update ticket as t set light = v.light
    from (values ${values}) as v(id, light)
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
