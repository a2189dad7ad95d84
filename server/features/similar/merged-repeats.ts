import type { TicketDetail } from '../../../common/contracts/ticket-responses';
import type { AppContext } from '../../platform/context';
import { presentCaller, textFor, type CallerFacts, type CallerView } from '../tickets/caller-privacy';
import { mergedRepeats } from './similar.repository';

/**
 * The repeats merged into an order, for its detail: each caller as the viewer of the order may
 * see a caller of it (`viewOf`: the target's view, with the repeat's own confidentiality), so
 * the unit handling the order contacts and answers them as it does the order's own caller.
 */
export async function presentMergedRepeats(
  ctx: AppContext,
  ticketId: number,
  viewOf: (c: CallerFacts) => CallerView,
): Promise<NonNullable<TicketDetail['mergedRepeats']>> {
  const rows = await mergedRepeats(ctx.db, ticketId);
  return rows.map((r) => {
    const caller: CallerFacts = {
      name: r.caller_name,
      phone: r.caller_phone,
      address: r.caller_address,
      confidential: r.confidential,
    };
    const view = viewOf(caller);
    return {
      ticketId: Number(r.id),
      ticketNo: r.ticket_no,
      receivedAt: r.received_at.toISOString(),
      caller: presentCaller(view, caller),
      content: textFor(view, caller, r.content),
    };
  });
}
