import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** A database or a transaction on it: everything here only reads. */
export type Reader = Kysely<Database>;

export interface ColumnInfo {
  name: string;
  type: string;
}

export interface ForeignKey {
  child: string;
  childColumns: string[];
  parent: string;
  parentColumns: string[];
}

export interface BackupSchema {
  /** Stored (non-generated) columns of every table of the current schema, in column order. */
  columns: Map<string, ColumnInfo[]>;
  foreignKeys: ForeignKey[];
  /** Every table, parents before children. */
  tables: string[];
}

export async function tableColumns(db: Reader): Promise<Map<string, ColumnInfo[]>> {
  const rows = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_generated: string;
  }>`
    select c.table_name, c.column_name, c.data_type, c.is_generated
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.table_name not like 'kysely_%'
    order by c.table_name, c.ordinal_position`.execute(db);
  const out = new Map<string, ColumnInfo[]>();
  for (const r of rows.rows) {
    if (r.is_generated === 'ALWAYS') continue;
    const cols = out.get(r.table_name) ?? [];
    cols.push({ name: r.column_name, type: r.data_type });
    out.set(r.table_name, cols);
  }
  return out;
}

/** Foreign keys of the current schema, with every column in key order. */
export async function foreignKeys(db: Reader): Promise<ForeignKey[]> {
  const rows = await sql<{ child: string; parent: string; child_cols: string[]; parent_cols: string[] }>`
    select cc.relname as child, pc.relname as parent,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as child_cols,
      array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as parent_cols
    from pg_constraint c
    join pg_namespace n on n.oid = c.connamespace and n.nspname = current_schema()
    join pg_class cc on cc.oid = c.conrelid
    join pg_class pc on pc.oid = c.confrelid
    where c.contype = 'f'
    order by 1, 2, c.conname`.execute(db);
  return rows.rows.map((r) => ({
    child: r.child,
    childColumns: r.child_cols,
    parent: r.parent,
    parentColumns: r.parent_cols,
  }));
}

/** Tables ordered so that every parent comes before its children. */
export function orderTables(tables: string[], fks: { child: string; parent: string }[]): string[] {
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return;
    path.add(t);
    for (const fk of fks) {
      if (fk.child === t && fk.parent !== t && tables.includes(fk.parent)) visit(fk.parent, path);
    }
    done.add(t);
    out.push(t);
  };
  for (const t of [...tables].sort()) visit(t, new Set());
  return out;
}

export async function readSchema(db: Reader): Promise<BackupSchema> {
  const columns = await tableColumns(db);
  const fks = (await foreignKeys(db)).filter((f) => columns.has(f.child) && columns.has(f.parent));
  return { columns, foreignKeys: fks, tables: orderTables([...columns.keys()], fks) };
}

export async function appliedMigrations(db: Reader): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((m) => m.name);
}
