import type { Role } from '../../../common/enums';
import { AppError } from '../../platform/errors';
import type { Actor } from '../tickets/standing';

/**
 * Who may do what with the registry (beijing-miyun §9-§11: units apply through the center, which
 * keeps the registry). The center's dispatchers and administrators apply on a unit's behalf,
 * review applications and open the semi-annual review; a unit's leader applies for its own
 * numbers and those of its sub-units and answers its review task; every center user reads the
 * whole registry, a unit only its own part of it. A unit never decides its own application.
 */
const keepers: readonly Role[] = ['dispatcher', 'admin'];

export function isRegistryKeeper(actor: Actor): boolean {
  return actor.unit.kind === 'center' && keepers.includes(actor.role);
}

/** The unit-tree prefix an actor reads (null: everything). */
export function readScope(actor: Actor): string | null {
  return actor.unit.kind === 'center' ? null : actor.unit.path;
}

export function inScope(actor: Actor, unitPath: string): boolean {
  const scope = readScope(actor);
  return scope === null || unitPath.startsWith(scope);
}

export function requireMayApplyFor(actor: Actor, unitPath: string): void {
  if (isRegistryKeeper(actor)) return;
  if (actor.role === 'unit-leader' && unitPath.startsWith(actor.unit.path)) return;
  throw new AppError('FORBIDDEN', '只有本单位负责人或热线中心可以提交号码申请');
}

export function requireKeeper(actor: Actor): void {
  if (!isRegistryKeeper(actor)) throw new AppError('FORBIDDEN', '只有热线中心可以执行此操作');
}

/** The reviewer is the center, and never the applying unit nor the applicant. */
export function requireMayDecide(actor: Actor, application: { unit_id: number; applied_by: number }): void {
  requireKeeper(actor);
  if (actor.unit.id === application.unit_id || actor.userId === application.applied_by) {
    throw new AppError('FORBIDDEN', '不能审核本单位或本人提交的号码申请');
  }
}

export function requireMayAnswerReview(actor: Actor, unitPath: string): void {
  if (actor.role === 'unit-leader' && unitPath.startsWith(actor.unit.path)) return;
  if (isRegistryKeeper(actor)) return;
  throw new AppError('FORBIDDEN', '只有本单位负责人可以答复号码审核');
}
