import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createTestDatabase } from '../../test/test-db';
import { ticketApi } from '../../test/ticket-helpers';
import { verifyAuditChain } from '../audit/audit';
import { backupTo, restoreFrom } from './backup.service';

async function fingerprint(db: Db) {
  const tables = await sql<{ t: string }>`select table_name as t from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%' order by 1`.execute(db);
  const out: Record<string, unknown> = {};
  for (const { t } of tables.rows) {
    const r = await sql<{ n: number; h: string }>`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql.table(t)} x`.execute(db);
    out[t] = r.rows[0];
  }
  return out;
}

describe('backup and restore', () => {
  let t: TestApp;
  const file = path.join(os.tmpdir(), `civicline-backup-${process.pid}.jsonl.gz`);
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(file, { force: true });
  });

  it('restores into a fresh database exactly what was backed up, and the platform goes on from there', async () => {
    const api = ticketApi(t);
    for (let i = 0; i < 3; i++) {
      const o = await api.create();
      await api.ok('dispatcher', o.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
      await api.ok('handler', o.id, 'accept');
    }
    const before = await fingerprint(t.handle.db);
    const b = await backupTo(t.handle.db, file);
    expect(b.rows).toBeGreaterThan(50);

    const target = await createTestDatabase(); // migrated, empty
    try {
      const r = await restoreFrom(target.db, file);
      expect(r.rows).toBe(b.rows);
      expect(await fingerprint(target.db)).toEqual(before);
      expect((await verifyAuditChain(target.db)).ok).toBe(true);
      // Sequences continue after the restored ids.
      const next = await target.db
        .insertInto('category')
        .values({ code: '99', name: '测试', parent_code: null, level: 1 })
        .returning('code')
        .executeTakeFirst();
      expect(next?.code).toBe('99');
      const unit = await target.db
        .insertInto('org_unit')
        .values({ code: 'NEW', name: '新单位', kind: 'department', parent_id: 1, region: null, phone: null, duty_contact: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const maxBefore = await t.handle.db.selectFrom('org_unit').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow();
      expect(unit.id).toBe(Number(maxBefore.m) + 1);
    } finally {
      await target.close();
    }
  });

  it('refuses a file that is not a backup', async () => {
    const bogus = path.join(os.tmpdir(), `civicline-bogus-${process.pid}.gz`);
    const { gzipSync } = await import('node:zlib');
    fs.writeFileSync(bogus, gzipSync('{"format":"something-else"}\n'));
    await expect(restoreFrom(t.handle.db, bogus)).rejects.toThrow(/not a CivicLine backup/);
    fs.rmSync(bogus, { force: true });
  });
});
