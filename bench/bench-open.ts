/**
 * How the benches open their database: on the PostgreSQL server named by DATABASE_URL when it is
 * set, otherwise on embedded PGlite.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import {
  openDatabase,
  openPostgres,
  pgliteExtensions,
  pgliteParsers,
  wrapPglite,
  type DatabaseHandle,
} from '../server/platform/db';

/**
 * A database for one run, with `cleanup` to remove it afterwards: a new schema on the server
 * (named `keptSchema` and left in place when given), or PGlite in a temporary folder.
 */
export async function openScratchDb(
  keptSchema?: string,
): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = keptSchema ?? `bench_${crypto.randomBytes(4).toString('hex')}`;
    const admin = async (q: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(q);
      await c.end();
    };
    await admin(`create schema ${schema}`);
    const handle = await openPostgres(url, schema, 10);
    return {
      handle,
      cleanup: async () => {
        await handle.close();
        await admin(`drop schema ${schema} cascade`);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-bench-'));
  const handle = await openDatabase({ dataDir: dir });
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The schema `schema` on the server (made if missing, two connections), or PGlite: in the data
 * folder `pgliteDir` when given, else in memory.
 */
export async function openSchemaOrPglite(schema: string, pgliteDir?: string): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = await openPostgres(url);
    await sql`create schema if not exists ${sql.id(schema)}`.execute(admin.db);
    await admin.close();
    return openPostgres(url, schema, 2);
  }
  const options = { extensions: pgliteExtensions, parsers: pgliteParsers };
  return wrapPglite(await (pgliteDir ? PGlite.create(pgliteDir, options) : PGlite.create(options)));
}
