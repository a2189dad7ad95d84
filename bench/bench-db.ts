/**
 * The benches' database: a schema of the PostgreSQL server named by DATABASE_URL (kept under
 * the given name with --keep (or --schema NAME), so a city-scale load is made once), migrated, with the demo city's
 * units and users, and an application context on a test clock.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { migrateToLatest } from '../server/db/migrate';
import { ensureReferenceData, loadDemoData } from '../server/features/demo/load-demo-data';
import { TestClock } from '../server/platform/clock';
import { createContext } from '../server/platform/context';
import { openPostgres, type Db } from '../server/platform/db';
import { readEnv } from '../server/platform/env';
import { createLogger } from '../server/platform/logger';
import type { SessionUser } from '../server/platform/http';
import type { Role } from '../common/enums';
import type { CityUnits } from './city-orders';

export const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};

/** A text argument (`--name value`), or undefined. */
export const argText = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

export async function openBenchDb(keptName: string, now: Date) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL: this bench runs on PostgreSQL');
  const keep = process.argv.includes('--keep');
  // --schema NAME keeps a second load beside the default one (e.g. 10 M orders beside 1 M).
  const named = argText('schema');
  if (named && !/^[a-z_][a-z0-9_]*$/.test(named)) throw new Error(`--schema ${named}`);
  const schema = keep ? (named ?? keptName) : `bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`create schema if not exists ${schema}`);
  const handle = await openPostgres(url, schema, 10);
  const db = handle.db;
  await migrateToLatest(db);
  const fresh = !(await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst());
  if (fresh) {
    await ensureReferenceData(db);
    await loadDemoData(db);
  }
  const env = readEnv({
    CIVICLINE_TEST_CLOCK: '1',
    CIVICLINE_NOW: now.toISOString(),
    LOG_LEVEL: 'silent',
    CIVICLINE_PROFILE: 'zibo-12345',
  });
  const ctx = await createContext({ handle, env, logger: createLogger('silent') });
  const clock = ctx.clock;
  if (!(clock instanceof TestClock)) throw new Error('the bench runs on the test clock');
  const session = await demoSessions(db);
  const all = await db.selectFrom('org_unit').select(['id', 'code', 'path', 'kind']).execute();
  const dc = all.find((u) => u.code === 'DC-RX');
  const rsj = all.find((u) => u.code === 'YC-RSJ')?.id ?? 0;
  const leaf = (u: { kind: string }) =>
    ['department', 'town', 'enterprise', 'street', 'sub-unit'].includes(u.kind);
  const district = all.filter((u) => dc && u.id !== dc.id && u.path.startsWith(dc.path)).map((u) => u.id);
  const units: CityUnits = {
    rsj,
    district,
    districtPlatform: dc?.id ?? 1,
    others: all.filter((u) => leaf(u) && u.id !== rsj && !district.includes(u.id)).map((u) => u.id),
  };
  return {
    ctx,
    clock,
    session,
    units,
    close: async () => {
      await handle.close();
      if (!keep) await admin(`drop schema ${schema} cascade`);
    },
  };
}

/** The demo users as sessions, by user name, for benches that call the use cases directly. */
export async function demoSessions(db: Db): Promise<(username: string) => SessionUser> {
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'role', 'unit_id'])
    .execute();
  return (u: string): SessionUser => {
    const r = users.find((x) => x.username === u);
    if (!r) throw new Error(u);
    return {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      role: r.role as Role,
      unitId: r.unit_id,
      sessionId: 0,
    };
  };
}
