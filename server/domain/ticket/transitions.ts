import type { PendingRequest, TicketStatus } from './statuses';
import { terminalStatuses, ticketStatuses } from './statuses';
import { actionLabels, ticketActions, type TicketAction } from './actions';
import {
  open,
  relayRefusal,
  transitionTable,
  type ActorStanding,
  type ActionFacts,
  type Party,
  type Rule,
  type TransitionState,
} from './transition-table';

export * from './actions';
export * from './transition-table';
export interface Decision {
  action: TicketAction;
  party: Party;
  from: TicketStatus;
  to: TicketStatus;
  pendingRequest: PendingRequest;
  statusBeforeSuspend: TicketStatus | null;
}

export type DecisionResult = { ok: true; decision: Decision } | { ok: false; reason: string };

function matches(rule: Rule, s: TransitionState, a: ActorStanding, party: Party): boolean {
  return matchesBeforeRefusal(rule, s, a, party) && !(rule.refuse?.(s) ?? null);
}

/** The reason a profile rule refuses an action that the table would otherwise allow. */
function refusalOf(action: string, s: TransitionState, a: ActorStanding): string | null {
  for (const rule of transitionTable) {
    if (rule.action !== action || !rule.refuse) continue;
    for (const party of rule.party) {
      if (matchesBeforeRefusal(rule, s, a, party)) {
        const reason = rule.refuse(s);
        if (reason) return reason;
      }
    }
  }
  return null;
}

function matchesBeforeRefusal(rule: Rule, s: TransitionState, a: ActorStanding, party: Party): boolean {
  if (!rule.party.includes(party) || !a.parties.has(party)) return false;
  const fromOk = rule.from === open ? !terminalStatuses.includes(s.status) : rule.from.includes(s.status);
  if (!fromOk) return false;
  if (rule.pending === 'none' && s.pendingRequest !== null) return false;
  if (rule.pending && rule.pending !== 'none' && s.pendingRequest !== rule.pending) return false;
  return rule.guard ? rule.guard(s, a) : true;
}

function findRule(action: string, s: TransitionState, a: ActorStanding): { rule: Rule; party: Party } | null {
  for (const rule of transitionTable) {
    if (rule.action !== action) continue;
    for (const party of rule.party) if (matches(rule, s, a, party)) return { rule, party };
  }
  return null;
}

export function decideTransition(
  s: TransitionState,
  action: string,
  actor: ActorStanding,
  facts: ActionFacts = {},
): DecisionResult {
  if (!(ticketActions as readonly string[]).includes(action)) {
    return { ok: false, reason: `未知操作 ${action}` };
  }
  const found = findRule(action, s, actor);
  if (!found) {
    const reason =
      refusalOf(action, s, actor) ??
      relayRefusal(action, s, actor) ??
      `当前状态下不能执行“${actionLabels[action as TicketAction]}”`;
    return { ok: false, reason };
  }
  const { rule, party } = found;
  let to: TicketStatus;
  if (rule.to === 'same') to = s.status;
  else if (rule.to === 'before-suspend') to = s.statusBeforeSuspend ?? 'pending_dispatch';
  else if (typeof rule.to === 'function') {
    const r = rule.to(facts, s);
    to = r === 'same' ? s.status : r;
  } else to = rule.to;
  return {
    ok: true,
    decision: {
      action: rule.action,
      party,
      from: s.status,
      to,
      pendingRequest: rule.setPending !== undefined ? rule.setPending : s.pendingRequest,
      statusBeforeSuspend:
        to === 'suspended' ? s.status : rule.action === 'resume' ? null : s.statusBeforeSuspend,
    },
  };
}

/** The actions this actor may take now, for `allowedActions` in responses. */
export function allowedActions(s: TransitionState, actor: ActorStanding): TicketAction[] {
  return ticketActions.filter(
    (a) =>
      a !== 'remind' &&
      a !== 'recompute-deadlines' &&
      a !== 'respond-supervision' &&
      findRule(a, s, actor) !== null,
  );
}

export function isTicketStatus(v: string): v is TicketStatus {
  return (ticketStatuses as readonly string[]).includes(v);
}
