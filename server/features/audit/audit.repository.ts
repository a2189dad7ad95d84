import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';

/** The chains' lock space (pg_advisory_xact_lock(AUDIT_LOCK, chain)): "CLAU". */
const AUDIT_LOCK = 0x43_4c_41_55;

export interface AuditRowIn {
  chain: number;
  at: Date;
  actor_user_id: number | null;
  actor_username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string;
  ip: string | null;
}

/**
 * Appends one entry to its chain in one statement (`audit_append`, migration
 * 20261210600000): the chain's lock, its last hash read after the lock, the insert with
 * hash = sha256(previous hash || `canonical`). Returns the entry's id.
 */
export async function appendAuditRow(db: Trx, row: AuditRowIn, canonical: string): Promise<number> {
  const r = await sql<{ id: string }>`select audit_append(
      ${row.chain}::smallint, ${AUDIT_LOCK}::integer, ${canonical}::text, ${row.at}::timestamptz,
      ${row.actor_user_id}::bigint, ${row.actor_username}::text, ${row.action}::text,
      ${row.target_type}::text, ${row.target_id}::text, ${row.details}::jsonb, ${row.ip}::text) as id`.execute(
    db,
  );
  return Number(r.rows[0]?.id);
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
  /** Entries about this order: as their target or among the orders a list read showed. */
  ticketId?: number;
  actor?: string;
}

/** The log's entries matching a filter. */
function filteredAudit(db: Db, f: AuditFilter) {
  let base = db.selectFrom('audit_log');
  if (f.action) base = base.where('action', '=', f.action);
  if (f.targetType) base = base.where('target_type', '=', f.targetType);
  if (f.targetId) base = base.where('target_id', '=', f.targetId);
  if (f.actor) base = base.where('actor_username', '=', f.actor);
  if (f.ticketId !== undefined) {
    const id = f.ticketId;
    const list = JSON.stringify([id]);
    base = base.where((eb) =>
      eb.or([
        eb.and([eb('target_type', '=', 'ticket'), eb('target_id', '=', String(id))]),
        eb(sql`details -> 'ids'`, '@>', sql`${list}::jsonb`),
        eb(sql`details -> 'ticketIds'`, '@>', sql`${list}::jsonb`),
      ]),
    );
  }
  return base;
}

const auditColumns = [
  'id',
  'at',
  'actor_username as actor',
  'action',
  'target_type as targetType',
  'target_id as targetId',
  'details',
  'ip',
] as const;

/** One page of the log, newest first, and how many entries match. */
export async function listAuditPage(db: Db, f: AuditFilter, page: number, pageSize: number) {
  const base = filteredAudit(db, f);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const items = await base
    .select([...auditColumns])
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total?.n ?? 0), items };
}

/** Keyset paging for exports: the next `limit` entries older than `beforeId`, newest first. */
export function auditEntriesBefore(db: Db, f: AuditFilter, beforeId: number | null, limit: number) {
  let q = filteredAudit(db, f);
  if (beforeId !== null) q = q.where('id', '<', beforeId);
  return q
    .select([...auditColumns])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The numbers of the given orders (one query; ids that do not exist are left out). */
export async function ticketNumbers(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('ticket').select(['id', 'ticket_no']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.id), r.ticket_no]));
}

/** The id of the order with this number, if any. */
export async function ticketIdByNumber(db: Db, ticketNo: string): Promise<number | undefined> {
  const row = await db.selectFrom('ticket').select('id').where('ticket_no', '=', ticketNo).executeTakeFirst();
  return row ? Number(row.id) : undefined;
}
