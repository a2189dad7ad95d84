import type { Command } from 'commander';

/** Every command module adds its commands here. */
export function registerCommands(program: Command): void {
  void program;
}
