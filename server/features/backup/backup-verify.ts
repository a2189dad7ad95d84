import crypto from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import {
  BACKUP_FORMAT,
  BackupInvalidError,
  isRecord,
  parseHeader,
  type BackupHeader,
  type BackupTrailer,
} from './backup-format';
import type { ForeignKey } from './backup-schema';

export interface VerifiedBackup {
  header: BackupHeader;
  tables: number;
  rows: number;
  counts: Record<string, number>;
  /** Stored files (attachments) carried after the rows. */
  files: number;
  /** Size and SHA-256 of the file as stored (compressed): what `sha256sum FILE` prints. */
  bytes: number;
  sha256: string;
}

/** Dangling values shown per foreign key in the error message. */
const SHOWN = 5;

/** Parent keys seen so far per foreign key, and child keys not yet matched. */
class ReferenceCheck {
  private readonly keys = new Map<string, Set<string | number>>();
  private readonly pending = new Map<ForeignKey, (string | number)[]>();

  constructor(private readonly fks: ForeignKey[]) {
    for (const fk of fks) this.keys.set(this.parentId(fk), new Set());
  }

  private parentId(fk: ForeignKey) {
    return `${fk.parent}(${fk.parentColumns.join(',')})`;
  }

  private static key(row: Record<string, unknown>, cols: string[]): string | number | null {
    const vals = cols.map((c) => row[c]);
    if (vals.some((v) => v === null || v === undefined)) return null;
    const [only] = vals;
    return vals.length === 1 && typeof only === 'number' ? only : JSON.stringify(vals);
  }

  row(table: string, row: Record<string, unknown>) {
    for (const fk of this.fks) {
      if (fk.parent === table) {
        const k = ReferenceCheck.key(row, fk.parentColumns);
        if (k !== null) this.keys.get(this.parentId(fk))?.add(k);
      }
    }
    for (const fk of this.fks) {
      if (fk.child !== table) continue;
      const k = ReferenceCheck.key(row, fk.childColumns);
      if (k === null || this.keys.get(this.parentId(fk))?.has(k)) continue;
      // The parent may come later only in a cycle of tables: checked again at the end.
      const list = this.pending.get(fk) ?? [];
      list.push(k);
      this.pending.set(fk, list);
    }
  }

  /** Per foreign key with dangling references: "child.col → parent.col (n rows, e.g. value)". */
  missing(): { rows: number; summary: string[] } {
    let rows = 0;
    const summary: string[] = [];
    for (const [fk, list] of this.pending) {
      const keys = this.keys.get(this.parentId(fk));
      const dangling = list.filter((k) => !keys?.has(k));
      if (!dangling.length) continue;
      rows += dangling.length;
      summary.push(
        `${fk.child}.${fk.childColumns.join(',')} → ${fk.parent}.${fk.parentColumns.join(',')} (${dangling.length} rows, e.g. ${[...new Set(dangling)].slice(0, SHOWN).map(String).join(', ')})`,
      );
    }
    return { rows, summary };
  }
}

/**
 * Reads a whole backup file back and checks it: gzip intact, every line JSON, tables in header
 * order, row counts and content hash as in the trailer (and as `expected` when given), and every
 * foreign key of a child row pointing at a parent row present in the file.
 * Throws BackupInvalidError with the first problem found.
 */
const sha256Of = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

export async function verifyBackup(
  file: string,
  expected?: { counts: Record<string, number> },
): Promise<VerifiedBackup> {
  const fileHash = crypto.createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      fileHash.update(chunk);
      bytes += chunk.length;
      cb(null, chunk);
    },
  });
  const source = fs.createReadStream(file);
  const gunzip = createGunzip();
  const stream = source.pipe(tap).pipe(gunzip);
  let streamError: Error | null = null;
  for (const s of [source, tap, gunzip]) {
    s.on('error', (e: Error) => {
      streamError ??= e;
      stream.destroy();
    });
  }
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  const content = crypto.createHash('sha256');
  let header: BackupHeader | null = null;
  // Set inside the loop; a holder keeps the compiler from narrowing it to its initial null.
  const end: { trailer: BackupTrailer['end'] | null } = { trailer: null };
  let contentHash = '';
  const counts: Record<string, number> = {};
  let rows = 0;
  let files = 0;
  let tableIndex = 0;
  let lineNo = 0;
  let refs: ReferenceCheck | null = null;
  try {
    for await (const line of lines) {
      lineNo++;
      if (end.trailer) throw new BackupInvalidError(`line ${lineNo}: content after the end line`);
      if (!header) {
        header = parseHeader(line);
        refs = new ReferenceCheck(header.foreignKeys ?? []);
        content.update(`${line}\n`);
        continue;
      }
      if (line === '' && header.format !== BACKUP_FORMAT) continue;
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch {
        throw new BackupInvalidError(`line ${lineNo} is not valid JSON (the file is damaged)`);
      }
      if (isRecord(v) && isRecord(v.end)) {
        contentHash = content.digest('hex');
        const e = v.end;
        if (typeof e.rows !== 'number' || typeof e.sha256 !== 'string' || !isRecord(e.counts)) {
          throw new BackupInvalidError(`line ${lineNo}: the end line is damaged`);
        }
        end.trailer = {
          rows: e.rows,
          sha256: e.sha256,
          counts: e.counts as Record<string, number>,
          ...(typeof e.files === 'number' ? { files: e.files } : {}),
        };
        continue;
      }
      content.update(`${line}\n`);
      if (isRecord(v) && typeof v.f === 'string') {
        // A stored file: its bytes must match the checksum its row recorded.
        const sum = typeof v.b === 'string' ? sha256Of(Buffer.from(v.b, 'base64')) : null;
        if (sum === null || sum !== v.sha256) {
          throw new BackupInvalidError(`line ${lineNo}: the file ${v.f} does not match its checksum`);
        }
        tableIndex = header.tables.length;
        files++;
        continue;
      }
      if (!isRecord(v) || typeof v.t !== 'string' || !isRecord(v.r)) {
        throw new BackupInvalidError(`line ${lineNo} is not a row`);
      }
      const at = header.tables.indexOf(v.t, tableIndex);
      if (at < 0) {
        throw new BackupInvalidError(`line ${lineNo}: table ${v.t} out of order or not in the header`);
      }
      tableIndex = at;
      counts[v.t] = (counts[v.t] ?? 0) + 1;
      rows++;
      refs?.row(v.t, v.r);
    }
  } catch (e) {
    if (e instanceof BackupInvalidError) throw e;
    throw new BackupInvalidError(`cannot read the backup: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    source.destroy();
  }
  if (streamError) {
    throw new BackupInvalidError(
      `cannot read the backup (truncated or not gzip): ${(streamError as Error).message}`,
    );
  }
  if (!header) throw new BackupInvalidError('empty backup file');
  const trailer = end.trailer;
  if (header.format === BACKUP_FORMAT) {
    if (!trailer) throw new BackupInvalidError('the backup has no end line: it is truncated');
    if (trailer.sha256 !== contentHash) {
      throw new BackupInvalidError('the content does not match its checksum: the file was altered');
    }
    if ((trailer.files ?? 0) !== files) {
      throw new BackupInvalidError(
        `the end line announces ${trailer.files ?? 0} files, the file holds ${files}`,
      );
    }
    if (trailer.rows !== rows) {
      throw new BackupInvalidError(`the end line announces ${trailer.rows} rows, the file holds ${rows}`);
    }
    for (const t of header.tables) {
      if ((trailer.counts[t] ?? 0) !== (counts[t] ?? 0)) {
        throw new BackupInvalidError(
          `table ${t}: the end line announces ${trailer.counts[t] ?? 0} rows, the file holds ${counts[t] ?? 0}`,
        );
      }
    }
  }
  if (expected) {
    for (const t of new Set([...Object.keys(expected.counts), ...Object.keys(counts)])) {
      if ((expected.counts[t] ?? 0) !== (counts[t] ?? 0)) {
        throw new BackupInvalidError(
          `table ${t}: ${expected.counts[t] ?? 0} rows were written, the file holds ${counts[t] ?? 0}`,
        );
      }
    }
  }
  const missing = refs?.missing();
  if (missing?.rows) {
    throw new BackupInvalidError(
      `${missing.rows} rows refer to rows missing from the backup: ${missing.summary.join('; ')}`,
    );
  }
  return { header, tables: header.tables.length, rows, counts, files, bytes, sha256: fileHash.digest('hex') };
}
