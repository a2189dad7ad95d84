import crypto from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db';
import { BACKUP_FORMAT, type BackupFiles, type BackupHeader } from './backup-format';
import { appliedMigrations, readSchema, type BackupSchema, type Reader } from './backup-schema';
import { verifyBackup, type VerifiedBackup } from './backup-verify';

export interface BackupOptions {
  /** Rows fetched from the database at a time. */
  batchSize?: number;
  onProgress?: (table: string, rows: number) => void;
  /** Called inside the snapshot, before any row is read, with a reader that sees exactly the snapshot. */
  onSnapshot?: (snapshot: Reader) => Promise<void>;
  /** Files outside the database named by rows of the snapshot (attachments), carried after the rows. */
  files?: BackupFiles;
}

export interface BackupResult extends VerifiedBackup {
  file: string;
}

/** Gzip'd lines into a file, hashing the uncompressed content; waits for the disk when asked to. */
class LineWriter {
  private readonly gzip = createGzip();
  private readonly out: fs.WriteStream;
  private readonly hash = crypto.createHash('sha256');
  private failure: Error | null = null;

  constructor(file: string) {
    this.out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
    this.gzip.pipe(this.out);
    for (const s of [this.gzip, this.out]) s.on('error', (e: Error) => (this.failure ??= e));
  }

  async write(line: string, hashed = true): Promise<void> {
    if (this.failure) throw this.failure;
    const text = `${line}\n`;
    if (hashed) this.hash.update(text);
    if (!this.gzip.write(text)) await once(this.gzip, 'drain');
  }

  digest(): string {
    return this.hash.digest('hex');
  }

  async close(): Promise<void> {
    const finished = once(this.out, 'close');
    this.gzip.end();
    await finished;
    if (this.failure) throw this.failure;
  }

  destroy() {
    this.gzip.destroy();
    this.out.destroy();
  }
}

/** The SELECT of one table: stored columns, timestamps as text, parents first in self-referencing tables. */
function tableQuery(schema: BackupSchema, table: string): RawBuilder<unknown> {
  const cols = schema.columns.get(table) ?? [];
  // Timestamps travel as text: a JavaScript Date would lose PostgreSQL's microseconds.
  const colList = sql.join(
    cols.map((c) =>
      c.type.startsWith('timestamp')
        ? sql`x.${sql.id(c.name)}::text as ${sql.id(c.name)}`
        : sql`x.${sql.id(c.name)}`,
    ),
  );
  const self = schema.foreignKeys.find(
    (f) => f.child === table && f.parent === table && f.childColumns.length === 1,
  );
  const [childCol] = self?.childColumns ?? [];
  const [parentCol] = self?.parentColumns ?? [];
  if (!childCol || !parentCol) return sql`select ${colList} from ${sql.table(table)} as x order by 1`;
  const c = sql.id(childCol);
  const p = sql.id(parentCol);
  // Depth of each row in its tree (roots 0); rows of a cycle, if any, come last.
  return sql`select ${colList} from ${sql.table(table)} as x
    left join (
      with recursive tree(k, depth) as (
        select r.${p}, 0 from ${sql.table(table)} r where r.${c} is null
        union all
        select ch.${p}, tree.depth + 1 from ${sql.table(table)} ch join tree on ch.${c} = tree.k where tree.depth < 10000
      )
      select k, max(depth) as depth from tree group by k
    ) o on o.k = x.${p}
    order by o.depth nulls last, 1`;
}

async function fetchAll(
  db: Reader,
  cursor: string,
  batchSize: number,
  each: (rows: Record<string, unknown>[]) => Promise<void>,
) {
  for (;;) {
    const { rows } = await sql<
      Record<string, unknown>
    >`fetch forward ${sql.raw(String(batchSize))} from ${sql.id(cursor)}`.execute(db);
    if (rows.length > 0) await each(rows);
    // A short batch is the last one: one statement fewer per table (each waits its turn on PGlite).
    if (rows.length < batchSize) return;
  }
}

/**
 * Writes every row of one snapshot to `out`: one REPEATABLE READ READ ONLY transaction on one
 * connection, rows read through cursors in batches. On PostgreSQL the rows are fetched inside that
 * transaction. On the embedded database (one session for everyone) the cursors are declared
 * WITH HOLD and the transaction commits at once: PostgreSQL materialises the snapshot's rows at
 * commit, and the batches are then fetched between other requests' statements.
 */
async function dumpSnapshot(
  db: Db,
  embedded: boolean,
  out: LineWriter,
  opts: BackupOptions,
): Promise<{ counts: Record<string, number>; fileKeys: { key: string; sha256: string }[] }> {
  const batch = opts.batchSize ?? 1000;
  const fileKeys: { key: string; sha256: string }[] = [];
  const files = opts.files;
  const prefix = `civicline_backup_${crypto.randomBytes(4).toString('hex')}`;
  const counts: Record<string, number> = {};
  const held: string[] = [];
  const copy = async (reader: Reader, table: string, cursor: string) => {
    counts[table] = 0;
    await fetchAll(reader, cursor, batch, async (rows) => {
      for (const r of rows) {
        await out.write(JSON.stringify({ t: table, r }));
        if (files && table === files.table) {
          fileKeys.push({ key: String(r[files.keyColumn]), sha256: String(r[files.shaColumn]) });
        }
      }
      counts[table] = (counts[table] ?? 0) + rows.length;
    });
    await sql`close ${sql.id(cursor)}`.execute(reader);
    opts.onProgress?.(table, counts[table] ?? 0);
  };
  let tables: string[] = [];
  try {
    await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`set transaction read only`.execute(trx);
        const schema = await readSchema(trx);
        tables = schema.tables;
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          createdAt: new Date().toISOString(),
          database: embedded ? 'pglite' : 'postgres',
          migrations: await appliedMigrations(trx),
          tables,
          foreignKeys: schema.foreignKeys,
        };
        await out.write(JSON.stringify(header));
        await opts.onSnapshot?.(trx);
        for (const [i, table] of tables.entries()) {
          const cursor = `${prefix}_${i}`;
          if (embedded) {
            await sql`declare ${sql.id(cursor)} no scroll cursor with hold for ${tableQuery(schema, table)}`.execute(
              trx,
            );
            held.push(cursor);
          } else {
            await sql`declare ${sql.id(cursor)} no scroll cursor for ${tableQuery(schema, table)}`.execute(
              trx,
            );
            await copy(trx, table, cursor);
          }
        }
      });
    for (const [i, table] of tables.entries()) {
      if (!embedded) break;
      await copy(db, table, `${prefix}_${i}`);
      held.shift();
    }
  } finally {
    for (const cursor of held) await sql`close ${sql.id(cursor)}`.execute(db).catch(() => undefined);
  }
  return { counts, fileKeys };
}

/** Each file the snapshot's rows name, after the rows; a file that is gone or altered fails the backup. */
async function writeFiles(out: LineWriter, files: BackupFiles, keys: { key: string; sha256: string }[]) {
  for (const { key, sha256 } of keys) {
    const bytes = await files.read(key);
    if (crypto.createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw new Error(`stored file ${key} does not match the checksum of its row`);
    }
    await out.write(JSON.stringify({ f: key, sha256, b: bytes.toString('base64') }));
  }
  return keys.length;
}

/**
 * Backs up the whole database into `file` from one consistent snapshot, then reads the file back
 * and verifies it (see verifyBackup) before it takes its name: the rows are written to a
 * temporary file beside it, renamed only once verified, and deleted on any failure.
 */
export async function writeBackup(
  db: Db,
  file: string,
  opts: BackupOptions & { embedded: boolean },
): Promise<BackupResult> {
  const tmp = `${file}.partial-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const out = new LineWriter(tmp);
  try {
    const { counts, fileKeys } = await dumpSnapshot(db, opts.embedded, out, opts);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    const files = opts.files ? await writeFiles(out, opts.files, fileKeys) : 0;
    await out.write(JSON.stringify({ end: { rows, counts, sha256: out.digest(), files } }), false);
    await out.close();
    const verified = await verifyBackup(tmp, { counts });
    fs.renameSync(tmp, file);
    return { ...verified, file };
  } catch (e) {
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
