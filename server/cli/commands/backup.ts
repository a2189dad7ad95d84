/** `civicline backup FILE` / `civicline restore FILE`: logical backups, the same for PGlite and PostgreSQL. */
import type { Command } from 'commander';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write every table to FILE (gzip JSON lines); works on the embedded database and on PostgreSQL')
    .argument('<file>', 'output file, e.g. civicline-2026-11-22.jsonl.gz')
    .action(async (file: string) => {
      const { backupTo } = await import('../../features/backup/backup.service');
      const { withPlatform } = await import('../platform');
      const r = await withPlatform((ctx) => backupTo(ctx.db, file, (t, n) => process.stderr.write(`  ${t}: ${n}\n`)));
      process.stdout.write(`backup written to ${file}: ${r.tables} tables, ${r.rows} rows\n`);
    });
  program
    .command('restore')
    .description('replace the whole database with a backup written by `civicline backup` (stop the server first)')
    .argument('<file>', 'backup file')
    .option('--force', 'restore even though the database already holds work orders')
    .action(async (file: string, opts: { force?: boolean }) => {
      const { restoreFrom } = await import('../../features/backup/backup.service');
      const { withPlatform } = await import('../platform');
      const r = await withPlatform(async (ctx) => {
        const any = await ctx.db.selectFrom('ticket').select('id').limit(1).executeTakeFirst();
        if (any && !opts.force) {
          throw new Error('the database already holds work orders; pass --force to replace everything in it with the backup');
        }
        return restoreFrom(ctx.db, file, (n) => process.stderr.write(`\r  ${n} rows`));
      });
      process.stderr.write('\n');
      process.stdout.write(`restored ${r.rows} rows from ${file}\n`);
    });
}
