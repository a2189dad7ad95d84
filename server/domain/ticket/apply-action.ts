import type { ActionName } from '../../../common/contracts/tickets';
import { deriveFacts, factSourceOf } from '../kpi';
import { computeDeadlines } from '../sla';
import {
  accept,
  approveReturn,
  dispatch,
  recordContact,
  redo,
  rejectReply,
  reply,
  requestReturn,
} from './assignment-effects';
import { AssignmentWork, none, type ActionPayload, type Effect, type EffectInput } from './effect-input';
import {
  ActionRefusal,
  type ActionRefs,
  type CoreRules,
  type NewSupervision,
  type OrderChanges,
  type OrderEvent,
  type OrderSnapshot,
} from './order';
import { slaFactsOf, stageRowsOf } from './order-deadlines';
import {
  approveExtension,
  close,
  inspect,
  merge,
  notAccept,
  recordCallback,
  requestExtension,
  supervise,
  reportReferral,
  update,
  uphold,
} from './order-effects';
import type { Decision } from './transitions';

/** What each action does besides changing the order's state (one table, for every caller). */
export const actionEffects: { [A in ActionName]: Effect<A> } = {
  dispatch,
  accept,
  'record-contact': recordContact,
  reply,
  'approve-reply': none,
  'reject-reply': rejectReply,
  'record-callback': recordCallback,
  redo,
  close,
  inspect,
  'request-return': requestReturn,
  'approve-return': approveReturn,
  'reject-return': none,
  'request-extension': requestExtension,
  'approve-extension': approveExtension,
  'reject-extension': none,
  'forward-extension': none,
  'report-progress': none,
  appeal: none,
  'uphold-appeal': uphold,
  'dismiss-appeal': none,
  merge,
  'not-accept': notAccept,
  suspend: none,
  resume: none,
  supervise,
  remind: none,
  'recompute-deadlines': none,
  update,
  'refer-enterprise': none,
  'report-referral': reportReferral,
};

function isEffectAction(action: string): action is ActionName {
  return Object.prototype.hasOwnProperty.call(actionEffects, action);
}

/** The stored form of an event payload (JSON: undefined fields dropped, instants as strings). */
const stored = (v: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(JSON.stringify(v)) as Record<string, unknown>;

/**
 * The functional core of an action: given the order as loaded, the transition already decided,
 * the parsed payload, the outside facts it names (`refs`), the rules and the instant, returns
 * every change to persist — order columns, assignment inserts and updates, the event, any
 * supervision, the stage deadlines and the assessment facts. Pure: no I/O, no clock. Throws an
 * ActionRefusal when a rule of the action refuses it.
 */
export function applyAction(
  state: OrderSnapshot,
  decision: Decision,
  payload: ActionPayload<ActionName>,
  refs: ActionRefs & { system?: boolean },
  rules: CoreRules,
  now: Date,
): OrderChanges {
  const { order, assignments, events } = state;
  const work = new AssignmentWork(assignments, refs.nextAssignmentId);
  const supervisions: NewSupervision[] = [];
  const action = decision.action;
  if (!isEffectAction(action)) throw new ActionRefusal('VALIDATION_FAILED', `未知操作 ${action}`);
  const input: EffectInput<ActionName> = {
    rules,
    now,
    refs,
    order,
    events,
    deadlines: computeDeadlines(rules.profile, rules.calendar, slaFactsOf(order, assignments, events)),
    decision,
    payload,
    work,
    supervisions,
  };
  const effect = actionEffects[action] as Effect<ActionName>;
  const out = effect(input);
  const patch = {
    ...out.patch,
    status: decision.to,
    pending_request: decision.pendingRequest,
    status_before_suspend: decision.statusBeforeSuspend,
    updated_at: now,
  };
  const next = { ...order, ...patch, version: order.version + 1 };
  const eventPayload = stored({ ...payload, ...out.eventExtra });
  const event = {
    ticket_id: order.id,
    seq: events.length + 1,
    at: now,
    actor_user_id: refs.system ? null : refs.actor.userId,
    actor_unit_id: refs.system ? null : refs.actor.unit.id,
    action: decision.action,
    party: decision.party,
    payload: eventPayload,
    from_status: decision.from,
    to_status: decision.to,
  };
  const allEvents: OrderEvent[] = [
    ...events,
    { at: now, action: decision.action, party: decision.party, payload: eventPayload },
  ];
  const sla = stageRowsOf(rules, next, work.list, allEvents, now);
  const withSummary = { ...next, ...sla.summary };
  return {
    patch: { ...patch, ...sla.summary },
    order: withSummary,
    assignments: work.list,
    assignmentInserts: work.inserts,
    assignmentUpdates: [...work.updates].map(([id, p]) => ({ id, patch: p })),
    event,
    supervisions,
    deadlines: sla.rows,
    facts: deriveFacts(
      factSourceOf({ ticket: next, assignments: work.list, events: allEvents, deadlines: sla.rows }),
    ),
  };
}
