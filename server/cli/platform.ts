import { migrateToLatest } from '../db/migrate';
import { ensureReferenceData } from '../features/demo/load-demo-data';
import { createContext, type AppContext } from '../platform/context';
import { openDatabase } from '../platform/db';
import { readEnv } from '../platform/env';
import { createLogger } from '../platform/logger';

/**
 * Runs a command against the same database as `npm start` (DATA_DIR or DATABASE_URL), migrated,
 * with the rules in force and the platform's clock (`clockFor`).
 */
export async function withPlatform<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const env = readEnv();
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await migrateToLatest(handle.db);
    await ensureReferenceData(handle.db);
    return await fn(await createContext({ handle, env, logger: createLogger('warn') }));
  } finally {
    await handle.close();
  }
}
