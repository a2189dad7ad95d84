import type { Role } from '../../../common/enums';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { findUserUnit, unitPath } from './assessment.repository';

/** Roles that read assessments: the center's leaders, supervisors, administrators and dispatchers, and units (their own). */
const overseers: readonly Role[] = ['leader', 'supervisor', 'admin', 'dispatcher'];
const unitRoles: readonly Role[] = ['handler', 'unit-leader'];

export interface AssessmentScope {
  /** Null: everything; otherwise the subtree of this unit (path prefix). */
  path: string | null;
  unitId: number | null;
}

/**
 * Who sees which figures: overseers at the center see every unit; overseers at a sub-platform
 * see the units of their district; handling units see their own unit and its sub-units. Other
 * roles (intake, callback, knowledge base) do not read assessments.
 */
export async function assessmentScope(db: Db, user: SessionUser): Promise<AssessmentScope> {
  if (!overseers.includes(user.role) && !unitRoles.includes(user.role)) {
    throw new AppError('FORBIDDEN', '当前角色无权查看考核与统计');
  }
  const unit = await findUserUnit(db, user.unitId);
  if (overseers.includes(user.role) && unit.kind === 'center') return { path: null, unitId: null };
  return { path: unit.path, unitId: unit.id };
}

export async function unitInScope(db: Db, scope: AssessmentScope, unitId: number): Promise<boolean> {
  if (scope.path === null) return true;
  const path = await unitPath(db, unitId);
  return path !== undefined && path.startsWith(scope.path);
}
