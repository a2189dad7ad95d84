import type { SessionUser } from '../../platform/http';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { assessmentScope } from '../assessment/assessment-scope';
import { unitPath } from '../assessment/assessment.repository';
import type { OrderSlice } from './trends.repository';

/**
 * Who reads hot topics and forecasts: the overseers (leaders, supervisors, administrators,
 * dispatchers); at a district platform, of the orders their platform took in. Handling units
 * are refused, as for the intake statistics.
 */
export async function trendsSlice(
  db: Db,
  user: SessionUser,
  q: { region?: string | undefined; category?: string | undefined; unitId?: number | undefined } = {},
): Promise<OrderSlice> {
  if (user.role === 'handler' || user.role === 'unit-leader') {
    throw new AppError('FORBIDDEN', '承办单位请在考核评价中查看本单位数据');
  }
  const scope = await assessmentScope(db, user);
  let unit: string | undefined;
  if (q.unitId !== undefined) {
    unit = await unitPath(db, q.unitId);
    if (unit === undefined) throw new AppError('NOT_FOUND', '单位不存在');
  }
  return { platformPath: scope.path, region: q.region, category: q.category, unitPath: unit };
}
