import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../db/migrate';
import { pgliteExtensions, pgliteParsers, wrapPglite } from '../platform/db';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Integration suites start from a migrated database. On PGlite one migrated data directory is
 * made here and every test file loads a copy of it (initdb once, not per file). On a real
 * server (DATABASE_URL) each test file migrates its own schema; here we only make sure the
 * shared extension exists.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('create extension if not exists pg_trgm');
    await client.end();
    project.provide('pgliteTemplate', '');
    return async () => {};
  }
  const pglite = await PGlite.create({ extensions: pgliteExtensions, parsers: pgliteParsers });
  const handle = wrapPglite(pglite);
  await migrateToLatest(handle.db);
  const blob = await pglite.dumpDataDir('none');
  const file = path.join(os.tmpdir(), `civicline-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await handle.close();
  project.provide('pgliteTemplate', file);
  return async () => {
    fs.rmSync(file, { force: true });
  };
}
