import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from '../../platform/db';

/**
 * Logical backup of every table as gzip'd JSON lines, the same format for the embedded database
 * and a PostgreSQL server (a backup of one restores into the other). Line 1 is a header with the
 * format, the applied migrations and the tables; then one `{"t": table, "r": row}` per row, parents
 * before children. Generated columns are left out and recomputed on restore.
 */
export const BACKUP_FORMAT = 'civicline-backup/1';

interface ColumnInfo {
  name: string;
  type: string;
}

async function tableColumns(db: Db): Promise<Map<string, ColumnInfo[]>> {
  const rows = await sql<{ table_name: string; column_name: string; data_type: string; is_generated: string }>`
    select table_name, column_name, data_type, is_generated
    from information_schema.columns
    where table_schema = current_schema() and table_name not like 'kysely_%'
    order by table_name, ordinal_position`.execute(db);
  const out = new Map<string, ColumnInfo[]>();
  for (const r of rows.rows) {
    if (r.is_generated === 'ALWAYS') continue;
    const cols = out.get(r.table_name) ?? [];
    cols.push({ name: r.column_name, type: r.data_type });
    out.set(r.table_name, cols);
  }
  return out;
}

/** Foreign keys of the current schema: child table, parent table, and the columns. */
async function foreignKeys(db: Db) {
  const rows = await sql<{ child: string; parent: string; child_col: string; parent_col: string }>`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
           a.attname as child_col, pa.attname as parent_col
    from pg_constraint c
    join pg_namespace n on n.oid = c.connamespace and n.nspname = current_schema()
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
    where c.contype = 'f'`.execute(db);
  const strip = (s: string) => s.replace(/^.*\./, '').replace(/"/g, '');
  return rows.rows.map((r) => ({ ...r, child: strip(r.child), parent: strip(r.parent) }));
}

/** Tables ordered so that every parent comes before its children. */
function orderTables(tables: string[], fks: { child: string; parent: string }[]): string[] {
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return;
    path.add(t);
    for (const fk of fks) if (fk.child === t && fk.parent !== t && tables.includes(fk.parent)) visit(fk.parent, path);
    done.add(t);
    out.push(t);
  };
  for (const t of [...tables].sort()) visit(t, new Set());
  return out;
}

/** Rows of a self-referencing table (units, categories) with parents first. */
function parentsFirst(rows: Record<string, unknown>[], childCol: string, parentCol: string): Record<string, unknown>[] {
  const placed = new Set<unknown>();
  const out: Record<string, unknown>[] = [];
  let pending = rows;
  while (pending.length) {
    const next: Record<string, unknown>[] = [];
    for (const r of pending) {
      const ref = r[childCol];
      if (ref === null || ref === undefined || placed.has(ref)) {
        out.push(r);
        placed.add(r[parentCol]);
      } else next.push(r);
    }
    if (next.length === pending.length) return [...out, ...next]; // a cycle: leave the rest in order
    pending = next;
  }
  return out;
}

export async function backupTo(db: Db, file: string, onProgress?: (table: string, rows: number) => void): Promise<{ tables: number; rows: number }> {
  const columns = await tableColumns(db);
  const fks = await foreignKeys(db);
  const tables = orderTables([...columns.keys()], fks);
  const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  const gzip = createGzip();
  const outFile = fs.createWriteStream(file);
  gzip.pipe(outFile);
  const write = (line: string) =>
    new Promise<void>((resolve) => {
      if (gzip.write(`${line}\n`)) resolve();
      else gzip.once('drain', resolve);
    });
  await write(JSON.stringify({ format: BACKUP_FORMAT, createdAt: new Date().toISOString(), migrations: migrations.rows.map((m) => m.name), tables }));
  let total = 0;
  for (const table of tables) {
    const cols = columns.get(table) ?? [];
    const selfFk = fks.find((f) => f.child === table && f.parent === table);
    // Timestamps travel as text: a JavaScript Date would lose PostgreSQL's microseconds.
    const colList = sql.join(
      cols.map((c) => (c.type.startsWith('timestamp') ? sql`${sql.ref(c.name)}::text as ${sql.ref(c.name)}` : sql.ref(c.name))),
    );
    let rows = (await sql<Record<string, unknown>>`select ${colList} from ${sql.table(table)} order by 1`.execute(db)).rows;
    if (selfFk) rows = parentsFirst(rows, selfFk.child_col, selfFk.parent_col);
    for (const r of rows) await write(JSON.stringify({ t: table, r }));
    total += rows.length;
    onProgress?.(table, rows.length);
  }
  await new Promise<void>((resolve, reject) => {
    outFile.on('finish', resolve);
    outFile.on('error', reject);
    gzip.end();
  });
  return { tables: tables.length, rows: total };
}

/**
 * Restores a backup into a migrated database, replacing everything in it. The database must have
 * the same migrations applied as the backup (run the same version of the platform).
 */
export async function restoreFrom(db: Db, file: string, onProgress?: (rows: number) => void): Promise<{ rows: number }> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) throw new Error('empty backup file');
  const header = JSON.parse(first.value) as { format?: string; migrations?: string[]; tables?: string[] };
  if (header.format !== BACKUP_FORMAT) throw new Error(`not a CivicLine backup (format ${String(header.format)})`);
  const applied = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((m) => m.name);
  const missing = (header.migrations ?? []).filter((m) => !applied.includes(m));
  if (missing.length) throw new Error(`the backup needs a newer schema (migrations not applied here: ${missing.join(', ')})`);
  const columns = await tableColumns(db);
  const tables = header.tables ?? [];
  let rows = 0;
  await db.transaction().execute(async (trx) => {
    const present = tables.filter((t) => columns.has(t));
    await sql`truncate ${sql.join(present.map((t) => sql.table(t)))} restart identity cascade`.execute(trx);
    const batch: Record<string, unknown>[] = [];
    let batchTable = '';
    const flush = async () => {
      if (!batch.length) return;
      const cols = (columns.get(batchTable) ?? []).filter((c) => c.name in (batch[0] ?? {}));
      const values = batch.map((r) =>
        sql`(${sql.join(
          cols.map((c) => {
            const v = r[c.name];
            if (v === null || v === undefined) return sql`null`;
            if (c.type === 'jsonb' || c.type === 'json') return sql`${JSON.stringify(v)}::jsonb`;
            return sql`${v}`;
          }),
        )})`,
      );
      await sql`insert into ${sql.table(batchTable)} (${sql.join(cols.map((c) => sql.ref(c.name)))}) values ${sql.join(values)}`.execute(trx);
      rows += batch.length;
      onProgress?.(rows);
      batch.length = 0;
    };
    for (let next = await it.next(); !next.done; next = await it.next()) {
      if (!next.value) continue;
      const { t, r } = JSON.parse(next.value) as { t: string; r: Record<string, unknown> };
      if (t !== batchTable || batch.length >= 500) {
        await flush();
        batchTable = t;
      }
      batch.push(r);
    }
    await flush();
    // Serial columns continue after the restored ids.
    const seqs = await sql<{ tbl: string; col: string; seq: string }>`
      select table_name as tbl, column_name as col, pg_get_serial_sequence(quote_ident(table_name), column_name) as seq
      from information_schema.columns
      where table_schema = current_schema() and column_default like 'nextval%'`.execute(trx);
    for (const s of seqs.rows) {
      if (!s.seq) continue;
      await sql`select setval(${s.seq}, coalesce((select max(${sql.ref(s.col)}) from ${sql.table(s.tbl)}), 0) + 1, false)`.execute(trx);
    }
  });
  return { rows };
}
