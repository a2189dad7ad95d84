import crypto from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { migrateToLatest } from '../db/migrate';
import {
  openPostgres,
  pgliteExtensions,
  pgliteParsers,
  wrapPglite,
  type DatabaseHandle,
} from '../platform/db';

/**
 * A fresh, migrated database for one test file: a copy of the PGlite template by default,
 * or a schema of its own on the server named by DATABASE_URL.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const handle = await openPostgres(url, schema, 5);
    await migrateToLatest(handle.db);
    return {
      ...handle,
      close: async () => {
        await handle.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  }
  const template = inject('pgliteTemplate');
  const blob = new Blob([fs.readFileSync(template)]);
  const pglite = await PGlite.create({
    loadDataDir: blob,
    extensions: pgliteExtensions,
    parsers: pgliteParsers,
  });
  return wrapPglite(pglite);
}
