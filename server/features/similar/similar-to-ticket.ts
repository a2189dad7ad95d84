import type { SimilarResponse } from '../../../common/contracts/intake-assist';
import { repeatedClosedMatter } from '../../domain/similar/score';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { loadActor, unitInfo } from '../tickets/standing';
import { findTicket, listAssignments } from '../tickets/tickets.repository';
import { canView } from '../tickets/visibility';
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
  const ticket = await findTicket(ctx.db, id);
  if (!ticket) throw new AppError('NOT_FOUND', '工单不存在');
  const assignments = await listAssignments(ctx.db, id);
  const units = await unitInfo(ctx.db, ticket, assignments);
  const platformPath = ticket.platform_unit_id ? units.paths.get(ticket.platform_unit_id) : undefined;
  if (
    !canView(
      actor,
      platformPath,
      assignments.map((a) => units.paths.get(a.unit_id) ?? ''),
    )
  ) {
    throw new AppError('NOT_FOUND', '工单不存在');
  }
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
