import { migrateToLatest } from '../db/migrate';
import { ensureReferenceData } from '../features/demo/load-demo-data';
import { loadRules } from '../features/rules/rules.service';
import { systemClock, TestClock, type Clock } from '../platform/clock';
import type { AppContext } from '../platform/context';
import { openDatabase } from '../platform/db';
import { readEnv } from '../platform/env';
import { createLogger } from '../platform/logger';

/**
 * Runs a command against the same database as `npm start` (DATA_DIR or DATABASE_URL), migrated,
 * with the rules in force. The clock is CIVICLINE_NOW when CIVICLINE_TEST_CLOCK=1, else real time.
 */
export async function withPlatform<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const env = readEnv();
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await migrateToLatest(handle.db);
    await ensureReferenceData(handle.db);
    const clock: Clock =
      env.CIVICLINE_TEST_CLOCK && env.CIVICLINE_NOW
        ? new TestClock(new Date(env.CIVICLINE_NOW))
        : systemClock;
    const rules = await loadRules(handle.db, env.CIVICLINE_PROFILE, env.CIVICLINE_PROFILE_DIR);
    const ctx: AppContext = {
      db: handle.db,
      dbKind: handle.kind,
      env,
      clock,
      logger: createLogger('warn'),
      rules,
    };
    return await fn(ctx);
  } finally {
    await handle.close();
  }
}
