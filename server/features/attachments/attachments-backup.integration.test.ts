import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../platform/env';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createTestDatabase } from '../../test/test-db';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';
import { backupTo, restoreFrom, verifyBackup } from '../backup/backup.service';
import { PNG_1PX } from '../portal/test-fixture';
import { storeAttachment } from './attachments';
import { attachmentBackupFiles } from './backup-files';

/** Backups carry the attachment files after the rows; a restore puts them back into the file store. */
describe('attachments in backups', () => {
  let t: TestApp;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicline-attach-backup-'));
  const source = path.join(dir, 'source');
  const file = path.join(dir, 'backup.jsonl.gz');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

  beforeAll(async () => {
    t = await createTestApp({ env: { DATA_DIR: source } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a restore into another database and another DATA_DIR brings the files back, byte for byte', async () => {
    const order = await ticketApi(t).create(sampleOrder);
    for (const [name, bytes] of [
      ['photo.png', PNG_1PX],
      ['letter.pdf', pdf],
    ] as const) {
      await storeAttachment(t.ctx, {
        ticketId: order.id,
        kind: 'order',
        fileName: name,
        bytes,
        source: 'staff',
        user: null,
      });
    }
    const b = await backupTo(t.handle, file, { files: attachmentBackupFiles(t.ctx.env) });
    expect(b.files).toBe(2);
    expect((await verifyBackup(file)).files).toBe(2);

    const target = await createTestDatabase();
    const restoredDir = path.join(dir, 'restored');
    try {
      const r = await restoreFrom(target.db, file, {
        files: attachmentBackupFiles(readEnv({ DATA_DIR: restoredDir })),
      });
      expect(r.files).toBe(2);
      const rows = await target.db
        .selectFrom('attachment')
        .select(['storage_key', 'sha256', 'file_name'])
        .orderBy('id')
        .execute();
      expect(rows.map((x) => x.file_name)).toEqual(['photo.png', 'letter.pdf']);
      for (const [row, bytes] of [
        [rows[0], PNG_1PX],
        [rows[1], pdf],
      ] as const) {
        const back = fs.readFileSync(
          path.join(restoredDir, 'attachments', ...(row?.storage_key ?? '').split('/')),
        );
        expect(back.equals(bytes)).toBe(true);
        expect(crypto.createHash('sha256').update(back).digest('hex')).toBe(row?.sha256);
      }
    } finally {
      await target.close();
    }
  });

  it('a stored file altered on disk fails the backup instead of carrying it', async () => {
    const row = await t.handle.db
      .selectFrom('attachment')
      .select('storage_key')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    fs.writeFileSync(path.join(source, 'attachments', ...row.storage_key.split('/')), 'tampered');
    await expect(
      backupTo(t.handle, path.join(dir, 'second.jsonl.gz'), { files: attachmentBackupFiles(t.ctx.env) }),
    ).rejects.toThrow(/does not match the checksum/);
    expect(fs.existsSync(path.join(dir, 'second.jsonl.gz'))).toBe(false);
  });
});
