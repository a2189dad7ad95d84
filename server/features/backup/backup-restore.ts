import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import { isRecord, type BackupFiles, type RowLine } from './backup-format';
import { appliedMigrations, tableColumns } from './backup-schema';
import { verifyBackup } from './backup-verify';

export interface RestoreOptions {
  /** Replace a database that already holds work orders. */
  force?: boolean;
  onProgress?: (rows: number) => void;
  /** Where the backup's stored files (attachments) go back to. */
  files?: BackupFiles;
}

/** A restore that must not run (the database holds orders, the schema is older than the backup's). */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/**
 * Restores a backup into a migrated database, replacing everything in it, in one transaction.
 * The file is verified in full first (nothing is touched when it fails). The database must have
 * every migration of the backup applied (run the same or a newer version of the platform), and
 * must hold no work order unless `force` is given.
 */
export async function restoreFrom(
  db: Db,
  file: string,
  opts: RestoreOptions = {},
): Promise<{ rows: number; files: number }> {
  const { header } = await verifyBackup(file);
  const applied = await appliedMigrations(db);
  const missing = header.migrations.filter((m) => !applied.includes(m));
  if (missing.length) {
    throw new RestoreRefusedError(
      `the backup needs a newer schema (migrations not applied here: ${missing.join(', ')})`,
    );
  }
  const columns = await tableColumns(db);
  const unknown = header.tables.filter((t) => !columns.has(t));
  if (unknown.length) {
    throw new RestoreRefusedError(
      `the backup holds tables this database does not have: ${unknown.join(', ')}`,
    );
  }
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const it = lines[Symbol.asyncIterator]();
  await it.next(); // the header, read above
  let rows = 0;
  let files = 0;
  await db.transaction().execute(async (trx) => {
    if (!opts.force) {
      const any = await trx.selectFrom('ticket').select('id').limit(1).executeTakeFirst();
      if (any) {
        throw new RestoreRefusedError(
          'the database already holds work orders; pass --force to replace everything in it with the backup',
        );
      }
    }
    await sql`truncate ${sql.join(header.tables.map((t) => sql.table(t)))} restart identity cascade`.execute(
      trx,
    );
    const batch: Record<string, unknown>[] = [];
    let batchTable = '';
    const flush = async () => {
      if (!batch.length) return;
      const cols = (columns.get(batchTable) ?? []).filter((c) => c.name in (batch[0] ?? {}));
      const values = batch.map(
        (r) =>
          sql`(${sql.join(
            cols.map((c) => {
              const v = r[c.name];
              if (v === null || v === undefined) return sql`null`;
              if (c.type === 'jsonb' || c.type === 'json') return sql`${JSON.stringify(v)}::jsonb`;
              return sql`${v}`;
            }),
          )})`,
      );
      await sql`insert into ${sql.table(batchTable)} (${sql.join(cols.map((c) => sql.ref(c.name)))}) values ${sql.join(values)}`.execute(
        trx,
      );
      rows += batch.length;
      opts.onProgress?.(rows);
      batch.length = 0;
    };
    for (let next = await it.next(); !next.done; next = await it.next()) {
      if (!next.value) continue;
      const line = JSON.parse(next.value) as unknown;
      if (isRecord(line) && 'end' in line) break;
      if (isRecord(line) && typeof line.f === 'string') {
        // Written as read (verified above against their checksums): a failed restore leaves at
        // most files no row names.
        if (opts.files && typeof line.b === 'string') {
          await opts.files.write(line.f, Buffer.from(line.b, 'base64'));
          files++;
        }
        continue;
      }
      const { t, r } = line as RowLine;
      if (t !== batchTable || batch.length >= 500) {
        await flush();
        batchTable = t;
      }
      batch.push(r);
    }
    await flush();
    // Serial columns continue after the restored ids.
    const seqs = await sql<{ tbl: string; col: string; seq: string | null }>`
      select table_name as tbl, column_name as col, pg_get_serial_sequence(quote_ident(table_name), column_name) as seq
      from information_schema.columns
      where table_schema = current_schema() and (column_default like 'nextval%' or is_identity = 'YES')`.execute(
      trx,
    );
    for (const s of seqs.rows) {
      if (!s.seq) continue;
      await sql`select setval(${s.seq}, coalesce((select max(${sql.ref(s.col)}) from ${sql.table(s.tbl)}), 0) + 1, false)`.execute(
        trx,
      );
    }
  });
  lines.close();
  return { rows, files };
}
