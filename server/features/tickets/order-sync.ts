import { stageRowsOf } from '../../domain/ticket/order-deadlines';
import type { DeadlineSummary } from '../../domain/ticket/order';
import type { AppContext } from '../../platform/context';
import { writeDeadlines } from './order-action.repository';
import {
  listAssignments,
  listOrderEvents,
  lockTicket,
  writeTicketSummary,
  type Trx,
} from './tickets.repository';

/** An order's events in sequence, as the rules read them. */
export const loadOrderEvents = listOrderEvents;

/**
 * Recomputes and stores an order's stage deadlines and its light from what is stored (inside the
 * caller's transaction): for changes made outside the action path (history import openings).
 */
export async function syncDeadlines(
  ctx: AppContext,
  trx: Trx,
  ticketId: number,
  now: Date,
): Promise<DeadlineSummary | undefined> {
  const fresh = await lockTicket(trx, ticketId);
  if (!fresh) return undefined;
  const assignments = await listAssignments(trx, ticketId);
  const events = await loadOrderEvents(trx, ticketId);
  const { rows, summary } = stageRowsOf(ctx.rules, fresh, assignments, events, now);
  await writeDeadlines(trx, ticketId, rows);
  await writeTicketSummary(trx, ticketId, summary);
  return summary;
}
