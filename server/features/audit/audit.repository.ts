import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';

/** Serialises appends across connections and instances, so the chain has one order. */
const AUDIT_LOCK = 0x43_4c_41_55; // "CLAU"

/** Takes the chain's lock for the rest of the transaction. */
export async function lockAuditChain(trx: Trx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
}

/** The hash of the newest entry, if any. */
export async function lastAuditHash(trx: Trx): Promise<string | undefined> {
  const last = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last?.hash;
}

export interface AuditRowIn {
  at: Date;
  actor_user_id: number | null;
  actor_username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export async function insertAuditRow(trx: Trx, row: AuditRowIn): Promise<void> {
  await trx.insertInto('audit_log').values(row).execute();
}

/** Entries after `afterId` in id order, at most `limit`. */
export function auditRowsAfter(db: Db, afterId: number, limit: number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export interface AuditFilter {
  action?: string;
  targetType?: string;
  targetId?: string;
}

/** One page of the log, newest first, and how many entries match. */
export async function listAuditPage(db: Db, f: AuditFilter, page: number, pageSize: number) {
  let base = db.selectFrom('audit_log');
  if (f.action) base = base.where('action', '=', f.action);
  if (f.targetType) base = base.where('target_type', '=', f.targetType);
  if (f.targetId) base = base.where('target_id', '=', f.targetId);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const items = await base
    .select([
      'id',
      'at',
      'actor_username as actor',
      'action',
      'target_type as targetType',
      'target_id as targetId',
      'details',
      'ip',
    ])
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total?.n ?? 0), items };
}
