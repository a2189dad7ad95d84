import { renderExplanation } from '../../../common/deadline-text';
import type {
  AssignmentView,
  CallerView as CallerDto,
  DeadlineDetail,
  TicketDetail,
  TicketEvent,
  TicketListItem,
  TicketPage,
} from '../../../common/contracts/ticket-responses';
import type {
  Channel,
  Light,
  Satisfaction,
  SourceLevel,
  StageKey,
  TicketType,
  Urgency,
} from '../../../common/enums';
import {
  actionLabels,
  labelOf,
  ticketStatusLabels,
  type AssignmentRole,
  type AssignmentStatus,
  type PendingRequest,
  type TicketAction,
  type TicketStatus,
} from '../../../common/ticket-vocabulary';
import { formatInstant, type WorkCalendar } from '../../domain/calendar';
import type { CallbackTerms } from '../../domain/callback/terms';
import { stageLightAt, workingDaysLeft } from '../../domain/sla';
import { stagesOwed, windowStages } from '../../domain/sla/order-light';
import { presentCallbackTerms } from './callback-terms.presenter';
import { presentCaller, textFor, type CallerFacts, type CallerView } from './caller-privacy';
import { activeAssignments } from './standing';
import type { AssignmentRow, DeadlineRow, TicketRow } from './tickets.repository';

/**
 * Work orders as the HTTP contract shows them (common/contracts/ticket-responses.ts): instants
 * as ISO strings, vocabulary typed, caller fields per the viewer's caller view, working days left
 * from the calendar in force.
 */

/** The clock and calendar a response is computed against. */
export interface PresentAt {
  now: Date;
  calendar: WorkCalendar;
  /** Names to cite a site profile's articles by (citationNames). */
  profileNames?: Readonly<Record<string, string>>;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A page of orders as list-tickets reads it (instants as Dates, vocabulary as strings). */
export interface ListPageFacts {
  total: number;
  page: number;
  pageSize: number;
  items: (Omit<
    TicketListItem,
    | 'status'
    | 'pendingRequest'
    | 'type'
    | 'channel'
    | 'urgency'
    | 'level'
    | 'light'
    | 'receivedAt'
    | 'dispatchedAt'
    | 'closedAt'
    | 'workingDaysLeft'
  > & {
    status: string;
    pendingRequest: string | null;
    type: string;
    channel: string;
    urgency: string;
    level: string;
    light: string;
    receivedAt: Date;
    dispatchedAt: Date | null;
    closedAt: Date | null;
  })[];
}

export function presentTicketPage<P extends ListPageFacts>(
  page: P,
  at: PresentAt,
): Omit<P, 'items'> & TicketPage {
  return {
    ...page,
    items: page.items.map((r) => ({
      ...r,
      status: r.status as TicketStatus,
      pendingRequest: r.pendingRequest as PendingRequest,
      type: r.type as TicketType,
      channel: r.channel as Channel,
      urgency: r.urgency as Urgency,
      level: r.level as SourceLevel,
      light: r.light as Light,
      receivedAt: r.receivedAt.toISOString(),
      dispatchedAt: iso(r.dispatchedAt),
      closedAt: iso(r.closedAt),
      workingDaysLeft: r.handleBy ? workingDaysLeft(at.calendar, new Date(r.handleBy), at.now) : null,
    })),
  };
}

function presentAssignment(
  a: AssignmentRow,
  unitNames: ReadonlyMap<number, string>,
  reply: string | null,
): AssignmentView {
  return {
    id: a.id,
    unitId: a.unit_id,
    unitName: unitNames.get(a.unit_id) ?? '',
    role: a.role as AssignmentRole,
    status: a.status as AssignmentStatus,
    active: activeAssignments([a]).length === 1,
    dispatchedByUnitId: a.dispatched_by_unit_id,
    dispatchedAt: iso(a.dispatched_at),
    acceptedAt: iso(a.accepted_at),
    contactedAt: iso(a.contacted_at),
    repliedAt: iso(a.replied_at),
    reply,
    endedAt: iso(a.ended_at),
  };
}

export function presentDeadline(r: DeadlineRow, status: string, at: PresentAt): DeadlineDetail {
  // Met, a window, or no longer owed in the order's status: no light, no time left.
  const open =
    r.met_at === null &&
    !windowStages.includes(r.stage as StageKey) &&
    stagesOwed(status).includes(r.stage as StageKey);
  const windowOpen = r.met_at === null && windowStages.includes(r.stage as StageKey);
  return {
    stage: r.stage as StageKey,
    startAt: formatInstant(r.start_at),
    dueAt: formatInstant(r.due_at),
    warnAt: r.warn_at ? formatInstant(r.warn_at) : null,
    redAt: r.red_at ? formatInstant(r.red_at) : null,
    metAt: r.met_at ? formatInstant(r.met_at) : null,
    open: open || windowOpen,
    light: open
      ? stageLightAt({ dueAt: r.due_at, warnAt: r.warn_at, redAt: r.red_at }, null, at.now)
      : 'green',
    workingDaysLeft: open || windowOpen ? workingDaysLeft(at.calendar, r.due_at, at.now) : null,
    provisional: r.provisional,
    explain: renderExplanation(r.explanation, at.profileNames),
    explanation: r.explanation,
    profileId: r.profile_id,
    profileVersion: r.profile_version,
    calendarVersion: r.calendar_version,
  };
}

/** Everything get-ticket gathered about one order for one viewer. */
export interface TicketFacts {
  ticket: TicketRow;
  assignments: AssignmentRow[];
  unitNames: ReadonlyMap<number, string>;
  complainedUnitName: string | null;
  numberComplaint: TicketDetail['numberComplaint'];
  categoryName: string | null;
  view: CallerView;
  caller: CallerFacts;
  deadlines: DeadlineRow[];
  light: Light;
  callbackTerms: CallbackTerms;
  allowed: TicketAction[];
}

export function presentTicket(f: TicketFacts, at: PresentAt): TicketDetail {
  const { ticket, view, caller } = f;
  const text = (s: string | null) => textFor(view, caller, s);
  return {
    id: ticket.id,
    ticketNo: ticket.ticket_no,
    version: ticket.version,
    status: ticket.status as TicketStatus,
    statusLabel: labelOf(ticketStatusLabels, ticket.status),
    pendingRequest: ticket.pending_request as PendingRequest,
    channel: ticket.channel as Channel,
    type: ticket.type as TicketType,
    category: ticket.category_code,
    categoryName: f.categoryName,
    urgency: ticket.urgency as Urgency,
    level: ticket.source_level as SourceLevel,
    complex: ticket.complex,
    caller: presentCaller(view, caller) satisfies CallerDto,
    complainedUnitId: ticket.complained_unit_id,
    complainedUnitName: f.complainedUnitName,
    complainedPerson: ticket.complained_person,
    numberComplaint: f.numberComplaint,
    location: { address: text(ticket.location_address), region: ticket.location_region },
    content: textFor(view, caller, ticket.content),
    demand: text(ticket.demand),
    channelRef: ticket.channel_ref,
    tags: ticket.tags,
    answer: text(ticket.answer),
    notAcceptedReason: ticket.not_accepted_reason,
    suggestedChannel: ticket.suggested_channel,
    mergedIntoId: ticket.merged_into_id,
    platformUnitId: ticket.platform_unit_id,
    leadUnitId: ticket.lead_unit_id,
    leadUnitName: ticket.lead_unit_id ? (f.unitNames.get(ticket.lead_unit_id) ?? null) : null,
    receivedAt: ticket.received_at.toISOString(),
    dispatchedAt: iso(ticket.dispatched_at),
    repliedAt: iso(ticket.replied_at),
    closedAt: iso(ticket.closed_at),
    processSatisfaction: ticket.process_satisfaction as Satisfaction | null,
    resultSatisfaction: ticket.result_satisfaction as Satisfaction | null,
    contactedByUnit: ticket.contacted_by_unit,
    redoCount: ticket.redo_count,
    callback: presentCallbackTerms(f.callbackTerms),
    emergencyResultDays: ticket.emergency_result_days,
    assignments: f.assignments.map((a) => presentAssignment(a, f.unitNames, text(a.reply))),
    deadlines: Object.fromEntries(f.deadlines.map((r) => [r.stage, formatInstant(r.due_at)])),
    deadlineDetails: f.deadlines.map((r) => presentDeadline(r, ticket.status, at)),
    light: f.light,
    provisional: ticket.provisional,
    profileId: ticket.profile_id,
    allowedActions: f.allowed,
    allowedActionLabels: Object.fromEntries(f.allowed.map((a) => [a, actionLabels[a]])),
  };
}

/** One timeline entry; the payload already passed through the viewer's caller view. */
export function presentEvent(
  e: {
    seq: number;
    at: Date;
    action: string;
    party: string | null;
    actorUserId: number | null;
    actorName: string | null;
    actorUnitId: number | null;
    actorUnitName: string | null;
    fromStatus: string | null;
    toStatus: string | null;
  },
  payload: Record<string, unknown>,
): TicketEvent {
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    action: e.action,
    actionLabel: labelOf(actionLabels, e.action),
    party: e.party,
    actorUserId: e.actorUserId,
    actorName: e.actorName,
    actorUnitId: e.actorUnitId,
    actorUnitName: e.actorUnitName,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    payload,
  };
}
