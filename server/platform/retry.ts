import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Db } from './db';
import { AppError } from './errors';

/** SQLSTATEs after which the whole transaction may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']); // deadlock_detected, serialization_failure

export function isRetryableDbError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

export interface RetryOptions {
  /** Runs of the transaction in all (the first one included). */
  attempts?: number;
  /** Upper bound of the first pause in milliseconds; doubled after each failure, jittered. */
  baseDelayMs?: number;
  /** Told of each failure that is about to be retried (logging, tests). */
  onRetry?: (attempt: number, err: unknown) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` in a transaction and runs it again, whole, when PostgreSQL aborts it as a deadlock
 * victim (40P01) or for a serialization failure (40001): a bounded number of times with a small
 * jittered backoff. When the retries are spent the caller gets 503 `BUSY`, never a 500.
 * `fn` must be safe to run again: everything it does goes through `trx` (rolled back with it),
 * and counters or other effects outside the database are applied by the caller after commit.
 */
export async function withRetry<T>(
  db: Db,
  fn: (trx: Transaction<Database>, attempt: number) => Promise<T>,
  opts: RetryOptions = {},
): Promise<T> {
  const attempts = opts.attempts ?? 5;
  const base = opts.baseDelayMs ?? 10;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((trx) => fn(trx, attempt));
    } catch (err) {
      if (!isRetryableDbError(err)) throw err;
      if (attempt >= attempts) {
        throw new AppError('BUSY', '系统繁忙，请稍后重试', { attempts });
      }
      opts.onRetry?.(attempt, err);
      await sleep(Math.random() * base * 2 ** (attempt - 1));
    }
  }
}
