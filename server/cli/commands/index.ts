import type { Command } from 'commander';
import { registerAuditCommand } from './audit';
import { registerBackupCommands } from './backup';
import { registerCalendarCommand } from './calendar';
import { registerCalendarImportCommand } from './calendar-import';
import { registerClassifyCommand } from './classify';
import { registerKbCommand } from './kb';
import { registerDeadlineCommand } from './deadline';
import { registerImportCommand } from './import';
import { registerLimitsCommand } from './limits';
import { registerReportCommand } from './report';
import { registerHotTopicsCommand } from './report-hot-topics';

/** Every command module adds its commands here. */
export function registerCommands(program: Command): void {
  registerDeadlineCommand(program);
  registerLimitsCommand(program);
  registerCalendarCommand(program);
  registerCalendarImportCommand(program);
  registerAuditCommand(program);
  registerBackupCommands(program);
  registerKbCommand(program);
  registerImportCommand(program);
  registerReportCommand(program);
  registerHotTopicsCommand(program);
  registerClassifyCommand(program);
}
