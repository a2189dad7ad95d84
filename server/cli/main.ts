import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands';

/**
 * `civicline` entry. Each command module registers itself on the program; commands write
 * their results to stdout and return an exit code.
 */
export async function runCli(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name('civicline')
    .description('CivicLine operator commands (热线平台运维命令)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program
    .command('help')
    .description('show this help')
    .action(() => {
      program.outputHelp();
    });
  registerCommands(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    process.stderr.write(`civicline: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
