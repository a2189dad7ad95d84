import crypto from 'node:crypto';
import { AppError } from '../../platform/errors';
import { claimKey, findKey, recordKeyTicket } from './idempotency.repository';
import type { Trx } from './tickets.repository';

/** How long a key is remembered; a retry after a cut connection comes well within it. */
export const IDEMPOTENCY_KEY_HOURS = 24;

export interface IdempotencyClaim {
  userId: number;
  key: string;
  /** What the request asked for: the same key with another request is refused. */
  requestHash: string;
}

/**
 * Thrown inside the guarded transaction when the key was used before with the same request:
 * the transaction rolls back (it wrote nothing) and the route answers with the order the first
 * request changed.
 */
export class IdempotentReplay extends Error {
  constructor(readonly ticketId: number) {
    super('idempotent replay');
    this.name = 'IdempotentReplay';
  }
}

/** The key of an `Idempotency-Key` header, or undefined without one; a malformed key is refused. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = (Array.isArray(header) ? header.join(',') : header).trim();
  if (!/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key 应为 8 到 200 个可见 ASCII 字符', [
      { path: '/headers/idempotency-key', message: '8-200 printable ASCII characters' },
    ]);
  }
  return key;
}

export function requestHashOf(scope: string, body: unknown): string {
  return crypto
    .createHash('sha256')
    .update(scope)
    .update('\n')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
}

/**
 * Claims the key in the caller's transaction, before the change it guards. A concurrent request
 * with the same key waits on the key's row until the first commits (then replays) or rolls back
 * (then claims it itself), so a retry never creates a second order.
 */
export async function claimIdempotencyKey(trx: Trx, claim: IdempotencyClaim, now: Date): Promise<void> {
  if (await claimKey(trx, { ...claim, now })) return;
  const earlier = await findKey(trx, claim.userId, claim.key);
  if (!earlier || earlier.created_at.getTime() < now.getTime() - IDEMPOTENCY_KEY_HOURS * 3_600_000) {
    // Claimed long ago: treated as unknown would need a delete; refuse clearly instead.
    throw new AppError('IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已过期，请使用新的键', {
      key: claim.key,
    });
  }
  if (earlier.request_hash !== claim.requestHash) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一个请求', { key: claim.key });
  }
  if (earlier.ticket_id === null) {
    throw new AppError('CONFLICT', '相同请求正在处理，请稍后重试');
  }
  throw new IdempotentReplay(earlier.ticket_id);
}

/** Records which order the guarded change touched (the replay answers with it). */
export async function completeIdempotencyKey(
  trx: Trx,
  claim: IdempotencyClaim,
  ticketId: number,
): Promise<void> {
  await recordKeyTicket(trx, claim.userId, claim.key, ticketId);
}
