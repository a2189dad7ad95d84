import type { Light, SourceLevel, StageKey, TicketType, Urgency } from '../../../common/enums';
import { computeDeadlines, type SlaFacts, type StageDeadline, type StageDeadlines } from '../sla';
import { orderLightAt, windowStages } from '../sla/order-light';
import {
  leadAssignment,
  type Assignment,
  type CoreRules,
  type DeadlineSummary,
  type Order,
  type StageRow,
} from './order';

export { windowStages };

interface EventLite {
  at: Date;
  action: string;
  payload: Record<string, unknown>;
}

type SlaOrder = Pick<
  Order,
  | 'received_at'
  | 'dispatched_at'
  | 'replied_at'
  | 'closed_at'
  | 'type'
  | 'urgency'
  | 'source_level'
  | 'category_code'
  | 'complex'
  | 'emergency_result_days'
>;
type SlaAssignment = Pick<Assignment, 'status' | 'role' | 'accepted_at'>;

/** The SLA facts of an order, from its row, its assignments and the events that move deadlines. */
export function slaFactsOf(
  ticket: SlaOrder,
  assignments: readonly SlaAssignment[],
  events: readonly EventLite[],
): SlaFacts {
  const lead = leadAssignment(assignments);
  const since = ticket.dispatched_at ? ticket.dispatched_at.getTime() : Number.POSITIVE_INFINITY;
  const extensions = events
    .filter((e) => e.action === 'approve-extension' && e.at.getTime() >= since)
    .map((e) => ({ workingDays: Number(e.payload.workingDays), approvedAt: e.at }));
  const pauses: SlaFacts['pauses'] = [];
  for (const e of events) {
    if (e.action === 'suspend') pauses.push({ from: e.at, to: null });
    else if (e.action === 'resume') {
      const open = pauses.find((p) => p.to === null);
      if (open) open.to = e.at;
    }
  }
  return {
    receivedAt: ticket.received_at,
    dispatchedAt: ticket.dispatched_at,
    acceptedAt: lead?.accepted_at ?? null,
    repliedAt: ticket.replied_at,
    closedAt: ticket.closed_at,
    type: ticket.type as TicketType,
    urgency: ticket.urgency as Urgency,
    level: ticket.source_level as SourceLevel,
    category: ticket.category_code,
    complex: ticket.complex,
    emergencyResultDays: ticket.emergency_result_days,
    extensions,
    pauses,
  };
}

/**
 * When a stage was met, from the order and its assignments (null: not yet); a window ends when it
 * no longer applies: the return window once the lead unit signs for the order, the extension
 * request window once the unit replies.
 */
export function metAt(
  stage: StageKey,
  ticket: Pick<Order, 'dispatched_at' | 'closed_at' | 'replied_at' | 'callback_at'>,
  assignments: readonly Assignment[],
  events: readonly EventLite[] = [],
  /** When the stage's window opened (its start), for windows. */
  windowStart: Date | null = null,
): Date | null {
  const lead = leadAssignment(assignments);
  switch (stage) {
    case 'dispatchBy': {
      // The first dispatch by the platform [zibo-12345 §11(2)]; an order closed without dispatch
      // (answered at intake) owes none.
      const times = assignments.filter((a) => a.role === 'lead').map((a) => a.dispatched_at.getTime());
      if (times.length > 0) return new Date(Math.min(...times));
      return ticket.dispatched_at ?? ticket.closed_at;
    }
    case 'feedbackBy': {
      // 反馈 [beijing-miyun §19]: the unit tells the citizen the result. The lead unit's reply
      // records whether it did (`contacted`); the first such reply meets the stage.
      const since = ticket.dispatched_at?.getTime() ?? 0;
      const told = events.find(
        (e) =>
          e.action === 'reply' &&
          e.payload.contacted === true &&
          e.payload.unitId === lead?.unit_id &&
          e.at.getTime() >= since,
      );
      return told ? told.at : null;
    }
    case 'receiveBy': {
      // Signed for by the lead unit, or forwarded by a sub-platform that received it.
      const since = ticket.dispatched_at?.getTime() ?? 0;
      const times = assignments
        .filter((a) => a.role === 'lead' && a.dispatched_at.getTime() >= since)
        .map((a) => a.accepted_at ?? (a.status === 'forwarded' ? a.ended_at : null))
        .filter((d): d is Date => d !== null)
        .map((d) => d.getTime());
      return times.length ? new Date(Math.min(...times)) : null;
    }
    case 'firstContactBy':
      return lead?.contacted_at ?? null;
    case 'handleBy':
      return ticket.replied_at;
    case 'callbackBy':
      return ticket.callback_at;
    case 'returnBy': {
      // Signed for after the window opened (it runs from dispatch): the unit has taken the order
      // on. A window that runs from the sign-for itself (tianjin-urban §8(5)) ends at the reply.
      const since = windowStart?.getTime() ?? ticket.dispatched_at?.getTime() ?? 0;
      const accepted = lead?.accepted_at;
      return accepted && accepted.getTime() > since ? accepted : (ticket.replied_at ?? ticket.closed_at);
    }
    case 'extensionRequestBy':
      return ticket.replied_at ?? ticket.closed_at;
  }
}

/** Every stage deadline of an order as rows to store, and the order's summary (light, due time). */
export function stageRowsOf(
  rules: CoreRules,
  order: Order,
  assignments: readonly Assignment[],
  events: readonly EventLite[],
  now: Date,
): { deadlines: StageDeadlines; rows: StageRow[]; summary: DeadlineSummary } {
  const facts = slaFactsOf(order, assignments, events);
  const deadlines = computeDeadlines(rules.profile, rules.calendar, facts);
  const lead = leadAssignment(assignments);
  const rows: StageRow[] = [];
  for (const [stage, d] of Object.entries(deadlines) as [StageKey, StageDeadline][]) {
    const isWindow = windowStages.includes(stage);
    rows.push({
      ticket_id: order.id,
      stage,
      unit_id: lead?.unit_id ?? null,
      start_at: d.startAt,
      due_at: d.dueAt,
      warn_at: isWindow ? null : d.warnAt,
      red_at: isWindow ? null : d.redAt,
      met_at: metAt(stage, order, assignments, events, d.startAt),
      alert_level: isWindow ? 3 : null,
      provisional: d.provisional,
      explanation: d.explanation,
      profile_id: rules.profile.id,
      profile_version: rules.profile.version,
      calendar_version: rules.calendarVersion,
    });
  }
  const light: Light = lightOfStageRows(rows, order.status, facts.pauses, now);
  return {
    deadlines,
    rows,
    summary: {
      light,
      handle_due_at: deadlines.handleBy?.dueAt ?? null,
      provisional: Object.values(deadlines).some((d) => d.provisional),
      profile_id: rules.profile.id,
      profile_version: rules.profile.version,
      calendar_version: rules.calendarVersion,
    },
  };
}

/** The order's light from its stored stage rows (`ticket_deadline`), at `now`. */
export function lightOfStageRows(
  rows: readonly {
    stage: string;
    due_at: Date;
    warn_at: Date | null;
    red_at: Date | null;
    met_at: Date | null;
  }[],
  status: string,
  pauses: SlaFacts['pauses'],
  now: Date,
): Light {
  return orderLightAt(
    rows.map((r) => ({
      stage: r.stage as StageKey,
      dueAt: r.due_at,
      warnAt: r.warn_at,
      redAt: r.red_at,
      metAt: r.met_at,
    })),
    status,
    pauses,
    now,
  );
}
