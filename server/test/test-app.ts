import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from '../app';
import { DEMO_PASSWORD } from '../features/demo/demo-city';
import { ensureReferenceData, loadDemoData } from '../features/demo/load-demo-data';
import { TestClock } from '../platform/clock';
import { createContext, type AppContext } from '../platform/context';
import type { DatabaseHandle } from '../platform/db';
import { readEnv, type Env } from '../platform/env';
import type { Logger } from '../platform/logger';
import { createTestDatabase } from './test-db';

/** The instant a test app starts at unless told otherwise: a Monday, 09:00 in Beijing. */
export const TEST_NOW = '2026-11-23T09:00:00+08:00';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  handle: DatabaseHandle;
  /** Signs in a demo user and returns headers with its bearer token. */
  as(username: string): Promise<Record<string, string>>;
  unitId(code: string): Promise<number>;
  close(): Promise<void>;
}

/** The whole app on a fresh database with the demo city, a test clock and no network listener. */
export async function createTestApp(
  opts: {
    env?: Partial<Record<string, string>>;
    now?: string;
    build?: BuildAppOptions;
    logger?: Logger;
  } = {},
): Promise<TestApp> {
  const handle = await createTestDatabase();
  await ensureReferenceData(handle.db);
  await loadDemoData(handle.db);
  // Files a test makes the server write (backups) go to a temporary folder, never to ./data.
  const dataDir = path.join(os.tmpdir(), `civicline-test-${process.pid}`);
  const env: Env = readEnv({
    CIVICLINE_TEST_CLOCK: '1',
    CIVICLINE_NOW: opts.now ?? TEST_NOW,
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    ...opts.env,
  });
  // Frozen: time moves only when a test sets or advances the clock.
  const ctx = await createContext({ handle, env, logger: opts.logger, frozenClock: true });
  const clock = ctx.clock;
  if (!(clock instanceof TestClock)) throw new Error('the test app needs CIVICLINE_TEST_CLOCK=1');
  const app = await buildApp(ctx, { serveWeb: false, ...opts.build });
  await app.ready();
  const tokens = new Map<string, string>();
  return {
    app,
    ctx,
    clock,
    handle,
    async as(username) {
      let token = tokens.get(username);
      if (!token) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: DEMO_PASSWORD },
        });
        if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
        token = res.json<{ token: string }>().token;
        tokens.set(username, token);
      }
      return { authorization: `Bearer ${token}` };
    },
    async unitId(code) {
      const row = await handle.db
        .selectFrom('org_unit')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
