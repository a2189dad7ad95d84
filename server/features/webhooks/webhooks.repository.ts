import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';

/**
 * SQL of webhooks: subscriptions, the outbox (`webhook_delivery`) written in the transaction of
 * the order change, and the worker's claim and record of each attempt.
 */

/**
 * Writes the deliveries of one event of one or more orders, in the caller's transaction: one row
 * per active subscription that wants the event (format `exchange` only for orders received from
 * another installation) and, when `forwardUnitId` is a remote installation, its forward. One
 * statement whatever the number of subscriptions (none: a scan of a small table, no row).
 */
export async function enqueueDeliveries(
  trx: Trx,
  e: {
    ticketIds: readonly number[];
    event: string;
    seq: number | null;
    at: Date;
    forwardUnitId?: number | null;
  },
): Promise<void> {
  if (e.ticketIds.length === 0) return;
  const ids = sql.join(e.ticketIds.map((id) => sql`${id}::bigint`));
  const at = e.at.toISOString();
  const forward =
    e.forwardUnitId && e.ticketIds.length === 1
      ? sql`union all
        select gen_random_uuid(), null::bigint, u.id, 'exchange.forward', ${e.ticketIds[0]}::bigint,
          ${e.seq}::int, null::text, now(), now()
        from org_unit u where u.id = ${e.forwardUnitId}::bigint and u.exchange_endpoint is not null`
      : sql``;
  await sql`
    insert into webhook_delivery
      (id, subscription_id, unit_id, event, ticket_id, event_seq, body, next_attempt_at, created_at)
    select gen_random_uuid(), s.id, null::bigint, ${e.event}::text, t.id, ${e.seq}::int,
      case when s.format = 'event' then jsonb_build_object(
        'event', ${e.event}::text,
        'occurredAt', ${at}::text,
        'ticket', jsonb_build_object('id', t.id, 'number', t.ticket_no, 'status', t.status))::text end,
      now(), now()
    from webhook_subscription s
    join ticket t on t.id in (${ids})
    where s.active
      and (${e.event}::text = any(s.events) or '*' = any(s.events))
      and (s.format = 'event' or exists (select 1 from exchange_order x where x.ticket_id = t.id))
    ${forward}`.execute(trx);
}

export async function insertSubscription(
  trx: Trx,
  row: {
    url: string;
    events: string[];
    secret: string;
    apiKey: string | null;
    format: string;
    createdBy: number;
    now: Date;
  },
): Promise<number> {
  const r = await trx
    .insertInto('webhook_subscription')
    .values({
      url: row.url,
      events: row.events,
      secret: row.secret,
      api_key: row.apiKey,
      format: row.format,
      created_by: row.createdBy,
      created_at: row.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Active subscriptions with their delivery counts (never the secret or the key). */
export function listSubscriptions(db: Db) {
  return db
    .selectFrom('webhook_subscription as s')
    .innerJoin('app_user as u', 'u.id', 's.created_by')
    .select((eb) => [
      's.id',
      's.url',
      's.events',
      's.format',
      sql<boolean>`s.api_key is not null`.as('hasApiKey'),
      's.created_at as createdAt',
      'u.username as createdBy',
      ...(['pending', 'failed', 'delivered'] as const).map((status) =>
        eb
          .selectFrom('webhook_delivery as d')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('d.subscription_id', '=', 's.id')
          .where('d.status', '=', status)
          .as(status),
      ),
    ])
    .where('s.active', '=', true)
    .orderBy('s.id', 'desc')
    .execute();
}

/** Ends a subscription (its deliveries stay in the log; pending ones are given up). */
export async function deactivateSubscription(trx: Trx, id: number, now: Date): Promise<boolean> {
  const r = await trx
    .updateTable('webhook_subscription')
    .set({ active: false, deleted_at: now })
    .where('id', '=', id)
    .where('active', '=', true)
    .returning('id')
    .executeTakeFirst();
  if (!r) return false;
  await trx
    .updateTable('webhook_delivery')
    .set({ status: 'failed', last_error: '订阅已删除' })
    .where('subscription_id', '=', id)
    .where('status', '=', 'pending')
    .execute();
  return true;
}

export function subscriptionExists(db: Db, id: number) {
  return db.selectFrom('webhook_subscription').select('id').where('id', '=', id).executeTakeFirst();
}

/** The delivery log of a subscription, newest first. */
export function listDeliveries(db: Db, subscriptionId: number, limit: number) {
  return db
    .selectFrom('webhook_delivery as d')
    .leftJoin('ticket as t', 't.id', 'd.ticket_id')
    .select([
      'd.id',
      'd.event',
      'd.ticket_id as ticketId',
      't.ticket_no as ticketNo',
      'd.status',
      'd.attempts',
      'd.last_status as lastStatus',
      'd.last_error as lastError',
      'd.last_attempt_at as lastAttemptAt',
      'd.next_attempt_at as nextAttemptAt',
      'd.created_at as createdAt',
      'd.delivered_at as deliveredAt',
    ])
    .where('d.subscription_id', '=', subscriptionId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

/**
 * Claims up to `limit` due deliveries: `FOR UPDATE SKIP LOCKED` so two workers never take the
 * same row, and a lease (`next_attempt_at` moved to `leaseUntil`) so a worker killed in the
 * middle of a POST leaves the delivery to be tried again when the lease ends.
 */
export async function claimDueDeliveries(db: Db, now: Date, leaseUntil: Date, limit: number) {
  const r = await sql<{ id: string }>`
    update webhook_delivery set next_attempt_at = ${leaseUntil}
    where id in (
      select id from webhook_delivery
      where status = 'pending' and next_attempt_at <= ${now}
      order by next_attempt_at
      limit ${limit}
      for update skip locked)
    returning id`.execute(db);
  const ids = r.rows.map((x) => x.id);
  if (ids.length === 0) return [];
  return db
    .selectFrom('webhook_delivery as d')
    .leftJoin('webhook_subscription as s', 's.id', 'd.subscription_id')
    .leftJoin('org_unit as u', 'u.id', 'd.unit_id')
    .select([
      'd.id',
      'd.event',
      'd.ticket_id as ticketId',
      'd.event_seq as eventSeq',
      'd.body',
      'd.attempts',
      'd.created_at as createdAt',
      's.url',
      's.secret',
      's.api_key as apiKey',
      's.format',
      'u.exchange_endpoint as endpoint',
      'u.exchange_key as unitKey',
    ])
    .where('d.id', 'in', ids)
    .orderBy('d.created_at')
    .orderBy('d.event_seq')
    .execute();
}
export type ClaimedDelivery = Awaited<ReturnType<typeof claimDueDeliveries>>[number];

/** Records one attempt: delivered, or the next attempt (or given up: failed). */
export async function recordAttempt(
  db: Db,
  id: string,
  a: {
    at: Date;
    httpStatus: number | null;
    error: string | null;
    outcome: 'delivered' | 'pending' | 'failed';
    nextAttemptAt: Date | null;
  },
): Promise<void> {
  await db
    .updateTable('webhook_delivery')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_attempt_at: a.at,
      last_status: a.httpStatus,
      last_error: a.error,
      status: a.outcome,
      ...(a.outcome === 'delivered' ? { delivered_at: a.at } : {}),
      ...(a.nextAttemptAt ? { next_attempt_at: a.nextAttemptAt } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

/** What a forward to a remote installation carries: the order as the unit will handle it. */
export function orderForForward(db: Db, ticketId: number) {
  return db
    .selectFrom('ticket')
    .select([
      'ticket_no',
      'channel',
      'source_level',
      'type',
      'category_code',
      'urgency',
      'content',
      'demand',
      'caller_name',
      'caller_phone',
      'caller_address',
      'confidential',
      'location_address',
      'location_region',
    ])
    .where('id', '=', ticketId)
    .executeTakeFirst();
}

/** What a status report carries: the event, the order's number here and there. */
export function eventForReport(db: Db, ticketId: number, seq: number | null) {
  return db
    .selectFrom('ticket as t')
    .innerJoin('exchange_order as x', 'x.ticket_id', 't.id')
    .leftJoin('ticket_event as e', (j) => j.onRef('e.ticket_id', '=', 't.id').on('e.seq', '=', seq ?? -1))
    .select(['t.ticket_no', 't.status', 'x.external_no', 'e.action', 'e.payload', 'e.to_status', 'e.at'])
    .where('t.id', '=', ticketId)
    .executeTakeFirst();
}
