import { sql } from 'kysely';
import type { Db } from '../../platform/db';

/**
 * Counts one more portal request from this phone on this service day and answers the new count;
 * `null` once `limit` is reached (the count then stays). One statement: safe with several processes.
 */
export async function takePhoneQuota(
  db: Db,
  phoneHash: string,
  day: string,
  limit: number,
): Promise<number | null> {
  const r = await sql<{ count: number }>`
    insert into public_request_quota as q (phone_hash, day, count) values (${phoneHash}, ${day}, 1)
    on conflict (phone_hash, day) do update set count = q.count + 1 where q.count < ${limit}
    returning count`.execute(db);
  return r.rows[0]?.count ?? null;
}

/** Gives back a quota taken for a request that then failed. */
export async function returnPhoneQuota(db: Db, phoneHash: string, day: string): Promise<void> {
  await db
    .updateTable('public_request_quota')
    .set({ count: sql`greatest(count - 1, 0)` })
    .where('phone_hash', '=', phoneHash)
    .where('day', '=', day)
    .execute();
}

/** What the portal may show of an order, found by its number (no personal data selected). */
export function findPublicOrder(db: Db, ticketNo: string) {
  return db
    .selectFrom('ticket as t')
    .leftJoin('org_unit as u', 'u.id', 't.lead_unit_id')
    .select([
      't.id',
      't.ticket_no',
      't.type',
      't.status',
      't.tracking_code_hash',
      't.answer',
      't.not_accepted_reason',
      't.suggested_channel',
      't.merged_into_id',
      't.received_at',
      't.dispatched_at',
      't.replied_at',
      't.closed_at',
      'u.name as unit_name',
    ])
    .where('t.ticket_no', '=', ticketNo)
    .executeTakeFirst();
}
export type PublicOrderRow = NonNullable<Awaited<ReturnType<typeof findPublicOrder>>>;

export function ticketNoOf(db: Db, id: number) {
  return db.selectFrom('ticket').select('ticket_no').where('id', '=', id).executeTakeFirst();
}

/** The order's events, action and time and the reply's text only. */
export function publicEvents(db: Db, ticketId: number) {
  return db
    .selectFrom('ticket_event')
    .select(['seq', 'at', 'action', 'payload'])
    .where('ticket_id', '=', ticketId)
    .orderBy('seq')
    .execute();
}

export function findCitizenRating(db: Db, ticketId: number) {
  return db.selectFrom('citizen_rating').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
}

/** Records the rating; false when the order was rated before (one rating per order). */
export async function insertCitizenRating(
  db: Db,
  row: {
    ticket_id: number;
    rating: 'satisfied' | 'basically-satisfied' | 'unsatisfied';
    comment: string | null;
    created_at: Date;
  },
): Promise<boolean> {
  const r = await db
    .insertInto('citizen_rating')
    .values(row)
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .returning('ticket_id')
    .executeTakeFirst();
  return r !== undefined;
}
