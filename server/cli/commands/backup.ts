/** `civicline backup FILE` / `civicline restore FILE`: logical backups, the same for PGlite and PostgreSQL. */
import path from 'node:path';
import type { Command } from 'commander';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'write every table to FILE (gzip JSON lines) from one snapshot and verify it; works on PostgreSQL, on the embedded database, and through a running server on the embedded database',
    )
    .argument('<file>', 'output file, e.g. civicline-2026-11-22.jsonl.gz')
    .action(async (file: string) => {
      const target = path.resolve(file);
      const { readEnv } = await import('../../platform/env');
      const env = readEnv();
      if (!env.DATABASE_URL) {
        // The embedded database allows one process: while the server holds it, the server takes the backup.
        const { backupThroughServer, embeddedLockHolder } =
          await import('../../features/backup/backup-control');
        const holder = embeddedLockHolder(env.DATA_DIR);
        if (holder) {
          process.stderr.write(
            `the server (process ${holder}) holds the embedded database: asking it for the backup\n`,
          );
          const r = await backupThroughServer(env.DATA_DIR, holder, target);
          process.stdout.write(
            `backup written and verified: ${r.file}: ${r.tables} tables, ${r.rows} rows, ${r.bytes} bytes, sha256 ${r.sha256}\n`,
          );
          return;
        }
      }
      const { backupTo } = await import('../../features/backup/backup.service');
      const { attachmentBackupFiles } = await import('../../features/attachments/backup-files');
      const { withPlatform } = await import('../platform');
      const r = await withPlatform((ctx) =>
        backupTo({ db: ctx.db, kind: ctx.dbKind }, target, {
          files: attachmentBackupFiles(ctx.env),
          onProgress: (t, n) => process.stderr.write(`  ${t}: ${n}\n`),
        }),
      );
      process.stdout.write(
        `backup written and verified: ${r.file}: ${r.tables} tables, ${r.rows} rows, ${r.bytes} bytes, sha256 ${r.sha256}\n`,
      );
    });
  program
    .command('restore')
    .description(
      'replace the whole database with a backup written by `civicline backup` (stop the server first)',
    )
    .argument('<file>', 'backup file')
    .option('--force', 'restore even though the database already holds work orders')
    .action(async (file: string, opts: { force?: boolean }) => {
      const { restoreFrom } = await import('../../features/backup/backup.service');
      const { attachmentBackupFiles } = await import('../../features/attachments/backup-files');
      const { withPlatform } = await import('../platform');
      const r = await withPlatform((ctx) =>
        restoreFrom(ctx.db, file, {
          force: opts.force ?? false,
          files: attachmentBackupFiles(ctx.env),
          onProgress: (n) => process.stderr.write(`\r  ${n} rows`),
        }),
      );
      process.stderr.write('\n');
      process.stdout.write(`restored ${r.rows} rows and ${r.files} attachment files from ${file}\n`);
    });
}
