import { AppError } from '../../platform/errors';
import { findUnit, type Trx } from './tickets.repository';

export interface ComplainedUnit {
  id: number;
  name: string;
  path: string;
}

/** The unit an order complains about, or undefined. */
export async function findComplainedUnit(
  db: Trx,
  unitId: number | null,
): Promise<ComplainedUnit | undefined> {
  if (unitId === null) return undefined;
  const unit = await findUnit(db, unitId);
  return unit ? { id: unit.id, name: unit.name, path: unit.path } : undefined;
}

/**
 * Checks a unit named as the party complained about: it exists and is active, and it is not the
 * hotline center itself (every unit lies below it, so nobody could handle the order; complaints
 * about the center go to its supervising authority).
 */
export async function checkComplainedUnit(db: Trx, unitId: number): Promise<ComplainedUnit> {
  const unit = await findUnit(db, unitId);
  if (!unit || !unit.active) {
    throw new AppError('VALIDATION_FAILED', `被投诉单位 ${unitId} 不存在或已停用`, [
      { path: '/complainedUnitId', message: 'unknown' },
    ]);
  }
  if (unit.kind === 'center') {
    throw new AppError('VALIDATION_FAILED', '热线中心本身不能作为被投诉单位，请转其主管部门处理', [
      { path: '/complainedUnitId', message: 'center' },
    ]);
  }
  return { id: unit.id, name: unit.name, path: unit.path };
}

/** A unit at or below the complained unit (unit paths are materialised: `/1/5/12/`). */
export function isWithinComplained(unitPath: string, complainedPath: string | null | undefined): boolean {
  return !!complainedPath && unitPath.startsWith(complainedPath);
}
