import type { Trx } from '../tickets/tickets.repository';
import { enqueueDeliveries } from './webhooks.repository';

/**
 * The webhook outbox at the places where an order changes: intake (create-ticket), every action
 * (perform-action) and the overdue alerts of the sweep. Each writes its deliveries in the same
 * transaction as the change, so a change committed is a delivery owed, and a change rolled back
 * is none (decision 0010).
 */

/** The event of an action: the names, `ticket.<action>` for the others. */
export function eventOfAction(action: string, to: string): string {
  if (action === 'dispatch') return 'ticket.dispatched';
  if (action === 'reply') return 'ticket.replied';
  if (action === 'close' || (to === 'closed' && action !== 'merge')) return 'ticket.closed';
  return `ticket.${action}`;
}

/** Deliveries of one action; a dispatch to a remote installation's unit is forwarded there too. */
export async function enqueueActionEvent(
  trx: Trx,
  e: { ticketId: number; action: string; to: string; seq: number; at: Date; payload: unknown },
): Promise<void> {
  const unitId =
    e.action === 'dispatch' ? Number((e.payload as { unitId?: unknown } | null)?.unitId) || null : null;
  await enqueueDeliveries(trx, {
    ticketIds: [e.ticketId],
    event: eventOfAction(e.action, e.to),
    seq: e.seq,
    at: e.at,
    forwardUnitId: unitId,
  });
}

/** Deliveries of a new order (its first event). */
export async function enqueueCreated(trx: Trx, ticketId: number, at: Date): Promise<void> {
  await enqueueDeliveries(trx, { ticketIds: [ticketId], event: 'ticket.created', seq: 1, at });
}

/** Deliveries of the orders the sweep found overdue (one statement for the batch). */
export async function enqueueOverdue(trx: Trx, ticketIds: readonly number[], at: Date): Promise<void> {
  await enqueueDeliveries(trx, {
    ticketIds: [...new Set(ticketIds)],
    event: 'ticket.overdue',
    seq: null,
    at,
  });
}
