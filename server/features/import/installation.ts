import { migrateToLatest } from '../../db/migrate';
import { createContext, type AppContext } from '../../platform/context';
import { openDatabase, type DatabaseHandle, type Db } from '../../platform/db';
import { readEnv, type Env } from '../../platform/env';
import { createLogger } from '../../platform/logger';
import { markStepDone } from '../demo/demo-steps';
import { ensureReferenceData, loadDemoData } from '../demo/load-demo-data';
import { anyUnitExists, insertUnit } from '../org/org.repository';

export const DEFAULT_CENTER = { code: 'CENTER', name: '政务服务便民热线中心' } as const;

export interface Prepared {
  demoLoaded: boolean;
  centerCreated: boolean;
}

/**
 * Makes any database ready for the command line, as `npm start` would: migrations, reference
 * data, and — only when the installation has no units at all — the demo city (unless
 * CIVICLINE_DEMO=0) or else a bare hotline center (code CENTER) that imported units hang under.
 * An installation that has units is never touched.
 */
export async function prepareInstallation(db: Db, env: Pick<Env, 'CIVICLINE_DEMO'>): Promise<Prepared> {
  await migrateToLatest(db);
  await ensureReferenceData(db);
  if (await anyUnitExists(db)) return { demoLoaded: false, centerCreated: false };
  if (env.CIVICLINE_DEMO) {
    const demoLoaded = await loadDemoData(db);
    // The command line loads the city only: `npm start` later adds no demo orders or articles.
    for (const step of ['demo-knowledge', 'demo-orders'] as const) await markStepDone(db, step, new Date());
    return { demoLoaded, centerCreated: false };
  }
  await insertUnit(db, {
    code: DEFAULT_CENTER.code,
    name: DEFAULT_CENTER.name,
    kind: 'center',
    parentId: null,
    isPlatform: true,
  });
  return { demoLoaded: false, centerCreated: true };
}

/**
 * Opens the configured database (DATA_DIR or DATABASE_URL) for a command; when the embedded
 * database is held by a running server, the error says so with `inUseHint`.
 */
export async function openCommandDatabase(
  env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>,
  inUseHint: string,
): Promise<DatabaseHandle> {
  try {
    return await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(/in use/.test(msg) ? `${msg}\n${inUseHint}` : `cannot open the database: ${msg}`);
  }
}

/**
 * Runs `fn` with an application context on the configured database (DATA_DIR or DATABASE_URL),
 * prepared as above. `profile` overrides CIVICLINE_PROFILE for this run.
 */
export async function withCliContext<T>(
  fn: (ctx: AppContext, prepared: Prepared) => Promise<T>,
  opts: { profile?: string } = {},
): Promise<T> {
  const env = readEnv();
  const handle = await openCommandDatabase(env, 'Stop the server (npm start) on this DATA_DIR first.');
  try {
    const prepared = await prepareInstallation(handle.db, env);
    const ctx = await createContext({
      handle,
      env,
      logger: createLogger('silent'),
      profile: opts.profile,
    });
    return await fn(ctx, prepared);
  } finally {
    await handle.close();
  }
}
