import crypto from 'node:crypto';
import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';
import { appendAuditRow, auditRowsAfter } from './audit.repository';

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

/** The hash a chain starts from: its number as 64 hex digits (chain 0: 64 zeros, as before). */
export const genesisOf = (chain: number) => chain.toString(16).padStart(64, '0');

/**
 * How many hash chains new entries are spread over (decision 0011): appends to different chains
 * never wait for each other; each chain is verified on its own.
 */
export const AUDIT_CHAINS = 8;

/** Appends of this process take the chains in turn, so concurrent ones rarely share a chain. */
let nextChain = crypto.randomInt(AUDIT_CHAINS);

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

/**
 * Appends one entry to one of the chains (inside the caller's transaction when given one, where
 * the chain's lock is then held until it commits; otherwise as a statement of its own).
 */
export async function appendAudit(db: Db | Trx, entry: AuditEntry): Promise<void> {
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
  await appendAuditRow(
    db,
    {
      chain: nextChain++ % AUDIT_CHAINS,
      at: row.at,
      actor_user_id: row.actorUserId,
      actor_username: row.actorUsername,
      action: row.action,
      target_type: row.targetType,
      target_id: row.targetId,
      details: JSON.stringify(row.details),
      ip: row.ip,
    },
    canonical(row),
  );
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  /** First entry whose hash or link does not match. */
  brokenAt?: number;
  reason?: string;
}

/**
 * Walks the log in id order and recomputes every hash; each entry must link to the previous
 * entry of its own chain (within a chain, id order is append order: an append holds the chain's
 * lock from taking its id until it commits).
 */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<VerifyResult> {
  const last = new Map<number, string>();
  let lastId = 0;
  let entries = 0;
  for (;;) {
    const rows = await auditRowsAfter(db, lastId, batch);
    if (rows.length === 0) break;
    for (const r of rows) {
      entries++;
      const prev = last.get(r.chain) ?? genesisOf(r.chain);
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
        details: r.details,
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
      last.set(r.chain, r.hash);
      lastId = r.id;
    }
  }
  return { ok: true, entries };
}

/** The time and the actor of an entry for what a signed-in user did. */
export function actedBy(
  user: { id: number; username: string },
  at: Date,
): Pick<AuditEntry, 'at' | 'actorUserId' | 'actorUsername'> {
  return { at, actorUserId: user.id, actorUsername: user.username };
}
