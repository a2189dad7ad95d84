import type { Env } from '../../platform/env';
import type { BackupFiles } from '../backup/backup-format';
import { fileStoreFor } from './storage';

/** Attachments in backups: the files the `attachment` rows name, from and back into the file store. */
export function attachmentBackupFiles(env: Env): BackupFiles {
  const store = fileStoreFor(env);
  return {
    table: 'attachment',
    keyColumn: 'storage_key',
    shaColumn: 'sha256',
    read: (key) => store.get(key),
    write: (key, bytes) => store.put(key, bytes, 'application/octet-stream'),
  };
}
