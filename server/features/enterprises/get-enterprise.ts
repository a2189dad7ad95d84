import type { z } from 'zod';
import type {
  EnterpriseDto,
  EnterpriseSummaryDto,
  listEnterprisesQuery,
} from '../../../common/contracts/enterprises';
import { isMembershipState } from '../../domain/enterprise/membership';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { loadActor } from '../tickets/standing';
import { allowedActions, requireRead } from './enterprise-access';
import { ratingsOf } from './enterprise-ratings';
import {
  countsPer,
  enterpriseHistory,
  findEnterprise,
  listEnterpriseRows,
  userName,
  type EnterpriseRow,
} from './enterprises.repository';
import { presentDetail, presentSummary } from './enterprises.presenter';
import { readLicence } from './licence-file';
import { categoryNames } from '../categories/categories.repository';

async function summaries(ctx: AppContext, rows: EnterpriseRow[]): Promise<EnterpriseSummaryDto[]> {
  const ids = rows.map((r) => Number(r.id));
  const ratings = await ratingsOf(ctx.db, ids, ctx.clock.now());
  const names = await categoryNames(ctx.db, [...new Set(rows.flatMap((r) => r.services))]);
  const visits = await countsPer(ctx.db, 'enterprise_visit', ids);
  const recommendations = await countsPer(ctx.db, 'enterprise_recommendation', ids);
  return rows.map((row) => {
    const id = Number(row.id);
    const rating = ratings.get(id) ?? {
      stars: null,
      ratedOrders: 0,
      satisfactionRate: null,
      recentBadRecords: 0,
    };
    return presentSummary(row, names, rating, {
      visits: visits.get(id) ?? 0,
      recommendations: recommendations.get(id) ?? 0,
    });
  });
}

/** `GET /api/enterprises`: the center's registry and review queue, contact persons masked. */
export async function listEnterprises(
  ctx: AppContext,
  user: SessionUser,
  query: z.output<typeof listEnterprisesQuery>,
): Promise<{ items: EnterpriseSummaryDto[] }> {
  requireRead(await loadActor(ctx.db, user));
  const rows = await listEnterpriseRows(ctx.db, {
    status: query.status,
    q: query.q ?? null,
    limit: query.limit,
  });
  return { items: await summaries(ctx, rows) };
}

/** `GET /api/enterprises/:id`: one enterprise with its visits, recommendations and credit record. */
export async function getEnterprise(ctx: AppContext, user: SessionUser, id: number): Promise<EnterpriseDto> {
  const actor = await loadActor(ctx.db, user);
  requireRead(actor);
  const row = await findEnterprise(ctx.db, id);
  if (!row || !isMembershipState(row.status)) throw new AppError('NOT_FOUND', '企业不存在');
  const [summary] = await summaries(ctx, [row]);
  if (!summary) throw new AppError('NOT_FOUND', '企业不存在');
  const history = await enterpriseHistory(ctx.db, id);
  const decidedBy = await userName(ctx.db, row.decided_by === null ? null : Number(row.decided_by));
  return presentDetail(summary, row, history, decidedBy, allowedActions(actor, row.status));
}

/** `GET /api/enterprises/:id/licence`: the business licence file, for the center's review. */
export async function getLicence(
  ctx: AppContext,
  user: SessionUser,
  id: number,
): Promise<{ bytes: Buffer; type: string }> {
  requireRead(await loadActor(ctx.db, user));
  const row = await findEnterprise(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '企业不存在');
  try {
    return { bytes: await readLicence(ctx.env.DATA_DIR, row.licence_file), type: row.licence_type };
  } catch {
    throw new AppError('NOT_FOUND', '营业执照文件不存在');
  }
}
