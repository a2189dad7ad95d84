import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { attachIncidentOrdersBody } from '../../../common/contracts/incidents';
import type { Database } from '../../db/schema';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { withRetry } from '../../platform/retry';
import { loadActor } from '../tickets/standing';
import { requireMay } from './incident-access';
import {
  attachTickets,
  existingTicketIds,
  lockIncident,
  ticketsInOtherOpenIncidents,
} from './incidents.repository';

/**
 * Links orders to an incident inside the caller's transaction: every order must exist, and none
 * may belong to another open incident (one outage, one incident). An order already linked to
 * this incident stays linked once.
 */
export async function linkOrders(
  trx: Transaction<Database>,
  incidentId: number,
  ids: number[],
  userId: number,
  now: Date,
): Promise<number> {
  const found = new Set(await existingTicketIds(trx, ids));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new AppError('UNPROCESSABLE', '工单不存在', { missing });
  const elsewhere = await ticketsInOtherOpenIncidents(trx, ids, incidentId);
  if (elsewhere.length > 0) {
    throw new AppError('CONFLICT', '工单已关联到另一起处置中的重大事件', {
      tickets: elsewhere.map((e) => ({ ticketId: e.ticket_id, incidentId: e.incident_id })),
    });
  }
  return attachTickets(trx, incidentId, ids, userId, now);
}

/** `POST /api/incidents/:id/orders`: attaches more orders to an open incident. */
export async function attachOrders(
  ctx: AppContext,
  user: SessionUser,
  incidentId: number,
  body: z.output<typeof attachIncidentOrdersBody>,
): Promise<void> {
  const actor = await loadActor(ctx.db, user);
  requireMay(actor, 'attach');
  const now = ctx.clock.now();
  await withRetry(ctx.db, async (trx) => {
    const incident = await lockIncident(trx, incidentId);
    if (!incident) throw new AppError('NOT_FOUND', '重大事件不存在');
    if (incident.status !== 'open') {
      throw new AppError('TRANSITION_NOT_ALLOWED', '该事件已结束，不能再关联工单');
    }
    await linkOrders(trx, incidentId, body.ticketIds, user.id, now);
  });
}
