import { actionPayloads, type ActionName } from '../../../common/contracts/tickets';
import { computeDeadlines } from '../../domain/sla';
import { recordTicketFacts } from '../assessment/record-ticket-facts';
import { decideTransition, type ActionFacts } from '../../domain/ticket/transitions';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { callbackFacts, effects, type EffectInput } from './action-effects';
import { callbackTermsOf } from '../../domain/callback/terms';
import { loadActor, standingOf, transitionStateOf, unitInfo, type Actor } from './standing';
import { refreshDeadlines, slaFactsOf } from './ticket-deadlines';
import { extensionRelayOf } from './extension-relay';
import { withRetry } from '../../platform/retry';
import {
  appendEvent,
  listAssignments,
  lockTicket,
  lockTicketsInOrder,
  updateTicket,
  type Trx,
} from './tickets.repository';
import { canView } from './visibility';

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(actionPayloads, name);
}

export function parseActionPayload(action: ActionName, body: unknown) {
  const parsed = actionPayloads[action].safeParse(body ?? {});
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      parsed.error.issues[0]?.message ?? '提交的数据不符合要求',
      parsed.error.issues.map((x) => ({ path: `/${x.path.join('/')}`, message: x.message })),
    );
  }
  return parsed.data;
}

export async function loadOrderEvents(trx: Trx, ticketId: number) {
  const rows = await trx
    .selectFrom('ticket_event')
    .select(['at', 'action', 'payload'])
    .where('ticket_id', '=', ticketId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ at: r.at, action: r.action, payload: r.payload as Record<string, unknown> }));
}

/**
 * One action on one order (DESIGN rule 2): lock the row, decide with the transition table,
 * apply the action's effects, write the new state and the event in the same transaction,
 * then restore the stage deadlines. A concurrent second action waits for the lock and is
 * then judged against the new state, so exactly one of two conflicting actions wins.
 * A transaction aborted as a deadlock victim or for a serialization failure runs again
 * (withRetry); when its retries are spent the answer is 503 BUSY.
 */
export async function performAction(
  ctx: AppContext,
  user: SessionUser | { system: true },
  ticketId: number,
  action: ActionName,
  body: unknown,
  opts: { expectedVersion?: number } = {},
): Promise<{ status: string; seq: number }> {
  const payload = parseActionPayload(action, body);
  const actor: Actor | null = 'system' in user ? null : await loadActor(ctx.db, user);
  return withRetry(ctx.db, (trx) => performActionIn(ctx, trx, actor, ticketId, action, payload, opts));
}

/** The same, inside the caller's transaction; `actor` null is the system (deadline sweep). */
export async function performActionIn(
  ctx: AppContext,
  trx: Trx,
  actor: Actor | null,
  ticketId: number,
  action: ActionName,
  payload: ReturnType<typeof parseActionPayload>,
  opts: { expectedVersion?: number } = {},
): Promise<{ status: string; seq: number }> {
  {
    const now = ctx.clock.now();
    // Lock order (decision 0006): orders before their rows, several orders in ascending id.
    if (action === 'merge') {
      const into = (payload as EffectInput<'merge'>['payload']).intoTicketId;
      await lockTicketsInOrder(trx, [ticketId, into]);
    }
    const ticket = await lockTicket(trx, ticketId);
    if (!ticket) throw new AppError('NOT_FOUND', '工单不存在');
    const assignments = await listAssignments(trx, ticketId);
    const units = await unitInfo(trx, ticket, assignments);
    if (actor) {
      const platformPath = ticket.platform_unit_id ? units.paths.get(ticket.platform_unit_id) : undefined;
      const paths = assignments.map((a) => units.paths.get(a.unit_id) ?? '');
      if (!canView(actor, platformPath, paths)) throw new AppError('NOT_FOUND', '工单不存在');
    }
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== ticket.version) {
      throw new AppError('CONFLICT', '工单已被他人更新，请刷新后重试', { version: ticket.version });
    }
    const events = await loadOrderEvents(trx, ticketId);
    const state = {
      ...transitionStateOf(ticket, assignments, units.platforms),
      callback: callbackTermsOf(ctx.rules.profile, ticket.ticket_no, events),
      extensionRelay: extensionRelayOf(ctx.rules.profile, ticket, assignments, events),
    };
    const standing = actor
      ? standingOf(actor, ticket, assignments, units.paths)
      : { parties: new Set(['system'] as const) };
    const facts: ActionFacts =
      action === 'record-callback'
        ? callbackFacts(ctx.rules, payload as EffectInput<'record-callback'>['payload'])
        : {};
    const result = decideTransition(state, action, standing, facts);
    if (!result.ok) {
      throw new AppError('TRANSITION_NOT_ALLOWED', result.reason, { status: ticket.status, action });
    }
    const decision = result.decision;
    const deadlines = computeDeadlines(
      ctx.rules.profile,
      ctx.rules.calendar,
      slaFactsOf(ticket, assignments, events),
    );
    const effect = effects[action] as (
      i: EffectInput<ActionName>,
    ) => ReturnType<(typeof effects)[ActionName]>;
    const out = await effect({
      trx,
      rules: ctx.rules,
      now,
      actor: actor ?? systemActor,
      ticket,
      assignments,
      events,
      deadlines,
      decision,
      payload,
    });
    await updateTicket(trx, ticketId, {
      ...out.patch,
      status: decision.to,
      pending_request: decision.pendingRequest,
      status_before_suspend: decision.statusBeforeSuspend,
      updated_at: now,
    });
    const seq = await appendEvent(trx, {
      ticketId,
      at: now,
      actorUserId: actor?.userId ?? null,
      actorUnitId: actor?.unit.id ?? null,
      action,
      party: decision.party,
      payload: { ...payload, ...out.eventExtra },
      from: decision.from,
      to: decision.to,
    });
    await syncDeadlines(ctx, trx, ticketId, now);
    await recordTicketFacts(trx, ticketId);
    return { status: decision.to, seq };
  }
}

const systemActor: Actor = {
  userId: 0,
  role: 'admin',
  unit: { id: 0, path: '/', kind: 'center', is_platform: true },
};

/** Recomputes and stores an order's stage deadlines and its light (inside the caller's transaction). */
export async function syncDeadlines(ctx: AppContext, trx: Trx, ticketId: number, now: Date) {
  const fresh = await lockTicket(trx, ticketId);
  if (!fresh) return;
  const assignments = await listAssignments(trx, ticketId);
  const events = await loadOrderEvents(trx, ticketId);
  const summary = await refreshDeadlines(trx, ctx.rules, fresh, assignments, events, now);
  await trx
    .updateTable('ticket')
    .set({
      light: summary.light,
      handle_due_at: summary.handleDueAt,
      provisional: summary.provisional,
      profile_id: ctx.rules.profile.id,
      profile_version: ctx.rules.profile.version,
      calendar_version: ctx.rules.calendarVersion,
    })
    .where('id', '=', ticketId)
    .execute();
  return summary;
}
