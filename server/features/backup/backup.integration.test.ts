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
import {
  backupThroughServer,
  CONTROL_HEADER,
  publishControlChannel,
  readControlInfo,
} from './backup-control';
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
    t = await createTestApp({ env: { DATA_DIR: dir } });
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
    // Three clerks at once; they stop when the backup is done, or after 30 writes during it.
    const writer = async () => {
      for (let i = 0; i < 100 && !stop && during.writes < 30; i++) {
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
      batchSize: 50,
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

    it('still restores a file of format version 1 (no end line, no foreign keys in the header)', async () => {
      const f = path.join(dir, 'v1.gz');
      const header = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
      const v1 = {
        format: 'civicline-backup/1',
        createdAt: header.createdAt,
        migrations: header.migrations,
        tables: header.tables,
      };
      const body = lines.slice(1).filter((l) => !l.startsWith('{"end"'));
      fs.writeFileSync(f, gzipSync(`${[JSON.stringify(v1), ...body].join('\n')}\n`));
      const other = await createTestDatabase();
      try {
        expect((await restoreFrom(other.db, f)).rows).toBe(body.length);
        const n = await other.db
          .selectFrom('ticket')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(n.n)).toBe(body.filter((l) => l.startsWith('{"t":"ticket",')).length);
      } finally {
        await other.close();
      }
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

  describe('online backup through the running server', () => {
    const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    const audits = (action: string) =>
      t.handle.db
        .selectFrom('audit_log')
        .select(['actor_username', 'target_id', 'details'])
        .where('action', '=', action)
        .orderBy('id')
        .execute();

    it('POST /api/admin/backup is refused without a session and to every role but admin', async () => {
      const anonymous = await t.app.inject({ method: 'POST', url: '/api/admin/backup' });
      expect(anonymous.statusCode).toBe(401);
      for (const user of ['dispatcher', 'supervisor', 'leader']) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/admin/backup',
          headers: await t.as(user),
        });
        expect(res.statusCode, user).toBe(403);
        expect(res.json<{ error: { code: string } }>().error.code).toBe('FORBIDDEN');
      }
      expect(
        fs.existsSync(path.join(dir, 'backups')) ? fs.readdirSync(path.join(dir, 'backups')) : [],
      ).toEqual([]);
    });

    it('POST /api/admin/backup writes a verified file under DATA_DIR/backups and audits it', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/admin/backup',
        headers: await t.as('admin'),
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{
        file: string;
        tables: number;
        rows: number;
        bytes: number;
        sha256: string;
      }>();
      expect(path.dirname(body.file)).toBe(path.join(fs.realpathSync(dir), 'backups'));
      expect(body.sha256).toBe(sha(body.file));
      expect(body.bytes).toBe(fs.statSync(body.file).size);
      expect(fs.statSync(body.file).mode & 0o777).toBe(0o600);
      const v = await verifyBackup(body.file);
      expect([v.rows, v.tables]).toEqual([body.rows, body.tables]);
      const audit = await audits('backup');
      expect(audit.at(-1)).toMatchObject({ actor_username: 'admin', target_id: path.basename(body.file) });
    });

    it('the control channel answers only to the token of this process, from this machine', async () => {
      const close = publishControlChannel(
        { dbKind: 'pglite', env: t.ctx.env },
        { address: '0.0.0.0', family: 'IPv4', port: 1 },
      );
      try {
        const tokenFile = path.join(dir, '.control-token');
        expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
        const token = readControlInfo(dir)?.token ?? '';
        expect(token.length).toBeGreaterThanOrEqual(40);
        const post = (headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
          t.app.inject({ method: 'POST', url: '/control/backup', headers, remoteAddress });
        expect((await post({})).statusCode).toBe(401);
        expect((await post({ [CONTROL_HEADER]: `${token.slice(0, -1)}x` })).statusCode).toBe(401);
        // An administrator's session is no control token.
        expect((await post(await t.as('admin'))).statusCode).toBe(401);
        expect((await post({ [CONTROL_HEADER]: token }, '10.1.2.3')).statusCode).toBe(403);
        expect((await post({ [CONTROL_HEADER]: token, 'x-forwarded-for': '10.1.2.3' })).statusCode).toBe(403);
        const ok = await post({ [CONTROL_HEADER]: token });
        expect(ok.statusCode, ok.body).toBe(200);
        expect((await audits('backup')).at(-1)).toMatchObject({
          actor_username: null,
          details: { via: 'command-line' },
        });
      } finally {
        close();
      }
      expect(fs.existsSync(path.join(dir, '.control-token'))).toBe(false);
    });

    it('`civicline backup` gets its file from the server holding the embedded database', async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const address = t.app.server.address();
      const close = publishControlChannel({ dbKind: 'pglite', env: t.ctx.env }, address);
      try {
        const target = path.join(dir, 'through-server.jsonl.gz');
        const r = await backupThroughServer(dir, process.pid, target);
        expect(r.file).toBe(target);
        expect(sha(target)).toBe(r.sha256);
        expect((await verifyBackup(target)).rows).toBe(r.rows);
        // The server's copy was moved, not left behind.
        const left = fs
          .readdirSync(path.join(dir, 'backups'))
          .filter((f) => r.sha256 === sha(path.join(dir, 'backups', f)));
        expect(left).toEqual([]);
        // Another process's holder id with this token file: refused with a clear message.
        await expect(backupThroughServer(dir, process.pid + 1, target)).rejects.toThrow(
          /offers no control channel/,
        );
      } finally {
        close();
      }
    });
  });
});
