import type { OrderCall } from '../../../common/contracts/cti';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { maskPhone } from '../tickets/caller-privacy';
import { getTicket } from '../tickets/get-ticket';
import type { Trx } from '../tickets/tickets.repository';
import { findAgentCallAt, findCallOfTicket, insertCallLink } from './cti.repository';

/**
 * Links a new order to its call: the call id the intake desk sent (screen pop), else the call the
 * agent was on at intake time (answered within the hour, not ended more than 5 minutes before).
 * Runs in the intake's transaction.
 */
export async function linkOrderToCall(
  trx: Trx,
  o: { ticketId: number; callId?: string | undefined; agentUserId: number; channel: string; at: Date },
): Promise<void> {
  if (o.callId) {
    await insertCallLink(trx, { ticketId: o.ticketId, callId: o.callId, linkedBy: 'intake', at: o.at });
    return;
  }
  if (o.channel !== 'phone') return;
  const call = await findAgentCallAt(trx, o.agentUserId, o.at);
  if (call) {
    await insertCallLink(trx, {
      ticketId: o.ticketId,
      callId: call.call_id,
      linkedBy: 'agent-window',
      at: o.at,
    });
  }
}

/**
 * The call an order was taken on, for whoever may see the order; the caller's number shown as
 * the order shows its caller to this viewer (full, masked, or not at all).
 */
export async function orderCall(ctx: AppContext, user: SessionUser, ticketId: number): Promise<OrderCall> {
  const ticket = await getTicket(ctx, user, ticketId);
  const row = await findCallOfTicket(ctx.db, ticketId);
  if (!row) return { call: null };
  const caller =
    ticket.caller.phone === null && (ticket.caller.masked || ticket.caller.protected)
      ? null
      : ticket.caller.masked
        ? maskPhone(row.caller)
        : row.caller;
  return {
    call: {
      callId: row.callId,
      caller,
      queue: row.queue,
      offeredAt: row.offeredAt?.toISOString() ?? null,
      answeredAt: row.answeredAt?.toISOString() ?? null,
      endedAt: row.endedAt?.toISOString() ?? null,
      agent: row.agentName ?? row.agentUsername,
    },
  };
}
