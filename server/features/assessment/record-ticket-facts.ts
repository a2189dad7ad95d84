import { deriveFacts } from '../../domain/kpi';
import type { Trx } from '../tickets/tickets.repository';
import { loadFactSource, replaceFacts } from './ticket-facts.repository';

/**
 * Keeps an order's assessment facts (ticket_fact) in step with its record: called by
 * performActionIn after every action, inside the action's transaction, so each stage's
 * completion (on time or not) is stored when it happens.
 */
export async function recordTicketFacts(trx: Trx, ticketId: number): Promise<void> {
  const src = await loadFactSource(trx, ticketId);
  if (!src) return;
  await replaceFacts(trx, ticketId, deriveFacts(src));
}
