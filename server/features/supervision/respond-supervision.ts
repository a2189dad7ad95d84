import type { SupervisionDto } from '../../../common/contracts/supervision';
import { isLate } from '../../domain/supervision/supervision-rules';
import type { PendingRequest, TicketStatus } from '../../domain/ticket/statuses';
import { decideTransition } from '../../domain/ticket/transitions';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { withRetry } from '../../platform/retry';
import { loadActor } from '../tickets/standing';
import { appendEvent, lockTicket } from '../tickets/tickets.repository';
import { assertMayAnswer, inScope } from './supervision-access';
import { presentSupervision } from './supervision.presenter';
import { findSupervision, platformPathOf, recordResponse } from './supervision.repository';

/**
 * The supervised unit answers in writing (书面说明情况, shanghai-962200 §12), once. An answer
 * after the due time is accepted and recorded late (counted in the ignored-supervision report,
 * tianjin-wuqing §24). The answer does not change the order's state: it is recorded on the
 * supervision and as a `respond-supervision` event on the order, under the order's lock.
 */
export async function respondSupervision(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  text: string,
): Promise<SupervisionDto> {
  const actor = await loadActor(ctx.db, user);
  const now = ctx.clock.now();
  await withRetry(ctx.db, async (trx) => {
    const s = await findSupervision(trx, id);
    const platformPath = s ? await platformPathOf(trx, s.ticket_id) : null;
    if (!s || !inScope(actor, s.unit_path, platformPath)) throw new AppError('NOT_FOUND', '督办不存在');
    assertMayAnswer(actor, s.unit_id, s.unit_path);
    // Lock order (decision 0006): the order first, then its rows.
    const ticket = await lockTicket(trx, s.ticket_id);
    if (!ticket) throw new AppError('NOT_FOUND', '督办不存在');
    // A record on the order through the lifecycle table (rule 2): the state stays as it is.
    const party = s.unit_id === ticket.lead_unit_id ? 'lead' : 'co';
    const decided = decideTransition(
      {
        status: ticket.status as TicketStatus,
        pendingRequest: (ticket.pending_request as PendingRequest) ?? null,
        statusBeforeSuspend: (ticket.status_before_suspend as TicketStatus | null) ?? null,
        leadIsPlatform: false,
      },
      'respond-supervision',
      { parties: new Set([party]) },
    );
    if (!decided.ok) throw new AppError('TRANSITION_NOT_ALLOWED', decided.reason);
    const answered = await recordResponse(trx, { ticketId: s.ticket_id, id, text, at: now, by: user.id });
    if (!answered) throw new AppError('CONFLICT', '该督办已答复，不能重复答复');
    await appendEvent(trx, {
      ticketId: s.ticket_id,
      at: now,
      actorUserId: user.id,
      actorUnitId: user.unitId,
      action: 'respond-supervision',
      party,
      payload: { supervisionId: id, trigger: s.trigger, text, late: isLate(s.respond_by, now) },
      from: ticket.status,
      to: decided.decision.to,
    });
  });
  const fresh = await findSupervision(ctx.db, id);
  if (!fresh) throw new AppError('NOT_FOUND', '督办不存在');
  return presentSupervision(fresh, ctx.clock.now());
}
