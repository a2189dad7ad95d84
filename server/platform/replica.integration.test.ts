import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { migrateToLatest } from '../db/migrate';
import { DEMO_PASSWORD } from '../features/demo/demo-city';
import { ensureReferenceData, loadDemoData } from '../features/demo/load-demo-data';
import { replicaBinariesPresent, startReplicaPair, type ReplicaPair, PG_BIN } from '../test/replica-cluster';
import { sampleOrder as order } from '../test/ticket-helpers';
import { createContext } from './context';
import { openPostgres, openReplica, type DatabaseHandle } from './db';
import { readEnv } from './env';
import { createLogger } from './logger';

/**
 * DATABASE_REPLICA_URL on a real streaming replica that this file starts itself: statistics read
 * from the standby (replay paused: they do not see a new order; resumed: they do), and every
 * write still goes to the primary (the standby refuses writes, and the order's actions succeed).
 */
const present = replicaBinariesPresent();
if (!present) {
  console.info(`replica.integration.test.ts skipped: PostgreSQL 15 server binaries not found in ${PG_BIN}`);
}

interface StatsRows {
  rows: { counts: { dispatched: number } }[];
}

describe.skipIf(!present)('reports from a streaming replica (DATABASE_REPLICA_URL)', () => {
  let pair: ReplicaPair;
  let primary: DatabaseHandle;
  let replica: DatabaseHandle;
  let app: FastifyInstance;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    pair = await startReplicaPair();
    primary = await openPostgres(pair.primaryUrl, undefined, 4);
    replica = await openReplica(pair.standbyUrl, undefined, 4);
    await migrateToLatest(primary.db);
    await ensureReferenceData(primary.db);
    await loadDemoData(primary.db);
    const env = readEnv({
      CIVICLINE_TEST_CLOCK: '1',
      CIVICLINE_NOW: '2026-11-23T09:00:00+08:00',
      LOG_LEVEL: 'silent',
      DATA_DIR: path.join(os.tmpdir(), `civicline-test-${process.pid}`),
      DATABASE_URL: pair.primaryUrl,
      DATABASE_REPLICA_URL: pair.standbyUrl,
    });
    const ctx = await createContext({
      handle: primary,
      env,
      logger: createLogger('silent'),
      frozenClock: true,
      readDb: replica.db,
    });
    app = await buildApp(ctx, { serveWeb: false });
    await app.ready();
    for (const username of ['agent', 'dispatcher', 'leader']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: DEMO_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      tokens.set(username, res.json<{ token: string }>().token);
    }
    await caughtUp();
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await replica?.close();
    await primary?.close();
    pair?.stop();
  }, 60_000);

  const auth = (user: string) => ({ authorization: `Bearer ${tokens.get(user) ?? ''}` });

  /** Waits until the standby has replayed everything the primary wrote so far. */
  async function caughtUp(): Promise<void> {
    const target = (await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(primary.db))
      .rows[0]?.lsn;
    for (let i = 0; i < 300; i++) {
      const r = await sql<{ done: boolean }>`
        select pg_last_wal_replay_lsn() >= ${target}::pg_lsn as done`.execute(replica.db);
      if (r.rows[0]?.done) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the standby did not catch up');
  }

  async function dispatchedInStats(): Promise<number> {
    const res = await app.inject({
      method: 'GET',
      url: '/api/stats?groupBy=unit&period=2026-11',
      headers: auth('leader'),
    });
    expect(res.statusCode).toBe(200);
    return res.json<StatsRows>().rows.reduce((n, r) => n + r.counts.dispatched, 0);
  }

  async function dispatchOne(): Promise<void> {
    const created = await app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: auth('agent'),
      payload: order,
    });
    expect(created.statusCode).toBe(201);
    const unit = await primary.db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', 'YC-RSJ')
      .executeTakeFirstOrThrow();
    const res = await app.inject({
      method: 'POST',
      url: `/api/tickets/${created.json<{ id: number }>().id}/actions/dispatch`,
      headers: auth('dispatcher'),
      payload: { unitId: unit.id },
    });
    expect(res.statusCode).toBe(200);
  }

  it('is a hot standby that refuses writes', async () => {
    const r = await sql<{ recovering: boolean }>`select pg_is_in_recovery() as recovering`.execute(
      replica.db,
    );
    expect(r.rows[0]?.recovering).toBe(true);
    await expect(sql`create table must_fail (id int)`.execute(replica.db)).rejects.toThrow(/read-only/);
  });

  it('serves statistics from the replica and writes to the primary', async () => {
    const before = await dispatchedInStats();
    await sql`select pg_wal_replay_pause()`.execute(replica.db);
    try {
      // Both writes succeed: they went to the primary (the standby would have refused them).
      await dispatchOne();
      await dispatchOne();
      // The standby is frozen before them: the statistics, read from it, do not count them yet.
      expect(await dispatchedInStats()).toBe(before);
      const onPrimary = await primary.db
        .selectFrom('ticket')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'dispatched')
        .executeTakeFirstOrThrow();
      expect(Number(onPrimary.n)).toBeGreaterThanOrEqual(2);
    } finally {
      await sql`select pg_wal_replay_resume()`.execute(replica.db);
    }
    await caughtUp();
    expect(await dispatchedInStats()).toBe(before + 2);
  }, 120_000);
});
