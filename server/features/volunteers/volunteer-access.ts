import type { Role } from '../../../common/enums';
import { AppError } from '../../platform/errors';
import type { Actor } from '../tickets/standing';

/**
 * Who may do what with volunteers (tianjin-wuqing §31-§40: the center registers and assigns
 * them). The center's dispatchers and administrators register volunteers and, as the ones who
 * arrange their help, see their phone numbers; the center's agents, dispatchers and
 * administrators find volunteers by skill and assign them to orders; other center staff read the
 * list with phones masked. A unit does not see volunteers. Any reveal of a phone is audited.
 */
const coordinators: readonly Role[] = ['dispatcher', 'admin'];
const assigners: readonly Role[] = ['agent', 'dispatcher', 'admin'];
const revealers: readonly Role[] = ['agent', 'dispatcher', 'admin', 'supervisor'];

const atCenter = (actor: Actor) => actor.unit.kind === 'center';

export function seesVolunteerPhone(actor: Actor): boolean {
  return atCenter(actor) && coordinators.includes(actor.role);
}

export function requireCoordinator(actor: Actor): void {
  if (!seesVolunteerPhone(actor)) throw new AppError('FORBIDDEN', '只有热线中心派单员或管理员可以登记志愿者');
}

export function requireReader(actor: Actor): void {
  if (!atCenter(actor)) throw new AppError('FORBIDDEN', '当前角色无权查看志愿者');
}

export function requireAssigner(actor: Actor): void {
  if (!atCenter(actor) || !assigners.includes(actor.role)) {
    throw new AppError('FORBIDDEN', '当前角色无权为工单指派志愿者');
  }
}

export function mayReveal(actor: Actor): boolean {
  return atCenter(actor) && revealers.includes(actor.role);
}
