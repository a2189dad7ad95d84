import type { ActionName } from '../../../common/contracts/tickets';
import { callbackTermsOf } from '../callback/terms';
import type { ActionPayload } from './effect-input';
import { extensionRelayOf } from './extension-relay';
import { leadAssignment, type CoreRules, type OrderSnapshot } from './order';
import { callbackFacts } from './order-effects';
import type { PendingRequest, TicketStatus } from './statuses';
import {
  decideTransition,
  type ActionFacts,
  type ActorStanding,
  type DecisionResult,
  type TransitionState,
} from './transitions';

/** The state the transition table judges: the order's status and requests, callback terms, relay. */
export function orderTransitionState(
  s: OrderSnapshot,
  platformUnitIds: ReadonlySet<number>,
  rules: CoreRules,
): TransitionState {
  const lead = leadAssignment(s.assignments);
  return {
    status: s.order.status as TicketStatus,
    pendingRequest: (s.order.pending_request as PendingRequest) ?? null,
    statusBeforeSuspend: (s.order.status_before_suspend as TicketStatus | null) ?? null,
    leadIsPlatform: lead ? platformUnitIds.has(lead.unit_id) : false,
    callback: callbackTermsOf(rules.profile, s.order.ticket_no, s.events),
    extensionRelay: extensionRelayOf(rules.profile, s.order, s.assignments, s.events),
  };
}

/** Decides one action on an order with the transition table (the facts of a callback included). */
export function decideAction<A extends ActionName>(
  s: OrderSnapshot,
  platformUnitIds: ReadonlySet<number>,
  action: A,
  payload: ActionPayload<A>,
  standing: ActorStanding,
  rules: CoreRules,
): DecisionResult {
  const facts: ActionFacts =
    action === 'record-callback' ? callbackFacts(rules, payload as ActionPayload<'record-callback'>) : {};
  return decideTransition(orderTransitionState(s, platformUnitIds, rules), action, standing, facts);
}
