import { monthOf } from './period';
import type { OrderFact } from './types';

/** What the fact derivation reads of an order: its row, assignments, events and stored deadlines. */
export interface FactSourceTicket extends Pick<OrderFact, OrderAttribute> {
  id: number;
  status: string;
  pendingRequest: string | null;
}

/** The order's own attributes, copied onto each of its facts. */
type OrderAttribute =
  'channel' | 'type' | 'categoryCode' | 'region' | 'sourceLevel' | 'urgency' | 'confidential';

/** A fact's counts and findings before any of its events has been read. */
export const beforeEvents = {
  factual: null,
  returnRequests: 0,
  extensionRequests: 0,
  extensionsApproved: 0,
  redoCount: 0,
  supervisionCount: 0,
  reminderCount: 0,
  callbackAttempts: 0,
  callbackAt: null,
  contactedByUnit: null,
  processSatisfaction: null,
  resultSatisfaction: null,
  appealUpheld: null,
} as const satisfies Partial<OrderFact>;

export interface FactSourceAssignment {
  id: number;
  unitId: number;
  role: string;
  dispatchedAt: Date;
  acceptedAt: Date | null;
  contactedAt: Date | null;
}

export interface FactSourceEvent {
  at: Date;
  action: string;
  party: string | null;
  payload: Record<string, unknown>;
}

export interface FactSourceDeadline {
  stage: string;
  dueAt: Date;
}

export interface FactSource {
  ticket: FactSourceTicket;
  assignments: readonly FactSourceAssignment[];
  events: readonly FactSourceEvent[];
  deadlines: readonly FactSourceDeadline[];
}

/** The stored columns of an order, its assignments and deadlines that the facts read. */
export interface FactRows {
  ticket: {
    id: number;
    status: string;
    pending_request: string | null;
    channel: string;
    type: string;
    category_code: string | null;
    location_region: string | null;
    source_level: string;
    urgency: string;
    confidential: boolean;
  };
  assignments: readonly {
    id: number;
    unit_id: number;
    role: string;
    dispatched_at: Date;
    accepted_at: Date | null;
    contacted_at: Date | null;
  }[];
  events: readonly FactSourceEvent[];
  deadlines: readonly { stage: string; due_at: Date }[];
}

/** The fact source of an order as stored (column names as in the tables). */
export function factSourceOf(rows: FactRows): FactSource {
  const t = rows.ticket;
  return {
    ticket: {
      id: t.id,
      status: t.status,
      pendingRequest: t.pending_request,
      channel: t.channel,
      type: t.type,
      categoryCode: t.category_code,
      region: t.location_region,
      sourceLevel: t.source_level,
      urgency: t.urgency,
      confidential: t.confidential,
    },
    assignments: rows.assignments.map((a) => ({
      id: a.id,
      unitId: a.unit_id,
      role: a.role,
      dispatchedAt: a.dispatched_at,
      acceptedAt: a.accepted_at,
      contactedAt: a.contacted_at,
    })),
    events: rows.events,
    deadlines: rows.deadlines.map((d) => ({ stage: d.stage, dueAt: d.due_at })),
  };
}

type Working = OrderFact & { ended: boolean; standingFactual: string | null; returnAskedLate: boolean };

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Derives the facts of one order from its record: one fact per lead assignment, in dispatch
 * order. Pure and deterministic, so the use cases (after every action) and the history import
 * (once per order) store identical rows. Lead assignments are created one per dispatch event,
 * in order; co-handling assignments are not assessed (the lead unit answers for the order).
 */
export function deriveFacts(src: FactSource): OrderFact[] {
  const { ticket } = src;
  const leads = src.assignments.filter((a) => a.role === 'lead').sort((a, b) => a.id - b.id);
  const dueOf = (stage: string) => src.deadlines.find((d) => d.stage === stage)?.dueAt ?? null;
  const facts: Working[] = [];
  let current: Working | null = null;
  let nextLead = 0;
  const end = (outcome: OrderFact['outcome']) => {
    if (current) {
      current.outcome = outcome;
      current.ended = true;
    }
    current = null;
  };

  for (const e of src.events) {
    switch (e.action) {
      case 'dispatch': {
        const a = leads[nextLead++];
        if (!a) break;
        end(e.party === 'lead' ? 'forwarded' : 'reassigned');
        current = newFact(ticket, a);
        facts.push(current);
        break;
      }
      case 'approve-return':
        // zibo-12345 §11(6): a return asked after the return limit is overdue handling.
        end(current?.returnAskedLate === true ? 'returned-late' : 'returned');
        break;
      default:
        if (current) apply(current, e);
    }
  }
  const last = current;
  if (last && !last.ended) {
    last.outcome =
      last.completedAt !== null
        ? 'completed'
        : ticket.pendingRequest === 'return'
          ? 'return-pending'
          : last.repliedAt !== null && ticket.status === 'replied'
            ? 'reply-pending'
            : 'in-progress';
    last.handleDueAt = dueOf('handleBy');
    last.receiveDueAt = dueOf('receiveBy');
    last.firstContactDueAt = dueOf('firstContactBy');
  }
  return facts.map(({ ended: _ended, standingFactual: _factual, returnAskedLate: _late, ...f }) => f);
}

function newFact(t: FactSourceTicket, a: FactSourceAssignment): Working {
  return {
    ticketId: t.id,
    assignmentId: a.id,
    unitId: a.unitId,
    periodMonth: monthOf(a.dispatchedAt),
    dispatchedAt: a.dispatchedAt,
    channel: t.channel,
    type: t.type,
    categoryCode: t.categoryCode,
    region: t.region,
    sourceLevel: t.sourceLevel,
    urgency: t.urgency,
    confidential: t.confidential,
    outcome: 'in-progress',
    handleDueAt: null,
    receiveDueAt: null,
    acceptedAt: a.acceptedAt,
    firstContactDueAt: null,
    contactedAt: a.contactedAt,
    repliedAt: null,
    replyLate: null,
    completedAt: null,
    onTime: null,
    ...beforeEvents,
    ended: false,
    standingFactual: null,
    returnAskedLate: false,
  };
}

function apply(f: Working, e: FactSourceEvent): void {
  const p = e.payload;
  switch (e.action) {
    case 'reply':
      if (e.party !== 'lead') return;
      f.repliedAt = e.at;
      f.replyLate = p.late === true;
      f.standingFactual = str(p.factual);
      return;
    case 'reject-reply':
      f.repliedAt = null;
      f.replyLate = null;
      return;
    case 'approve-reply':
      if (f.completedAt === null) {
        f.completedAt = f.repliedAt ?? e.at;
        f.onTime = f.replyLate !== true;
        f.factual = f.standingFactual;
      }
      return;
    case 'redo':
      f.redoCount++;
      f.repliedAt = null;
      f.replyLate = null;
      return;
    case 'request-return':
      if (e.party === 'lead') {
        f.returnRequests++;
        f.returnAskedLate = p.late === true;
      }
      return;
    case 'request-extension':
      f.extensionRequests++;
      return;
    case 'approve-extension':
      f.extensionsApproved++;
      return;
    case 'record-callback':
      f.callbackAttempts++;
      if (p.reached === true) {
        f.callbackAt = e.at;
        f.contactedByUnit = typeof p.contactedByUnit === 'boolean' ? p.contactedByUnit : null;
        f.processSatisfaction = str(p.processSatisfaction);
        f.resultSatisfaction = str(p.resultSatisfaction);
        f.appealUpheld = null;
      }
      return;
    case 'uphold-appeal':
      f.appealUpheld = true;
      return;
    case 'dismiss-appeal':
      f.appealUpheld = false;
      return;
    case 'supervise':
      f.supervisionCount++;
      return;
    case 'remind':
      f.reminderCount++;
      return;
    default:
      return;
  }
}
