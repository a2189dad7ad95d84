import type { Trx } from './tickets.repository';

/** Claims a key for this user; false when it was claimed before (committed by an earlier request). */
export async function claimKey(
  trx: Trx,
  row: { userId: number; key: string; requestHash: string; now: Date },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('idempotency_key')
    .values({
      user_id: row.userId,
      key: row.key,
      request_hash: row.requestHash,
      ticket_id: null,
      created_at: row.now,
    })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function recordKeyTicket(
  trx: Trx,
  userId: number,
  key: string,
  ticketId: number,
): Promise<void> {
  await trx
    .updateTable('idempotency_key')
    .set({ ticket_id: ticketId })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}

export async function findKey(trx: Trx, userId: number, key: string) {
  return trx
    .selectFrom('idempotency_key')
    .select(['request_hash', 'ticket_id', 'created_at'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Keys older than `before` are forgotten (a retry comes within minutes, not days). */
export async function pruneKeys(trx: Trx, before: Date): Promise<number> {
  const r = await trx.deleteFrom('idempotency_key').where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
