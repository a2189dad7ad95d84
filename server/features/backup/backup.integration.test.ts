import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createTestDatabase } from '../../test/test-db';
import { ticketApi } from '../../test/ticket-helpers';
import { verifyAuditChain } from '../audit/audit';
import { backupTo, restoreFrom, verifyBackup } from './backup.service';

type Fingerprint = Record<string, { n: number; h: string } | undefined>;

/** Row count and a hash of every row of every table, as the given reader sees them. */
async function fingerprint(db: Kysely<Database>): Promise<Fingerprint> {
  const tables = await sql<{ t: string }>`select table_name as t from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%' order by 1`.execute(
    db,
  );
  const out: Fingerprint = {};
  for (const { t } of tables.rows) {
    const r = await sql<{
      n: number;
      h: string;
    }>`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql.table(t)} x`.execute(
      db,
    );
    out[t] = r.rows[0];
  }
  return out;
}

/** The lines of a backup file, decompressed. */
function readLines(file: string): string[] {
  return gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
}

/** Writes lines as a backup file, with a correct end line recomputed from them (as a forger would). */
function writeWithEnd(file: string, lines: string[]) {
  const body = lines.filter((l) => !l.startsWith('{"end"'));
  const counts: Record<string, number> = {};
  for (const l of body.slice(1)) {
    const t = (JSON.parse(l) as { t: string }).t;
    counts[t] = (counts[t] ?? 0) + 1;
  }
  const sha256 = crypto
    .createHash('sha256')
    .update(body.map((l) => `${l}\n`).join(''))
    .digest('hex');
  const end = JSON.stringify({ end: { rows: body.length - 1, counts, sha256 } });
  fs.writeFileSync(file, gzipSync(`${[...body, end].join('\n')}\n`));
}

describe('backup and restore', () => {
  let t: TestApp;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-backup-'));
  const file = path.join(dir, 'backup.jsonl.gz');
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores into a fresh database exactly what was backed up, and the platform goes on from there', async () => {
    const api = ticketApi(t);
    for (let i = 0; i < 3; i++) {
      const o = await api.create();
      await api.ok('dispatcher', o.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
      await api.ok('handler', o.id, 'accept');
    }
    const before = await fingerprint(t.handle.db);
    const b = await backupTo(t.handle, file);
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
        .values({
          code: 'NEW',
          name: '新单位',
          kind: 'department',
          parent_id: 1,
          region: null,
          phone: null,
          duty_contact: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const maxBefore = await t.handle.db
        .selectFrom('org_unit')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirstOrThrow();
      expect(unit.id).toBe(Number(maxBefore.m) + 1);
      // A second restore over orders is refused unless forced.
      await expect(restoreFrom(target.db, file)).rejects.toThrow(/already holds work orders/);
      expect((await restoreFrom(target.db, file, { force: true })).rows).toBe(b.rows);
    } finally {
      await target.close();
    }
  });

  it('a backup taken while orders are created and acted on restores to exactly its snapshot', async () => {
    const api = ticketApi(t);
    const unitId = await t.unitId('YC-RSJ');
    const during = { backup: false, writes: 0 };
    let stop = false;
    // Three clerks at once; each stops when the backup is done, or after 100 orders at most.
    const writer = async () => {
      for (let i = 0; i < 100 && !stop; i++) {
        const o = await api.create();
        if (during.backup) during.writes++;
        await api.ok('dispatcher', o.id, 'dispatch', { unitId });
        if (during.backup) during.writes++;
        await api.ok('handler', o.id, 'accept');
        if (during.backup) during.writes++;
      }
    };
    const writers = Promise.all([writer(), writer(), writer()]);
    // Let the writer get going before the backup starts.
    while (
      (
        await t.handle.db
          .selectFrom('ticket')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n < 6
    ) {
      await new Promise((r) => setImmediate(r));
    }
    let snapshot: Fingerprint | undefined;
    during.backup = true;
    const b = await backupTo(t.handle, file, {
      batchSize: 20,
      onSnapshot: async (reader) => {
        snapshot = await fingerprint(reader);
      },
    });
    during.backup = false;
    stop = true;
    await writers;
    expect(during.writes, 'orders were written while the backup ran').toBeGreaterThan(0);
    expect(b.counts.ticket_event).toBeGreaterThan(0);

    const target = await createTestDatabase();
    try {
      await restoreFrom(target.db, file);
      const orphans = await sql<{ n: number }>`select count(*)::int as n from ticket_event e
        where not exists (select 1 from ticket k where k.id = e.ticket_id)`.execute(target.db);
      expect(orphans.rows[0]?.n).toBe(0);
      // Each order is in the state its last event put it in.
      const stale = await sql<{ n: number }>`select count(*)::int as n from ticket k
        left join lateral (select to_status from ticket_event where ticket_id = k.id order by seq desc limit 1) e on true
        where e.to_status is distinct from k.status`.execute(target.db);
      expect(stale.rows[0]?.n).toBe(0);
      expect(snapshot).toBeDefined();
      expect(await fingerprint(target.db)).toEqual(snapshot);
      // The source moved on after the snapshot: the backup is not simply "now".
      expect((await fingerprint(t.handle.db)).ticket).not.toEqual(snapshot?.ticket);
    } finally {
      await target.close();
    }
  });

  it('refuses a file that is not a backup', async () => {
    const bogus = path.join(dir, 'bogus.gz');
    fs.writeFileSync(bogus, gzipSync('{"format":"something-else"}\n'));
    await expect(restoreFrom(t.handle.db, bogus)).rejects.toThrow(/not a CivicLine backup/);
  });

  describe('verification', () => {
    let lines: string[] = [];
    let target: Awaited<ReturnType<typeof createTestDatabase>>;
    beforeAll(async () => {
      await backupTo(t.handle, file);
      lines = readLines(file);
      target = await createTestDatabase();
    });
    afterAll(async () => {
      await target.close();
    });
    const refused = async (f: string, message: RegExp) => {
      await expect(verifyBackup(f)).rejects.toThrow(message);
      await expect(restoreFrom(target.db, f)).rejects.toThrow(message);
      // Nothing was restored.
      const n = await target.db
        .selectFrom('ticket')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
    };

    it('accepts the file as written', async () => {
      const v = await verifyBackup(file);
      expect(v.rows).toBe(lines.length - 2);
      expect(v.sha256).toBe(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    });

    it('refuses a truncated file', async () => {
      const f = path.join(dir, 'truncated.gz');
      const bytes = fs.readFileSync(file);
      fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
      await refused(f, /truncated|cannot read/);
    });

    it('refuses a file cut at a line boundary (no end line)', async () => {
      const f = path.join(dir, 'cut.gz');
      fs.writeFileSync(f, gzipSync(`${lines.slice(0, -40).join('\n')}\n`));
      await refused(f, /no end line/);
    });

    it('refuses an altered row', async () => {
      const f = path.join(dir, 'altered.gz');
      const i = lines.findIndex((l) => l.startsWith('{"t":"ticket_event"'));
      const altered = [...lines];
      altered[i] = (altered[i] ?? '').replace('"ticket_id":', '"ticket_id":9');
      fs.writeFileSync(f, gzipSync(`${altered.join('\n')}\n`));
      await refused(f, /checksum/);
    });

    it('refuses events whose order is missing from the file, even with a recomputed end line', async () => {
      const f = path.join(dir, 'orphan.gz');
      const ticketLine = lines.findIndex((l) => l.startsWith('{"t":"ticket",'));
      writeWithEnd(
        f,
        lines.filter((_, i) => i !== ticketLine),
      );
      await refused(
        f,
        /refer to rows missing from the backup:.*ticket_event\.ticket_id → ticket\.id \(\d+ rows, e\.g\. \d+\)/,
      );
    });
  });
});
