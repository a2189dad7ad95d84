import type { AppContext } from '../../platform/context';
import { ticketIdsAfter } from './assessment.repository';
import { recordTicketFacts } from './record-ticket-facts';

/**
 * Rebuilds the assessment facts of every order from its record (for orders that
 * existed before the facts table, or after a change to the fact rules). Idempotent.
 */
export async function refreshFacts(ctx: AppContext, onProgress?: (done: number) => void): Promise<number> {
  let after = 0;
  let done = 0;
  for (;;) {
    const ids = await ticketIdsAfter(ctx.db, after, 500);
    if (ids.length === 0) break;
    await ctx.db.transaction().execute(async (trx) => {
      for (const id of ids) await recordTicketFacts(trx, id);
    });
    done += ids.length;
    after = ids[ids.length - 1] ?? after;
    onProgress?.(done);
  }
  return done;
}
