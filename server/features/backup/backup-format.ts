import type { ForeignKey } from './backup-schema';

/**
 * File format: gzip'd JSON lines.
 * - line 1, the header: format, creation time, source database, applied migrations, tables in
 *   restore order (parents first) and their foreign keys;
 * - one `{"t": table, "r": row}` per row, table by table in header order, parents before children;
 * - last line, the trailer: `{"end": {"rows", "counts": {table: rows}, "sha256"}}`, where sha256 is
 *   the SHA-256 of every preceding line (UTF-8, each with its "\n"), before compression.
 * - after the rows, one `{"f": key, "sha256", "b": base64}` per stored file (attachments), read
 *   from the file store of the rows that name them (BackupFiles); the trailer counts them (`files`);
 * Generated columns are left out and recomputed on restore; timestamps travel as PostgreSQL text.
 * Version 1 (no trailer, no foreign keys in the header) is still read.
 */
export const BACKUP_FORMAT = 'civicline-backup/2';
export const BACKUP_FORMAT_V1 = 'civicline-backup/1';

export interface BackupHeader {
  format: string;
  createdAt: string;
  database?: 'pglite' | 'postgres';
  migrations: string[];
  tables: string[];
  foreignKeys?: ForeignKey[];
}

export interface BackupTrailer {
  end: { rows: number; counts: Record<string, number>; sha256: string; files?: number };
}

export interface FileLine {
  f: string;
  sha256: string;
  b: string;
}

/**
 * Files kept outside the database that a backup carries (attachments): the table whose rows name
 * them, with the key and checksum columns, and the store they are read from and restored into.
 */
export interface BackupFiles {
  table: string;
  keyColumn: string;
  shaColumn: string;
  read(key: string): Promise<Buffer>;
  write(key: string, bytes: Buffer): Promise<void>;
}

export interface RowLine {
  t: string;
  r: Record<string, unknown>;
}

/** A backup file that must not be trusted: truncated, altered, or not a backup at all. */
export class BackupInvalidError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupInvalidError';
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseHeader(line: string): BackupHeader {
  let h: unknown;
  try {
    h = JSON.parse(line);
  } catch {
    throw new BackupInvalidError('not a CivicLine backup (the first line is not JSON)');
  }
  if (!isRecord(h) || (h.format !== BACKUP_FORMAT && h.format !== BACKUP_FORMAT_V1)) {
    throw new BackupInvalidError(`not a CivicLine backup (format ${isRecord(h) ? String(h.format) : '?'})`);
  }
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!strings(h.tables) || !strings(h.migrations ?? [])) {
    throw new BackupInvalidError('the backup header is damaged');
  }
  return h as unknown as BackupHeader;
}
