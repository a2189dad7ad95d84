/**
 * Logical backup and restore of every table as gzip'd JSON lines, the same format for the embedded
 * database and a PostgreSQL server (a backup of one restores into the other). See backup-format.ts
 * for the file, backup-writer.ts for the snapshot, backup-verify.ts for the checks.
 */
import type { DatabaseHandle } from '../../platform/db';
import { writeBackup, type BackupOptions, type BackupResult } from './backup-writer';

export { BACKUP_FORMAT, BACKUP_FORMAT_V1, BackupInvalidError } from './backup-format';
export { restoreFrom, RestoreRefusedError, type RestoreOptions } from './backup-restore';
export { verifyBackup, type VerifiedBackup } from './backup-verify';
export type { BackupOptions, BackupResult } from './backup-writer';

/** Backs up the database of `handle` into `file` (verified, then renamed into place). */
export function backupTo(
  handle: Pick<DatabaseHandle, 'db' | 'kind'>,
  file: string,
  opts: BackupOptions = {},
): Promise<BackupResult> {
  return writeBackup(handle.db, file, { ...opts, embedded: handle.kind === 'pglite' });
}
