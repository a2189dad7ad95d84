import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../db/migrate';
import { openPostgres, pgliteExtensions, pgliteParsers, wrapPglite } from '../platform/db';
import { adminQuery, databaseUrl, throwAwaySettings } from './pg-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

/**
 * Integration suites start from a migrated database, migrated once here and copied per test file.
 * On PGlite: one migrated data directory, dumped to a tarball that every file loads. On a real
 * server (DATABASE_URL): one migrated template database that every file clones with
 * `create database … template …` (a file copy, no migrations per file); dropped at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    await adminQuery(url, 'create extension if not exists pg_trgm');
    const template = `civicline_tpl_${crypto.randomBytes(5).toString('hex')}`;
    await adminQuery(url, `create database ${template}`, throwAwaySettings(template));
    const drop = () => adminQuery(url, `drop database if exists ${template} with (force)`);
    try {
      const handle = await openPostgres(databaseUrl(url, template), undefined, 5);
      try {
        await migrateToLatest(handle.db);
      } finally {
        await handle.close();
      }
    } catch (e) {
      await drop();
      throw e;
    }
    project.provide('pgliteTemplate', '');
    project.provide('postgresTemplate', template);
    return drop;
  }
  const pglite = await PGlite.create({ extensions: pgliteExtensions, parsers: pgliteParsers });
  const handle = wrapPglite(pglite);
  await migrateToLatest(handle.db);
  const blob = await pglite.dumpDataDir('none');
  const file = path.join(os.tmpdir(), `civicline-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await handle.close();
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  return async () => {
    fs.rmSync(file, { force: true });
  };
}
