import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-db';
import type { DatabaseHandle } from './db';
import { AppError, isAppError } from './errors';
import { isRetryableDbError, withRetry } from './retry';

function latch() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** A failure as the driver reports it, with its SQLSTATE. */
function dbError(code: string): Error {
  return Object.assign(new Error(`sqlstate ${code}`), { code });
}

describe('withRetry', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDatabase();
    await h.db
      .insertInto('ticket_counter')
      .values([
        { day: '2026-01-01', last_value: 0 },
        { day: '2026-01-02', last_value: 0 },
      ])
      .execute();
  });
  afterAll(async () => {
    await h.close();
  });

  const lockDay = (trx: Parameters<Parameters<typeof withRetry>[1]>[0], day: string) =>
    sql`select last_value from ticket_counter where day = ${day} for update`.execute(trx);
  const bump = (trx: Parameters<Parameters<typeof withRetry>[1]>[0], day: string) =>
    sql`update ticket_counter set last_value = last_value + 1 where day = ${day}`.execute(trx);

  it.skipIf(!process.env.DATABASE_URL)(
    'runs a deadlock victim again: two transactions locking two rows in opposite order both commit',
    async () => {
      const aHolds = latch();
      const bHolds = latch();
      const retried: unknown[] = [];
      const runs = { a: 0, b: 0 };
      const one = (
        me: 'a' | 'b',
        first: string,
        second: string,
        mine: ReturnType<typeof latch>,
        other: ReturnType<typeof latch>,
      ) =>
        withRetry(
          h.db,
          async (trx) => {
            runs[me]++;
            await lockDay(trx, first);
            mine.open();
            await other.opened; // both hold their first row: the second lock closes the circle
            await lockDay(trx, second);
            await bump(trx, first);
            await bump(trx, second);
            return me;
          },
          { onRetry: (_attempt, err) => retried.push(err) },
        );
      const done = await Promise.all([
        one('a', '2026-01-01', '2026-01-02', aHolds, bHolds),
        one('b', '2026-01-02', '2026-01-01', bHolds, aHolds),
      ]);
      expect(done).toEqual(['a', 'b']);
      expect(retried).toHaveLength(1);
      expect((retried[0] as { code?: string }).code).toBe('40P01');
      expect(runs.a + runs.b).toBe(3);
      const rows = await h.db
        .selectFrom('ticket_counter')
        .select(['day', 'last_value'])
        .orderBy('day')
        .execute();
      expect(rows).toEqual([
        { day: '2026-01-01', last_value: 2 },
        { day: '2026-01-02', last_value: 2 },
      ]);
    },
  );

  it('runs the whole transaction again after a serialization failure, and only its last run counts', async () => {
    let runs = 0;
    const value = await withRetry(
      h.db,
      async (trx) => {
        runs++;
        await bump(trx, '2026-01-01');
        if (runs < 3) throw dbError('40001');
        return runs;
      },
      { baseDelayMs: 1 },
    );
    expect(value).toBe(3);
    const before = await h.db
      .selectFrom('ticket_counter')
      .select('last_value')
      .where('day', '=', '2026-01-02')
      .executeTakeFirstOrThrow();
    const after = await h.db
      .selectFrom('ticket_counter')
      .select('last_value')
      .where('day', '=', '2026-01-01')
      .executeTakeFirstOrThrow();
    // Day 1 was bumped by the deadlock case (PostgreSQL only) as often as day 2, plus once here.
    expect(after.last_value).toBe(before.last_value + 1);
  });

  it('answers 503 BUSY when the retries are spent, and passes other errors through untouched', async () => {
    let runs = 0;
    const spent = await withRetry(
      h.db,
      async () => {
        runs++;
        throw dbError('40P01');
      },
      { attempts: 4, baseDelayMs: 1 },
    ).catch((e: unknown) => e);
    expect(runs).toBe(4);
    expect(isAppError(spent) && spent.code).toBe('BUSY');
    expect((spent as AppError).status).toBe(503);

    const other = new AppError('CONFLICT', '工单已被他人更新，请刷新后重试');
    let once = 0;
    await expect(
      withRetry(h.db, async () => {
        once++;
        throw other;
      }),
    ).rejects.toBe(other);
    expect(once).toBe(1);
    expect(isRetryableDbError(dbError('23505'))).toBe(false);
  });
});
