import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';

export interface CallEventRow {
  callId: string;
  type: string;
  at: Date;
  caller: string | null;
  agent: string | null;
  queue: string | null;
}

/**
 * Stores one event of a call, creating the call on its first event. Idempotent per (call, type):
 * a repeated event changes nothing (null; else the call's caller and queue so far). The call's fields come from the set of its events,
 * one column per type, so the order of arrival does not matter.
 */
export async function storeCallEvent(
  trx: Trx,
  e: CallEventRow,
  agentUserId: number | null,
  now: Date,
): Promise<{ caller: string | null; queue: string | null } | null> {
  await trx
    .insertInto('call_record')
    .values({ call_id: e.callId, created_at: now })
    .onConflict((oc) => oc.column('call_id').doNothing())
    .execute();
  const stored = await trx
    .insertInto('call_event')
    .values({
      call_id: e.callId,
      type: e.type,
      at: e.at,
      caller_phone: e.caller,
      agent_username: e.agent,
      queue: e.queue,
      received_at: now,
    })
    .onConflict((oc) => oc.columns(['call_id', 'type']).doNothing())
    .returning('call_id')
    .executeTakeFirst();
  if (!stored) return null;
  const column = `${e.type}_at` as
    'offered_at' | 'answered_at' | 'abandoned_at' | 'ended_at' | 'transferred_at';
  // The answering agent is the call's agent; another event's agent only fills a gap.
  const answered = e.type === 'answered' && e.agent !== null;
  return trx
    .updateTable('call_record')
    .set((eb) => ({
      [column]: e.at,
      caller_phone: eb.fn.coalesce('caller_phone', sql<string | null>`${e.caller}::text`),
      queue: eb.fn.coalesce('queue', sql<string | null>`${e.queue}::text`),
      agent_username: answered
        ? e.agent
        : eb.fn.coalesce('agent_username', sql<string | null>`${e.agent}::text`),
      agent_user_id: answered
        ? agentUserId
        : eb.fn.coalesce('agent_user_id', sql<number | null>`${agentUserId}::bigint`),
    }))
    .where('call_id', '=', e.callId)
    .returning(['caller_phone as caller', 'queue'])
    .executeTakeFirstOrThrow();
}

export function findActiveUserByUsername(db: Db, username: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where('username', '=', username)
    .where('active', '=', true)
    .executeTakeFirst();
}

export interface FigureRow {
  set: 'all' | 'hour' | 'day' | 'agent' | 'queue';
  hour: number | null;
  day: string | null;
  agent: string | null;
  queue: string | null;
  offered: number;
  answered: number;
  abandoned: number;
  within10: number;
  avgWait: number | null;
}

/**
 * The call figures of calls offered in [from, to), in one pass over the offered-time index:
 * totals, and by hour of day, by day (both in Beijing time), by answering agent and by queue.
 * Answered: an answer event; abandoned: an abandon event and no answer; the wait is answered −
 * offered (never below 0); within 10 s: a wait of at most 10 seconds.
 */
export async function callFigureRows(db: Db, from: Date, to: Date): Promise<FigureRow[]> {
  const r = await sql<FigureRow>`
    with c as (
      select answered_at, abandoned_at, queue, agent_username,
        extract(hour from offered_at at time zone 'UTC' + interval '8 hours')::int as hour,
        to_char(offered_at at time zone 'UTC' + interval '8 hours', 'YYYY-MM-DD') as day,
        -- greatest() skips nulls: an unanswered call must keep no wait at all.
        case when answered_at is not null
          then greatest(extract(epoch from answered_at - offered_at), 0) end as wait
      from call_record
      where offered_at >= ${from} and offered_at < ${to}
    )
    select
      case when grouping(hour) = 0 then 'hour' when grouping(day) = 0 then 'day'
        when grouping(agent_username) = 0 then 'agent' when grouping(queue) = 0 then 'queue'
        else 'all' end as "set",
      hour, day, agent_username as agent, queue,
      count(*)::int as offered,
      count(answered_at)::int as answered,
      count(*) filter (where answered_at is null and abandoned_at is not null)::int as abandoned,
      count(*) filter (where wait <= 10)::int as within10,
      avg(wait)::float8 as "avgWait"
    from c
    group by grouping sets ((), (hour), (day), (agent_username), (queue))`.execute(db);
  return r.rows;
}

export function displayNames(db: Db, usernames: string[]) {
  if (usernames.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('app_user')
    .select(['username', 'display_name'])
    .where('username', 'in', usernames)
    .execute();
}

/** Links an order to the call it was taken on (once per order). */
export async function insertCallLink(
  trx: Trx,
  row: { ticketId: number; callId: string; linkedBy: 'intake' | 'agent-window'; at: Date },
): Promise<void> {
  await trx
    .insertInto('call_ticket')
    .values({ ticket_id: row.ticketId, call_id: row.callId, linked_by: row.linkedBy, linked_at: row.at })
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .execute();
}

/** The agent's call in progress at `at`: answered within the last hour and not ended before it. */
export function findAgentCallAt(trx: Trx, agentUserId: number, at: Date) {
  return trx
    .selectFrom('call_record')
    .select('call_id')
    .where('agent_user_id', '=', agentUserId)
    .where('answered_at', '<=', at)
    .where('answered_at', '>', new Date(at.getTime() - 3_600_000))
    .where((eb) =>
      eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', new Date(at.getTime() - 300_000))]),
    )
    .orderBy('answered_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findCallOfTicket(db: Db, ticketId: number) {
  return db
    .selectFrom('call_ticket as l')
    .leftJoin('call_record as c', 'c.call_id', 'l.call_id')
    .leftJoin('app_user as u', 'u.id', 'c.agent_user_id')
    .select([
      'l.call_id as callId',
      'c.caller_phone as caller',
      'c.queue',
      'c.offered_at as offeredAt',
      'c.answered_at as answeredAt',
      'c.ended_at as endedAt',
      'u.display_name as agentName',
      'c.agent_username as agentUsername',
    ])
    .where('l.ticket_id', '=', ticketId)
    .executeTakeFirst();
}

export async function insertStreamTicket(
  db: Db,
  row: { ticketHash: string; userId: number; expiresAt: Date; now: Date },
): Promise<void> {
  // Spent and stale tickets go as new ones come.
  await db.deleteFrom('cti_stream_ticket').where('expires_at', '<', row.now).execute();
  await db
    .insertInto('cti_stream_ticket')
    .values({ ticket_hash: row.ticketHash, user_id: row.userId, expires_at: row.expiresAt })
    .execute();
}

/** Spends a stream ticket: its user when it was unused, unexpired and the user is active. */
export function spendStreamTicket(db: Db, ticketHash: string, now: Date) {
  return db
    .updateTable('cti_stream_ticket as t')
    .from('app_user as u')
    .set({ used_at: now })
    .whereRef('u.id', '=', 't.user_id')
    .where('t.ticket_hash', '=', ticketHash)
    .where('t.used_at', 'is', null)
    .where('t.expires_at', '>', now)
    .where('u.active', '=', true)
    .returning(['u.id', 'u.username'])
    .executeTakeFirst();
}

/** NOTIFY on a channel (delivered to its listeners when the statement's transaction commits). */
export async function notify(db: Db, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

export function findCall(db: Db, callId: string) {
  return db
    .selectFrom('call_record as c')
    .leftJoin('app_user as u', 'u.id', 'c.agent_user_id')
    .select([
      'c.call_id as callId',
      'c.caller_phone as caller',
      'c.queue',
      'c.offered_at as offeredAt',
      'c.answered_at as answeredAt',
      'c.abandoned_at as abandonedAt',
      'c.ended_at as endedAt',
      'u.display_name as agentName',
      'c.agent_username as agentUsername',
    ])
    .where('c.call_id', '=', callId)
    .executeTakeFirst();
}

export function listCallEvents(db: Db, callId: string) {
  return db
    .selectFrom('call_event')
    .select(['type', 'at', 'received_at as receivedAt'])
    .where('call_id', '=', callId)
    .orderBy('at')
    .orderBy('received_at')
    .execute();
}

export function listCallOrders(db: Db, callId: string) {
  return db
    .selectFrom('call_ticket as l')
    .innerJoin('ticket as t', 't.id', 'l.ticket_id')
    .select(['t.id', 't.ticket_no as ticketNo'])
    .where('l.call_id', '=', callId)
    .orderBy('t.id')
    .execute();
}
