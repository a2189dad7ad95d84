import { ticketStatusLabels } from '../../domain/ticket/statuses';
import { isTicketStatus } from '../../domain/ticket/transitions';
import type { AppContext } from '../../platform/context';
import { isAppError } from '../../platform/errors';
import { isActionName, parseActionPayload, performActionIn, syncDeadlines } from '../tickets/perform-action';
import type { Actor } from '../tickets/standing';
import { appendEvent, type Trx } from '../tickets/tickets.repository';
import { importActor } from './actors';
import { existingTicketNos, insertImportedTicket, orderHolders } from './import.repository';
import { openedTicketRow, openingEvent, type ImportRefs } from './opening';
import { Refusal, type PlannedEvent, type PlannedOrder } from './plan-order';
import type { UnitDirectory } from './unit-directory';

/** `intoTicketNo` (merge) → `intoTicketId` of an order already written. */
async function withMergeTarget(trx: Trx, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (typeof payload.intoTicketNo !== 'string') return payload;
  const { intoTicketNo, ...rest } = payload;
  const id = (await existingTicketNos(trx, [intoTicketNo])).get(intoTicketNo);
  if (id === undefined) throw new Refusal(`合并目标工单 ${intoTicketNo} 不存在`);
  return { ...rest, intoTicketId: id };
}

/** The context of one event: the platform's clock fixed at the event's time. */
export function atTime(ctx: AppContext, at: Date): AppContext {
  return { ...ctx, clock: { now: () => at } };
}

export function refusalOf(err: unknown, e: PlannedEvent | null): Refusal {
  let message =
    err instanceof Refusal || isAppError(err)
      ? err.message
      : err instanceof Error
        ? err.message
        : String(err);
  const status =
    isAppError(err) && err.code === 'TRANSITION_NOT_ALLOWED'
      ? (err.details as { status?: unknown } | undefined)?.status
      : undefined;
  if (typeof status === 'string' && isTicketStatus(status)) {
    message += `（工单状态：${ticketStatusLabels[status]}）`;
  }
  const issue =
    isAppError(err) && err.code === 'VALIDATION_FAILED' && Array.isArray(err.details)
      ? (err.details[0] as { path?: unknown } | undefined)
      : undefined;
  if (typeof issue?.path === 'string') message += `（payload${issue.path}）`;
  if (err instanceof Refusal && err.eventIndex !== null) return err;
  return new Refusal(message, e?.index ?? null, e?.action ?? null);
}

/**
 * Imports one order through the same use-case code as the API: the order is opened as intake
 * opens it, then every event runs through performActionIn (lock → decide → effects → event →
 * deadlines → facts) with the clock fixed at the event's time, all in one transaction. Any
 * event the rules refuse rolls the whole order back.
 */
export async function importOrderExact(
  ctx: AppContext,
  plan: PlannedOrder,
  units: UnitDirectory,
  refs: ImportRefs,
): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const ticketId = await insertImportedTicket(trx, openedTicketRow(plan, ctx.rules, refs));
    await appendEvent(trx, openingEvent(plan, ticketId, refs));
    await syncDeadlines(atTime(ctx, plan.opening.at), trx, ticketId, plan.opening.at);
    for (const e of plan.events) {
      let actor: Actor | null = null;
      try {
        if (!isActionName(e.action)) throw new Refusal(`未知操作 ${e.action}`);
        actor = importActor(e, await orderHolders(trx, ticketId), units, refs.importUserId);
        const payload = parseActionPayload(e.action, await withMergeTarget(trx, e.payload));
        await performActionIn(atTime(ctx, e.at), trx, actor, ticketId, e.action, payload, {
          history: true,
        });
      } catch (err) {
        if (isAppError(err) && err.code === 'NOT_FOUND' && actor) {
          throw refusalOf(
            new Refusal(`单位 ${units.get(actor.unit.id)?.code ?? actor.unit.id} 不是该工单的承办单位`),
            e,
          );
        }
        throw refusalOf(err, e);
      }
    }
    return ticketId;
  });
}
