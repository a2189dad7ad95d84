import type { z } from 'zod';
import type { closeIncidentBody, recordIncidentReportBody } from '../../../common/contracts/incidents';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { withRetry } from '../../platform/retry';
import { loadActor } from '../tickets/standing';
import { requireMay } from './incident-access';
import { closeIncidentRow, insertReport, lockIncident, reportsOf } from './incidents.repository';
import { missingReports } from './incidents.presenter';

/**
 * `POST /api/incidents/:id/report`: records that a report was made now (口头报告 / 书面报告,
 * shanghai-962200 §15), by whom. The first report of any kind meets the first limit; a written
 * one meets the written limit. Further reports (续报) are kept too.
 */
export async function recordReport(
  ctx: AppContext,
  user: SessionUser,
  incidentId: number,
  body: z.output<typeof recordIncidentReportBody>,
): Promise<void> {
  const actor = await loadActor(ctx.db, user);
  requireMay(actor, 'report');
  const now = ctx.clock.now();
  await withRetry(ctx.db, async (trx) => {
    const incident = await lockIncident(trx, incidentId);
    if (!incident) throw new AppError('NOT_FOUND', '重大事件不存在');
    if (incident.status !== 'open') throw new AppError('TRANSITION_NOT_ALLOWED', '该事件已结束');
    await insertReport(trx, {
      incidentId,
      kind: body.kind,
      text: body.text ?? null,
      userId: user.id,
      at: now,
    });
  });
}

const missingLabels = { reportBy: '首次报告', writtenReportBy: '书面报告' } as const;

/**
 * `POST /api/incidents/:id/close`: ends the incident. The reports its profile demands must have
 * been made first (late or not): closing never makes a missing report disappear.
 */
export async function closeIncident(
  ctx: AppContext,
  user: SessionUser,
  incidentId: number,
  body: z.output<typeof closeIncidentBody>,
): Promise<void> {
  const actor = await loadActor(ctx.db, user);
  requireMay(actor, 'close');
  const now = ctx.clock.now();
  await withRetry(ctx.db, async (trx) => {
    const incident = await lockIncident(trx, incidentId);
    if (!incident) throw new AppError('NOT_FOUND', '重大事件不存在');
    if (incident.status !== 'open') throw new AppError('TRANSITION_NOT_ALLOWED', '该事件已结束');
    const missing = missingReports(incident, await reportsOf(trx, [incidentId]));
    if (missing.length > 0) {
      throw new AppError(
        'TRANSITION_NOT_ALLOWED',
        `请先记录${missing.map((m) => missingLabels[m]).join('和')}`,
        {
          missing,
        },
      );
    }
    await closeIncidentRow(trx, incidentId, { userId: user.id, at: now, note: body.note ?? null });
  });
}
