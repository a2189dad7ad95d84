import crypto from 'node:crypto';
import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';
import { auditRowsAfter, insertAuditRow, lastAuditHash, lockAuditChain } from './audit.repository';

export interface AuditEntry {
  at: Date;
  actorUserId: number | null;
  actorUsername: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

const GENESIS = '0'.repeat(64);

/** Canonical JSON (sorted keys) so the hash does not depend on key order after a JSONB round trip. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v instanceof Date ? v.toISOString() : v);
}

export function entryHash(
  prevHash: string,
  e: {
    at: Date;
    actorUserId: number | null;
    actorUsername: string | null;
    action: string;
    targetType: string | null;
    targetId: string | null;
    details: Record<string, unknown>;
    ip: string | null;
  },
): string {
  return crypto.createHash('sha256').update(prevHash).update(canonical(e)).digest('hex');
}

/** Appends one entry to the chain (inside the caller's transaction when given one). */
export async function appendAudit(db: Db | Trx, entry: AuditEntry): Promise<void> {
  const run = async (trx: Trx) => {
    await lockAuditChain(trx);
    const prev = (await lastAuditHash(trx)) ?? GENESIS;
    const row = {
      at: new Date(Math.floor(entry.at.getTime())),
      actorUserId: entry.actorUserId,
      actorUsername: entry.actorUsername,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
      details: entry.details ?? {},
      ip: entry.ip ?? null,
    };
    await insertAuditRow(trx, {
      at: row.at,
      actor_user_id: row.actorUserId,
      actor_username: row.actorUsername,
      action: row.action,
      target_type: row.targetType,
      target_id: row.targetId,
      details: JSON.stringify(row.details),
      ip: row.ip,
      prev_hash: prev,
      hash: entryHash(prev, row),
    });
  };
  if ('isTransaction' in db && db.isTransaction) return run(db);
  return (db as Db).transaction().execute(run);
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  /** First entry whose hash or link does not match. */
  brokenAt?: number;
  reason?: string;
}

/** Walks the whole chain in id order and recomputes every hash. */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<VerifyResult> {
  let prev = GENESIS;
  let lastId = 0;
  let entries = 0;
  for (;;) {
    const rows = await auditRowsAfter(db, lastId, batch);
    if (rows.length === 0) break;
    for (const r of rows) {
      entries++;
      if (r.prev_hash !== prev) {
        return {
          ok: false,
          entries,
          brokenAt: r.id,
          reason: 'link to the previous entry does not match (an entry was removed or reordered)',
        };
      }
      const expected = entryHash(prev, {
        at: r.at,
        actorUserId: r.actor_user_id,
        actorUsername: r.actor_username,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        details: r.details as Record<string, unknown>,
        ip: r.ip,
      });
      if (expected !== r.hash) {
        return {
          ok: false,
          entries,
          brokenAt: r.id,
          reason: 'entry content does not match its hash (the entry was edited)',
        };
      }
      prev = r.hash;
      lastId = r.id;
    }
  }
  return { ok: true, entries };
}
