import type { PendingRequest, TicketStatus } from './statuses';
import { decideTransition, type ActionFacts, type Party, type TransitionState } from './transitions';

/** One recorded event, as the replay needs it. */
export interface RecordedEvent {
  seq: number;
  action: string;
  party: string | null;
  actorUnitId: number | null;
  payload: Record<string, unknown>;
  toStatus: string;
}

export interface ReplayedState {
  status: TicketStatus;
  pendingRequest: PendingRequest;
  statusBeforeSuspend: TicketStatus | null;
  leadUnitId: number | null;
  coUnitIds: number[];
}

const openingStatus: Record<string, TicketStatus> = {
  create: 'pending_dispatch',
  'direct-answer': 'answered',
  'intake-not-accept': 'not_accepted',
};

/**
 * Rebuilds an order's state from its events alone by running every event through the
 * transition table again. Throws at the first event the table would not allow or whose
 * recorded outcome differs, so a passing replay proves the record explains the state.
 * `isPlatformUnit` tells which units are (sub-)platforms that re-dispatch.
 */
export function replay(
  events: readonly RecordedEvent[],
  isPlatformUnit: (unitId: number) => boolean,
): ReplayedState {
  const [first, ...rest] = events;
  if (!first) throw new Error('an order has at least one event');
  const opening = openingStatus[first.action];
  if (!opening || opening !== first.toStatus) {
    throw new Error(`event 1: ${first.action} cannot open an order`);
  }
  const s: ReplayedState & { leadIsPlatform: boolean; co: Map<number, string> } = {
    status: opening,
    pendingRequest: null,
    statusBeforeSuspend: null,
    leadUnitId: null,
    coUnitIds: [],
    leadIsPlatform: false,
    co: new Map(),
  };
  for (const e of rest) {
    // A remote installation's progress (下级平台进展) records; it changes nothing.
    if (e.action === 'exchange-progress') continue;
    const party = e.party as Party;
    const state: TransitionState = {
      status: s.status,
      pendingRequest: s.pendingRequest,
      statusBeforeSuspend: s.statusBeforeSuspend,
      leadIsPlatform: s.leadIsPlatform,
      // The relay is a rule of the profile in force when the request was forwarded: taken as recorded.
      ...(e.action === 'forward-extension' ? { extensionRelay: { article: '', forwarded: false } } : {}),
    };
    const coStatus = party === 'co' && e.actorUnitId !== null ? s.co.get(e.actorUnitId) : undefined;
    const facts: ActionFacts =
      e.action === 'record-callback'
        ? { reached: e.payload.reached === true, satisfied: e.payload.satisfied === true }
        : {};
    const r = decideTransition(
      state,
      e.action,
      { parties: new Set([party]), coAssignmentStatus: (coStatus as never) ?? null },
      facts,
    );
    if (!r.ok) {
      throw new Error(
        `event ${e.seq} (${e.action} by ${party}) is not allowed from ${s.status}: ${r.reason}`,
      );
    }
    if (r.decision.to !== e.toStatus) {
      throw new Error(
        `event ${e.seq} (${e.action}) recorded ${e.toStatus} but the rules give ${r.decision.to}`,
      );
    }
    s.status = r.decision.to;
    s.pendingRequest = r.decision.pendingRequest;
    s.statusBeforeSuspend = r.decision.statusBeforeSuspend;
    switch (e.action) {
      case 'dispatch': {
        const unitId = Number(e.payload.unitId);
        s.leadUnitId = unitId;
        s.leadIsPlatform = isPlatformUnit(unitId);
        const coIds = Array.isArray(e.payload.coUnitIds) ? e.payload.coUnitIds.map(Number) : [];
        if (!e.payload.forwarded) s.co.clear();
        for (const id of coIds) s.co.set(id, 'dispatched');
        break;
      }
      case 'approve-return':
        s.leadUnitId = null;
        s.leadIsPlatform = false;
        s.co.clear();
        break;
      case 'accept':
        if (party === 'co' && e.actorUnitId !== null) s.co.set(e.actorUnitId, 'accepted');
        break;
      case 'reply':
        if (party === 'co' && e.actorUnitId !== null) s.co.set(e.actorUnitId, 'replied');
        break;
      default:
        break;
    }
  }
  s.coUnitIds = [...s.co.keys()].sort((a, b) => a - b);
  return {
    status: s.status,
    pendingRequest: s.pendingRequest,
    statusBeforeSuspend: s.statusBeforeSuspend,
    leadUnitId: s.leadUnitId,
    coUnitIds: s.coUnitIds,
  };
}
