import type { Role } from '../../../common/enums';
import { AppError } from '../../platform/errors';
import type { Actor } from '../tickets/standing';

/**
 * Who may do what with major incidents. The hotline center keeps them: its dispatchers,
 * supervisors, leaders and administrators open incidents, record the reports made
 * (shanghai-962200 §15: to the management office; beijing-miyun §8: to the emergency management
 * department) and close them; its agents also attach the orders of new callers. Every center user
 * reads them. A sub-platform or a handling unit only reads the incidents its own visible orders
 * belong to, and sees only those orders (never another unit's); it changes nothing.
 */
const keepers: readonly Role[] = ['dispatcher', 'supervisor', 'leader', 'admin'];
const attachers: readonly Role[] = [...keepers, 'agent'];

export type IncidentAction = 'attach' | 'report' | 'close';

export function isCenter(actor: Actor): boolean {
  return actor.unit.kind === 'center';
}

export function mayDo(actor: Actor, action: IncidentAction): boolean {
  if (!isCenter(actor)) return false;
  return (action === 'attach' ? attachers : keepers).includes(actor.role);
}

export function requireMay(actor: Actor, action: IncidentAction | 'create'): void {
  if (!mayDo(actor, action === 'create' ? 'report' : action)) {
    throw new AppError('FORBIDDEN', '当前角色无权执行此操作');
  }
}
