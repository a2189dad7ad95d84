import type { z } from 'zod';
import type { createIncidentBody } from '../../../common/contracts/incidents';
import { incidentReportLimits } from '../../domain/incident/report-limits';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { withRetry } from '../../platform/retry';
import { loadActor } from '../tickets/standing';
import { linkOrders } from './attach-orders';
import { requireMay } from './incident-access';
import { insertIncident } from './incidents.repository';

/**
 * `POST /api/incidents`: records a major incident with the report limits of the active profile
 * (shanghai-962200 §15; beijing-miyun §8), stored with the profile id and version that set them,
 * and links its first orders.
 */
export async function createIncident(
  ctx: AppContext,
  user: SessionUser,
  body: z.output<typeof createIncidentBody>,
): Promise<number> {
  const actor = await loadActor(ctx.db, user);
  requireMay(actor, 'create');
  const now = ctx.clock.now();
  const occurredAt = new Date(body.occurredAt);
  if (occurredAt.getTime() > now.getTime()) {
    throw new AppError('UNPROCESSABLE', '事发时间不能晚于当前时间');
  }
  const profile = ctx.rules.profile;
  const limits = incidentReportLimits(profile, occurredAt);
  return withRetry(ctx.db, async (trx) => {
    const id = await insertIncident(trx, {
      title: body.title,
      description: body.description ?? null,
      occurred_at: occurredAt,
      report_by: limits.reportBy?.dueAt ?? null,
      written_report_by: limits.writtenReportBy?.dueAt ?? null,
      report_form: limits.reportBy?.form ?? null,
      report_article: limits.reportBy?.article ?? null,
      written_report_article: limits.writtenReportBy?.article ?? null,
      profile_id: profile.id,
      profile_version: profile.version,
      created_by: user.id,
      created_at: now,
    });
    await linkOrders(trx, id, body.ticketIds, user.id, now);
    return id;
  });
}
