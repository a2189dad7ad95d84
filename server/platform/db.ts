import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema';
import { PGliteDialect } from './pglite-dialect';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * PostgreSQL only: a new session outside the pool with the pool's settings (search_path), for
   * what must hold one connection, such as the session-level advisory lock of the job election.
   */
  openSession?: () => pg.Client;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// Same value shapes from both drivers: int8 → number (ids stay below 2^53), numeric → number,
// date → 'YYYY-MM-DD' string (never a Date at a process-local midnight), timestamptz → Date.
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

export const pgliteParsers = {
  [INT8]: (v: string) => Number(v),
  [NUMERIC]: (v: string) => Number(v),
  [DATE]: (v: string) => v,
};

export const pgliteExtensions = { pg_trgm };

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Postgres only: schema to use (tests isolate themselves in a schema each). */
  schema?: string;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.schema, opts.poolSize ?? 10);
  return openPglite(opts.dataDir ?? './data');
}

export async function openPostgres(url: string, schema?: string, poolSize = 10): Promise<DatabaseHandle> {
  const config: pg.ClientConfig = {
    connectionString: url,
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  };
  const pool = new pg.Pool({ ...config, max: poolSize });
  // An idle connection the server cut (restart, failover, a dropped test database) is removed
  // from the pool, which opens another on the next query; without a listener the error would
  // end the process. Errors of queries in flight still reach their callers.
  pool.on('error', (e: Error & { code?: string }) => {
    if (e.code !== '57P01') process.emitWarning(`idle database connection lost: ${e.message}`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    openSession: () => new pg.Client({ ...config, application_name: `civicline-jobs:${process.pid}` }),
    close: () => db.destroy(),
  };
}

/**
 * The read side of a deployment with a streaming replica (DATABASE_REPLICA_URL): a pool on the
 * standby, with the primary's schema. Only read-only paths (reports, statistics) get it; a hot
 * standby refuses every write, so a mistake fails loudly instead of diverging.
 */
export async function openReplica(url: string, schema?: string, poolSize = 10): Promise<DatabaseHandle> {
  const handle = await openPostgres(url, schema, poolSize);
  return { db: handle.db, kind: 'postgres', close: () => handle.close() };
}

/**
 * Opens the embedded database in `dataDir`. PGlite has no lock of its own, so a lock file
 * refuses a second process on the same directory.
 */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'civicline.lock');
  takeLock(lockPath);
  const pglite = await PGlite.create(path.join(dir, 'pgdata'), {
    extensions: pgliteExtensions,
    parsers: pgliteParsers,
  });
  return wrapPglite(pglite, () => fs.rmSync(lockPath, { force: true }));
}

export function wrapPglite(pglite: PGlite, onClose?: () => void): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
      onClose?.();
    },
  };
}

function takeLock(lockPath: string): void {
  try {
    fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(fs.readFileSync(lockPath, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The data directory is in use by process ${holder} (${lockPath}). ` +
          'The embedded database allows one process at a time; stop the other one or set DATABASE_URL.',
      );
    }
    fs.writeFileSync(lockPath, String(process.pid));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
