import type { Role } from '../../../common/enums';
import { AppError } from '../../platform/errors';
import type { Actor } from '../tickets/standing';
import { seesAll } from '../tickets/visibility';

/**
 * Scope of supervision records, like orders (visibility.ts): the center sees all; a platform
 * the supervisions of its unit tree and of the orders it holds; any other unit those of its
 * own unit tree.
 */
export function supervisionScope(actor: Actor): { unitPath: string | null; platformPath: string | null } {
  if (seesAll(actor)) return { unitPath: null, platformPath: null };
  return { unitPath: actor.unit.path, platformPath: actor.unit.is_platform ? actor.unit.path : null };
}

export function inScope(actor: Actor, unitPath: string | null, platformPath: string | null): boolean {
  if (seesAll(actor)) return true;
  if (unitPath?.startsWith(actor.unit.path)) return true;
  return actor.unit.is_platform && (platformPath?.startsWith(actor.unit.path) ?? false);
}

/** Roles of a supervised unit that answer in writing (shanghai-962200 §12: 承办单位应当书面说明情况). */
const answeringRoles: readonly Role[] = ['handler', 'unit-leader'];

/** The supervised unit itself, or a (non-platform) unit above it, by a handler or its leader. */
export function assertMayAnswer(actor: Actor, unitId: number | null, unitPath: string | null): void {
  const forUnit =
    unitId !== null &&
    (actor.unit.id === unitId ||
      (!actor.unit.is_platform && (unitPath?.startsWith(actor.unit.path) ?? false)));
  if (!forUnit || !answeringRoles.includes(actor.role)) {
    throw new AppError('FORBIDDEN', '只有被督办单位的承办人员或负责人可以答复督办');
  }
}

/** Who records supervisions directly (leader instructions 批示 and the like). */
export const supervisingRoles: readonly Role[] = ['leader', 'supervisor', 'admin'];
