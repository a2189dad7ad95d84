import crypto from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import {
  openPostgres,
  pgliteExtensions,
  pgliteParsers,
  wrapPglite,
  type DatabaseHandle,
} from '../platform/db';
import { adminQuery, databaseUrl, throwAwaySettings } from './pg-admin';

/**
 * A fresh, migrated database for one test file: a copy of the PGlite template by default, or on
 * the server named by DATABASE_URL a database of its own cloned from the migrated template
 * (see global-setup.ts), dropped on close.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = inject('postgresTemplate');
    if (!template) throw new Error('no migrated PostgreSQL template: run through the integration project');
    const name = `t_${crypto.randomBytes(6).toString('hex')}`;
    await adminQuery(url, `create database ${name} template ${template}`, throwAwaySettings(name));
    const handle = await openPostgres(databaseUrl(url, name), undefined, 5);
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await adminQuery(url, `drop database if exists ${name} with (force)`);
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
