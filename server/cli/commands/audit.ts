/** `civicline audit verify`: recomputes the audit log's hash chain and reports the first broken entry. */
import type { Command } from 'commander';

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description(
      'verify the hash chain of the audit log; exit 1 at the first edited, removed or reordered entry',
    )
    .action(async () => {
      const { verifyAuditChain } = await import('../../features/audit/audit');
      const { withPlatform } = await import('../platform');
      const r = await withPlatform((ctx) => verifyAuditChain(ctx.db));
      if (r.ok) {
        process.stdout.write(`audit log intact: ${r.entries} entries\n`);
        process.exitCode = 0;
      } else {
        process.stdout.write(
          `audit log BROKEN at entry ${r.brokenAt}: ${r.reason} (${r.entries} entries checked)\n`,
        );
        process.exitCode = 1;
      }
    });
}
