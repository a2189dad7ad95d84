import type { SimilarResponse } from '../../../common/contracts/intake-assist';
import { repeatedClosedMatter } from '../../domain/similar/score';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { loadVisibleOrder } from '../tickets/get-ticket';
import { loadActor } from '../tickets/standing';
import { findSimilarScored } from './find-similar';
import { mergedRepeats } from './similar.repository';

/**
 * GET /api/tickets/:id/similar: orders about the same matter as this one, best first, other
 * than itself and the orders merged into it; a matter closed on the same facts is flagged
 * `closed` (zibo-12345 §11(1)), and a caller repeating a closed matter is flagged
 * `repeatedClosedMatter` (the intake also supervises it: server/features/supervision/repeat-calls.ts).
 */
export async function similarToTicket(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  limit: number,
): Promise<SimilarResponse> {
  const actor = await loadActor(ctx.db, user);
  const { ticket } = await loadVisibleOrder(ctx.db, actor, id);
  const repeats = await mergedRepeats(ctx.db, id);
  const scored = await findSimilarScored(
    ctx.db,
    actor,
    {
      content: ticket.content,
      location: ticket.location_address,
      callerPhone: ticket.caller_phone,
      excludeTicketId: id,
      excludeIds: repeats.map((r) => Number(r.id)),
    },
    { limit, now: ctx.clock.now() },
  );
  const sameCaller = scored.filter((s) => s.sameCaller && s.likelyDuplicate);
  return {
    items: scored.map(({ sameCaller: _same, ...item }) => item),
    repeatedClosedMatter: repeatedClosedMatter(sameCaller),
  };
}
