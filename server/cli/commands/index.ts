import type { Command } from 'commander';
import { registerAuditCommand } from './audit';
import { registerCalendarCommand } from './calendar';
import { registerCalendarImportCommand } from './calendar-import';
import { registerKbCommand } from './kb';
import { registerDeadlineCommand } from './deadline';
import { registerLimitsCommand } from './limits';

/** Every command module adds its commands here. */
export function registerCommands(program: Command): void {
  registerDeadlineCommand(program);
  registerLimitsCommand(program);
  registerCalendarCommand(program);
  registerCalendarImportCommand(program);
  registerAuditCommand(program);
  registerKbCommand(program);
}
