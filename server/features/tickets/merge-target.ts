import { terminalStatuses } from '../../domain/ticket/statuses';
import { AppError } from '../../platform/errors';
import { unitInfo, type Actor } from './standing';
import { findTicket, listAssignments, lockTicket, type TicketRow, type Trx } from './tickets.repository';
import { canView } from './visibility';

/** How far a chain of merged orders is followed before it is taken for a cycle. */
const MAX_CHAIN = 32;

async function actorSees(trx: Trx, actor: Actor, ticket: TicketRow): Promise<boolean> {
  const assignments = await listAssignments(trx, ticket.id);
  const units = await unitInfo(trx, ticket, assignments);
  const platformPath = ticket.platform_unit_id ? units.paths.get(ticket.platform_unit_id) : undefined;
  return canView(
    actor,
    platformPath,
    assignments.map((a) => units.paths.get(a.unit_id) ?? ''),
  );
}

/** True when following `merged_into_id` from `start` reaches `sourceId` (or never ends). */
async function chainReaches(trx: Trx, start: TicketRow, sourceId: number): Promise<boolean> {
  let next = start.merged_into_id;
  for (let step = 0; next !== null; step++) {
    if (next === sourceId || step >= MAX_CHAIN) return true;
    next = (await findTicket(trx, next))?.merged_into_id ?? null;
  }
  return false;
}

/**
 * The order a duplicate is merged into (一事一单), read under the lock the caller took on both
 * orders in id order (decision 0006) and under the actor's scope: an order the actor cannot see
 * is answered exactly like a missing one, without its number. A target that has ended, was merged
 * itself, or whose chain leads back to the source is refused.
 */
export async function lockMergeTarget(
  trx: Trx,
  actor: Actor,
  source: TicketRow,
  intoTicketId: number,
): Promise<TicketRow> {
  const target = intoTicketId === source.id ? undefined : await lockTicket(trx, intoTicketId);
  if (!target || !(await actorSees(trx, actor, target))) {
    throw new AppError('VALIDATION_FAILED', '合并目标工单不存在');
  }
  if (target.status === 'merged' || (await chainReaches(trx, target, source.id))) {
    throw new AppError('TRANSITION_NOT_ALLOWED', '目标工单已合并到其他工单，不能作为合并目标', {
      status: target.status,
    });
  }
  if ((terminalStatuses as readonly string[]).includes(target.status)) {
    throw new AppError('TRANSITION_NOT_ALLOWED', '不能合并到已结束的工单', { status: target.status });
  }
  return target;
}
