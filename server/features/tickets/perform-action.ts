import { actionPayloads, type ActionName } from '../../../common/contracts/tickets';
import { applyAction } from '../../domain/ticket/apply-action';
import { decideAction } from '../../domain/ticket/decide-action';
import type { ActionPayload } from '../../domain/ticket/effect-input';
import { ActionRefusal, type ActionRefs, type OrderChanges } from '../../domain/ticket/order';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { withRetry } from '../../platform/retry';
import { findCategory } from '../categories/categories.repository';
import { lockMergeTarget } from './merge-target';
import { loadOrderForAction, persistChanges } from './order-action.repository';
import { loadActor, standingOf, type Actor } from './standing';
import { lockTicketsInOrder, type Trx } from './tickets.repository';
import { canView } from './visibility';
import { rateReferral, recordReferral } from '../enterprises/referrals';
import { isReferredToUser } from '../enterprises/enterprise-desk.repository';
import { noticesForAction } from '../notifications/order-notices';
import { enqueueActionEvent } from '../webhooks/outbox';

export { loadOrderEvents, syncDeadlines } from './order-sync';

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

/** A refusal of the functional core in the error vocabulary. */
export function asAppError(e: unknown): unknown {
  return e instanceof ActionRefusal ? new AppError(e.code, e.message, e.details) : e;
}

/** The units a payload names (dispatch targets, a suggested unit, the party complained about). */
export function unitsNamedBy(action: ActionName, payload: ActionPayload<ActionName>): number[] {
  if (action === 'dispatch') {
    const p = payload as ActionPayload<'dispatch'>;
    return [p.unitId, ...p.coUnitIds];
  }
  if (action === 'request-return') {
    const id = (payload as ActionPayload<'request-return'>).suggestedUnitId;
    return id ? [id] : [];
  }
  if (action === 'update') {
    const id = (payload as ActionPayload<'update'>).complainedUnitId;
    return id ? [id] : [];
  }
  return [];
}

/** How many assignments an action may create (ids are taken with the load). */
export function newAssignmentsOf(action: ActionName, payload: ActionPayload<ActionName>): number {
  if (action !== 'dispatch') return 0;
  const p = payload as ActionPayload<'dispatch'>;
  return 1 + new Set(p.coUnitIds.filter((id) => id !== p.unitId)).size;
}

/**
 * One action on one order (DESIGN rule 2): load (the order locked), decide with the transition
 * table, apply the action (server/domain/ticket/apply-action.ts, pure) and persist its changes,
 * in one transaction. A concurrent second action waits for the lock and is then judged against
 * the new state, so exactly one of two conflicting actions wins. A transaction aborted as a
 * deadlock victim or for a serialization failure runs again (withRetry); when its retries are
 * spent the answer is 503 BUSY.
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

/**
 * The same, inside the caller's transaction; `actor` null is the system (deadline sweep).
 * `history` (an import) and `quiet` (the demo's generated orders) tell nobody: no notification,
 * message or page.
 */
export async function performActionIn(
  ctx: AppContext,
  trx: Trx,
  actor: Actor | null,
  ticketId: number,
  action: ActionName,
  payload: ReturnType<typeof parseActionPayload>,
  opts: { expectedVersion?: number; history?: boolean; quiet?: boolean } = {},
): Promise<{ status: string; seq: number }> {
  const now = ctx.clock.now();
  if (action === 'dispatch') await checkCategory(trx, (payload as ActionPayload<'dispatch'>).category);
  // Lock order (decision 0006): orders before their rows, several orders in ascending id.
  if (action === 'merge') {
    await lockTicketsInOrder(trx, [ticketId, (payload as ActionPayload<'merge'>).intoTicketId]);
  }
  const loaded = await loadOrderForAction(trx, ticketId, {
    unitIds: unitsNamedBy(action, payload),
    newAssignments: newAssignmentsOf(action, payload),
  });
  if (!loaded) throw new AppError('NOT_FOUND', '工单不存在');
  const { ticket, assignments, events, units } = loaded;
  const paths = new Map([...units].map(([id, u]) => [id, u.path]));
  // A franchise enterprise's account acts on the orders referred to it (tianjin-wuqing §36).
  const referredToActor =
    actor?.role === 'enterprise' &&
    actor.userId !== null &&
    (await isReferredToUser(trx, ticketId, actor.userId));
  if (actor && !referredToActor) {
    const platformPath = ticket.platform_unit_id ? paths.get(ticket.platform_unit_id) : undefined;
    if (
      !canView(
        actor,
        platformPath,
        assignments.map((a) => paths.get(a.unit_id) ?? ''),
      )
    ) {
      throw new AppError('NOT_FOUND', '工单不存在');
    }
  }
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== ticket.version) {
    throw new AppError('CONFLICT', '工单已被他人更新，请刷新后重试', { version: ticket.version });
  }
  const snapshot = { order: ticket, assignments, events };
  const platforms = new Set([...units.values()].filter((u) => u.is_platform).map((u) => u.id));
  const standing = !actor
    ? { parties: new Set(['system'] as const) }
    : actor.role === 'enterprise'
      ? { parties: new Set(referredToActor ? (['enterprise'] as const) : []) }
      : standingOf(actor, ticket, assignments, paths);
  const result = decideAction(snapshot, platforms, action, payload, standing, ctx.rules);
  if (!result.ok) {
    throw new AppError('TRANSITION_NOT_ALLOWED', result.reason, { status: ticket.status, action });
  }
  const ids = [...loaded.newAssignmentIds];
  const refs: ActionRefs & { system?: boolean } = {
    actor: actor ? { userId: actor.userId, unit: actor.unit } : { userId: null, unit: { id: 0, path: '/' } },
    units,
    nextAssignmentId: () => {
      const id = ids.shift();
      if (id === undefined) throw new Error('no assignment id reserved');
      return id;
    },
    ...(actor ? {} : { system: true }),
    ...(opts.history ? { history: true } : {}),
  };
  if (action === 'merge') {
    const target = await lockMergeTarget(
      trx,
      actor ?? systemActor,
      ticket,
      (payload as ActionPayload<'merge'>).intoTicketId,
    );
    refs.mergeTarget = { id: target.id, ticket_no: target.ticket_no, status: target.status };
  }
  if (action === 'refer-enterprise') {
    // Refuses an enterprise that is not an approved member (lock order: the order, then it).
    const p = payload as ActionPayload<'refer-enterprise'>;
    await recordReferral(trx, { ticketId, enterpriseId: p.enterpriseId, by: actor?.userId ?? null, at: now });
  }
  let changes: OrderChanges;
  try {
    changes = applyAction(snapshot, result.decision, payload, refs, ctx.rules, now);
  } catch (e) {
    throw asAppError(e);
  }
  await persistChanges(trx, changes);
  // Webhook deliveries (and a forward to a remote installation) in the same transaction.
  if (!opts.history) {
    const { to } = result.decision;
    await enqueueActionEvent(trx, { ticketId, action, to, seq: changes.event.seq, at: now, payload });
  }
  // Notifications, text messages and pages, in the same transaction (not for replayed history).
  if (!opts.history && !opts.quiet) {
    await noticesForAction(ctx, trx, { action, ticket, before: assignments, units, changes });
  }
  if (action === 'record-callback') {
    // The callback's rating of a referred order makes the enterprise's stars (tianjin-wuqing §35).
    const p = payload as ActionPayload<'record-callback'>;
    if (p.reached && p.resultSatisfaction) {
      await rateReferral(trx, { ticketId, rating: p.resultSatisfaction, at: now });
    }
  }
  return { status: result.decision.to, seq: changes.event.seq };
}

/** A category named by a dispatch exists and is in use (as at intake). */
async function checkCategory(trx: Trx, code: string | undefined): Promise<void> {
  if (!code) return;
  const cat = await findCategory(trx, code);
  if (!cat) {
    throw new AppError('VALIDATION_FAILED', `问题分类 ${code} 不存在`, [
      { path: '/category', message: 'unknown' },
    ]);
  }
  if (!cat.active) {
    throw new AppError('VALIDATION_FAILED', `问题分类 ${code} 已停用，请选择其他分类`, [
      { path: '/category', message: 'disabled' },
    ]);
  }
}

const systemActor: Actor = {
  userId: 0,
  role: 'admin',
  unit: { id: 0, path: '/', kind: 'center', is_platform: true },
};
