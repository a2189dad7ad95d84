import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../db/schema';
import type { Trx } from '../features/tickets/tickets.repository';

/** SQL of the deadline sweep. No decisions here. */

/** Statuses whose clocks do not run: never alerted. */
export const quietStatuses = ['suspended', 'closed', 'answered', 'not_accepted', 'merged'] as const;

/** A deadline line crossed at `now` and not alerted yet (served by the three partial indexes). */
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

/** Orders with a crossed line, in id order after `after`: read without any lock. */
export async function candidateOrders(db: Trx, now: Date, after: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('ticket_deadline as d')
    .innerJoin('ticket as t', 't.id', 'd.ticket_id')
    .select('d.ticket_id')
    .where(crossed(now))
    .where('t.status', 'not in', [...quietStatuses])
    .where('d.ticket_id', '>', after)
    .groupBy('d.ticket_id')
    .orderBy('d.ticket_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.ticket_id);
}

/**
 * Locks the orders nobody else holds, in ascending id order (decision 0006); an order a clerk
 * or another sweeper is working on is skipped, not waited for.
 */
export function lockFreeOrders(trx: Trx, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('ticket')
    .select(['id', 'status'])
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
