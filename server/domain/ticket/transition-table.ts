import type { AssignmentStatus, PendingRequest, TicketStatus } from './statuses';
import { ticketStatuses } from './statuses';
import { closeRefusal, type CallbackTerms } from '../callback/terms';
import type { Party, TicketAction } from '../../../common/ticket-vocabulary';

export type { Party };
/**
 * The work-order lifecycle as ONE table (DESIGN rule 2). Every state change of an order goes
 * through decideTransition(); the use cases only lock the row, ask here, and write the result.
 * Articles: zibo-12345 §11 (受理/转办/办理/延期/反馈/回退/续报/回访/重办/办结), wuqing §17-§25,
 * tianjin-urban §7-§8, shanghai §10-§13.
 */

export interface TransitionState {
  status: TicketStatus;
  pendingRequest: PendingRequest;
  statusBeforeSuspend: TicketStatus | null;
  /** The lead assignee is itself a (sub-)platform that re-dispatches to its own units. */
  leadIsPlatform: boolean;
  /** Callback sample, failed attempts, compulsory redo and inspection (server/domain/callback). */
  callback?: CallbackTerms;
  /**
   * A pending extension request that a sub-platform must forward to the city platform, which
   * decides [tianjin-wuqing §21; tianjin-urban §8(6)]; null/absent when the profile does not
   * relay or the order is held by the city platform itself.
   */
  extensionRelay?: { article: string; forwarded: boolean } | null;
}

export interface ActorStanding {
  parties: ReadonlySet<Party>;
  /** A platform party strictly above the platform holding the order (the city over a district). */
  abovePlatform?: boolean;
  /** Status of the acting unit's own co-handling assignment, when it has one. */
  coAssignmentStatus?: AssignmentStatus | null;
}

/** Facts of the action that decide its outcome (computed by the use case from the payload). */
export interface ActionFacts {
  /** record-callback: the citizen was reached. */
  reached?: boolean;
  /** record-callback: the ratings count as satisfied under the profile. */
  satisfied?: boolean;
}

export type Target =
  | TicketStatus
  | 'same'
  | 'before-suspend'
  | ((facts: ActionFacts, s: TransitionState) => TicketStatus | 'same');

export interface Rule {
  action: TicketAction;
  party: Party[];
  from: readonly TicketStatus[] | 'open';
  pending?: Exclude<PendingRequest, null> | 'none';
  guard?: (s: TransitionState, a: ActorStanding) => boolean;
  /** A rule of the profile that refuses the action here, with its reason (shown to the user). */
  refuse?: (s: TransitionState) => string | null;
  to: Target;
  setPending?: PendingRequest;
}

export const open = 'open' as const;

/** A relayed extension request is decided by the city platform once forwarded; others as usual. */
const relayDecides = (s: TransitionState, a: ActorStanding): boolean =>
  !s.extensionRelay || (s.extensionRelay.forwarded && a.abovePlatform === true);

/** Why a sub-platform may not decide a relayed extension request itself (null: not that case). */
export function relayRefusal(action: string, s: TransitionState, a: ActorStanding): string | null {
  const relay = s.extensionRelay;
  if (!relay || s.pendingRequest !== 'extension' || !a.parties.has('platform')) return null;
  if (action !== 'approve-extension' && action !== 'reject-extension' && action !== 'forward-extension') {
    return null;
  }
  if (a.abovePlatform !== true) {
    return action === 'forward-extension'
      ? `延期申请已转报上级平台，等待其审批（${relay.article}）`
      : `延期申请须由本平台转报上级平台审批，本平台不能自行决定（${relay.article}）`;
  }
  return relay.forwarded ? null : `延期申请须先由承办平台转报（${relay.article}）`;
}

export const transitionTable: readonly Rule[] = [
  // 加盟企业 [tianjin-wuqing §35-§36]: the platform sends the e-order to an approved franchise
  // enterprise (the citizen's own choice or the nearest, best rated); the enterprise contacts the
  // citizen and reports back; the callback then rates the service.
  {
    action: 'refer-enterprise',
    party: ['platform', 'agent'],
    from: ['pending_dispatch'],
    pending: 'none',
    to: 'referred',
  },
  { action: 'report-referral', party: ['enterprise'], from: ['referred'], to: 'pending_callback' },
  // 转办/派单 [zibo §11(2); wuqing §16-§18; tianjin-urban §8(2)-(3)]: the platform reviews and dispatches;
  // a sub-platform that received the order re-dispatches it to its own units; the platform may re-assign.
  {
    action: 'dispatch',
    party: ['platform'],
    from: ['pending_dispatch', 'dispatched'],
    pending: 'none',
    to: 'dispatched',
  },
  {
    action: 'dispatch',
    party: ['lead'],
    from: ['dispatched'],
    pending: 'none',
    guard: (s) => s.leadIsPlatform,
    to: 'dispatched',
  },
  // 签收 (sign for the order)
  {
    action: 'accept',
    party: ['lead'],
    from: ['dispatched'],
    pending: 'none',
    guard: (s) => !s.leadIsPlatform,
    to: 'in_progress',
  },
  {
    action: 'accept',
    party: ['co'],
    from: ['dispatched', 'in_progress'],
    guard: (_s, a) => a.coAssignmentStatus === 'dispatched',
    to: 'same',
  },
  // 先行联系 [wuqing §19(1); shanghai §11(1)]
  { action: 'record-contact', party: ['lead'], from: ['in_progress'], to: 'same' },
  {
    action: 'record-contact',
    party: ['co'],
    from: ['in_progress'],
    guard: (_s, a) => a.coAssignmentStatus === 'accepted',
    to: 'same',
  },
  // 答复/反馈 [zibo §11(5); beijing-miyun §18]; co-handling units reply to the lead unit [wuqing §18]
  { action: 'reply', party: ['lead'], from: ['in_progress'], pending: 'none', to: 'replied' },
  {
    action: 'reply',
    party: ['co'],
    from: ['dispatched', 'in_progress'],
    guard: (_s, a) => a.coAssignmentStatus === 'accepted',
    to: 'same',
  },
  // 续报 [zibo §11(7)]
  { action: 'report-progress', party: ['lead'], from: ['in_progress'], to: 'same' },
  // 审核 [zibo §11(8); tianjin-urban §4(3)]
  { action: 'approve-reply', party: ['platform'], from: ['replied'], to: 'pending_callback' },
  { action: 'reject-reply', party: ['platform'], from: ['replied'], to: 'in_progress' },
  // 回访 [zibo §11(8); wuqing §25]: satisfied → closed; unsatisfied → judged; not reached → stays
  {
    action: 'record-callback',
    party: ['callback', 'platform'],
    from: ['pending_callback'],
    to: (f) => (!f.reached ? 'same' : f.satisfied ? 'closed' : 'unsatisfied'),
  },
  // 重办 [zibo §11(9); tianjin-urban §7(2)]
  { action: 'redo', party: ['platform', 'callback'], from: ['unsatisfied'], to: 'in_progress' },
  // 办结 [zibo §11(10)]: the answer conforms to law and policy, or the citizen cannot be reached.
  // Not where every unsatisfied order is handled again [tianjin-urban §7(2)]; without a rating
  // only outside the callback sample or after a failed attempt [zibo §11(8); shanghai §13].
  {
    action: 'close',
    party: ['platform', 'callback'],
    from: ['unsatisfied', 'pending_callback'],
    refuse: (s) => closeRefusal(s.status, s.callback),
    to: 'closed',
  },
  // 质检评定 [tianjin-wuqing §25]: an unsatisfied order is inspected and the fault found; a record.
  {
    action: 'inspect',
    party: ['callback', 'supervisor'],
    from: ['unsatisfied'],
    // Without terms (replay, import) the recorded history is trusted.
    guard: (s) => s.callback === undefined || s.callback.inspection !== null,
    to: 'same',
  },
  // 申诉 [tianjin-urban §5(5), §6(3), §7(2)]
  { action: 'appeal', party: ['lead'], from: ['unsatisfied'], to: 'appealed' },
  { action: 'uphold-appeal', party: ['platform', 'callback'], from: ['appealed'], to: 'closed' },
  { action: 'dismiss-appeal', party: ['platform', 'callback'], from: ['appealed'], to: 'unsatisfied' },
  // 回退 [zibo §11(6); tianjin-urban §8(5)]
  {
    action: 'request-return',
    party: ['lead'],
    from: ['dispatched', 'in_progress'],
    pending: 'none',
    to: 'same',
    setPending: 'return',
  },
  {
    action: 'approve-return',
    party: ['platform'],
    from: ['dispatched', 'in_progress'],
    pending: 'return',
    to: 'pending_dispatch',
    setPending: null,
  },
  {
    action: 'reject-return',
    party: ['platform'],
    from: ['dispatched', 'in_progress'],
    pending: 'return',
    to: 'same',
    setPending: null,
  },
  // 延期 [zibo §11(4); wuqing §21; beijing-miyun §17; tianjin-urban §8(6)]
  {
    action: 'request-extension',
    party: ['lead'],
    from: ['in_progress'],
    pending: 'none',
    to: 'same',
    setPending: 'extension',
  },
  // Relayed [tianjin-wuqing §21; tianjin-urban §8(6)]: the sub-platform holding the order forwards
  // the request to the city platform, which alone decides it.
  {
    action: 'forward-extension',
    party: ['platform'],
    from: ['in_progress'],
    pending: 'extension',
    guard: (s, a) => !!s.extensionRelay && !s.extensionRelay.forwarded && a.abovePlatform !== true,
    to: 'same',
  },
  // Approved or rejected alike by the platform that decides it; the order stays where it is.
  ...(['approve-extension', 'reject-extension'] as const).map((action): Rule => ({
    action,
    party: ['platform'],
    from: ['in_progress'],
    pending: 'extension',
    guard: relayDecides,
    to: 'same',
    setPending: null,
  })),
  // 一事一单 [shanghai §10; zibo §11(1)]: a repeat is merged before it is dispatched, into an
  // original that may already be with a unit (decision 0009): it is answered with the original.
  { action: 'merge', party: ['platform', 'agent'], from: ['pending_dispatch'], to: 'merged' },
  { action: 'not-accept', party: ['platform'], from: ['pending_dispatch'], to: 'not_accepted' },
  // 挂起 while responsibility is ruled on [zibo §16]
  {
    action: 'suspend',
    party: ['platform'],
    from: ['pending_dispatch', 'dispatched', 'in_progress'],
    pending: 'none',
    to: 'suspended',
  },
  { action: 'resume', party: ['platform'], from: ['suspended'], to: 'before-suspend' },
  // 督办/催办 [zibo §12, §15; shanghai §12; beijing-miyun §20]
  { action: 'supervise', party: ['supervisor', 'platform'], from: open, to: 'same' },
  // Automatic supervision, also of a closed order that callers report again [zibo §15(2); shanghai §12(3)]
  { action: 'supervise', party: ['system'], from: ticketStatuses, to: 'same' },
  {
    action: 'remind',
    party: ['system', 'supervisor', 'platform'],
    from: ['dispatched', 'in_progress', 'replied', 'suspended'],
    to: 'same',
  },
  // A calendar or profile change recomputes open orders' deadlines, recorded on each (SPEC §4.1)
  { action: 'recompute-deadlines', party: ['system'], from: open, to: 'same' },
  // Administrative update by the platform: the party complained about [zibo §17; wuqing §30(4)]
  { action: 'update', party: ['platform'], from: open, to: 'same' },
  // The supervised unit answers a supervision in writing, at any stage [shanghai-962200 §12]: a
  // record on the order, never a change of its state (server/features/supervision).
  { action: 'respond-supervision', party: ['lead', 'co', 'platform'], from: ticketStatuses, to: 'same' },
];
