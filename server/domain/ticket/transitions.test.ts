import { describe, expect, it } from 'vitest';
import { ticketStatuses, type PendingRequest, type TicketStatus } from './statuses';
import {
  actionLabels,
  decideTransition,
  ticketActions,
  type ActorStanding,
  type Party,
  type TicketAction,
  type TransitionState,
} from './transitions';

/**
 * The whole transition table, status × action × party, against a matrix written by hand from
 * the articles (not from the table): zibo-12345 §11 (受理/转办/办理/延期/反馈/回退/续报/回访/重办/办结),
 * §12, §15-§16; tianjin-wuqing §17-§25; tianjin-urban §5-§8; shanghai-962200 §10-§13;
 * beijing-miyun §17-§20.
 */
const parties: Party[] = ['platform', 'lead', 'co', 'callback', 'supervisor', 'agent', 'system'];
const open = ticketStatuses.filter((s) => !['closed', 'answered', 'not_accepted', 'merged'].includes(s));
const all = [...ticketStatuses];

type Allowed = Partial<Record<Party, { from: readonly TicketStatus[]; to: TicketStatus | 'same' }>>;

/** With no pending request, the lead unit an ordinary unit, no co-handling assignment of the actor. */
const plain: Record<TicketAction, Allowed> = {
  // 转办 [zibo §11(2); wuqing §16-§18]: the platform dispatches and may re-assign before signing.
  dispatch: { platform: { from: ['pending_dispatch', 'dispatched'], to: 'dispatched' } },
  // 签收 by the lead unit.
  accept: { lead: { from: ['dispatched'], to: 'in_progress' } },
  // 加盟企业 [tianjin-wuqing §35-§36]: referred before dispatch; the enterprise reports back.
  'refer-enterprise': {
    platform: { from: ['pending_dispatch'], to: 'referred' },
    agent: { from: ['pending_dispatch'], to: 'referred' },
  },
  'report-referral': { enterprise: { from: ['referred'], to: 'pending_callback' } },
  // 先行联系 [wuqing §19(1); shanghai §11(1)], 答复 [zibo §11(5)], 续报 [zibo §11(7)]: while handling.
  'record-contact': { lead: { from: ['in_progress'], to: 'same' } },
  reply: { lead: { from: ['in_progress'], to: 'replied' } },
  'report-progress': { lead: { from: ['in_progress'], to: 'same' } },
  // 审核 [zibo §11(8); tianjin-urban §4(3)].
  'approve-reply': { platform: { from: ['replied'], to: 'pending_callback' } },
  'reject-reply': { platform: { from: ['replied'], to: 'in_progress' } },
  // 回访 [zibo §11(8)]: a call that did not reach the citizen leaves the order waiting.
  'record-callback': {
    callback: { from: ['pending_callback'], to: 'same' },
    platform: { from: ['pending_callback'], to: 'same' },
  },
  // 重办 [zibo §11(9); tianjin-urban §7(2)].
  redo: {
    platform: { from: ['unsatisfied'], to: 'in_progress' },
    callback: { from: ['unsatisfied'], to: 'in_progress' },
  },
  // 办结 [zibo §11(10)].
  close: {
    platform: { from: ['unsatisfied', 'pending_callback'], to: 'closed' },
    callback: { from: ['unsatisfied', 'pending_callback'], to: 'closed' },
  },
  // 质检评定 [tianjin-wuqing §25].
  inspect: {
    callback: { from: ['unsatisfied'], to: 'same' },
    supervisor: { from: ['unsatisfied'], to: 'same' },
  },
  // 申诉 [tianjin-urban §5(5), §6(3), §7(2)].
  appeal: { lead: { from: ['unsatisfied'], to: 'appealed' } },
  'uphold-appeal': {
    platform: { from: ['appealed'], to: 'closed' },
    callback: { from: ['appealed'], to: 'closed' },
  },
  'dismiss-appeal': {
    platform: { from: ['appealed'], to: 'unsatisfied' },
    callback: { from: ['appealed'], to: 'unsatisfied' },
  },
  // 回退 [zibo §11(6); tianjin-urban §8(5)]: asked before or after signing; decided when asked.
  'request-return': { lead: { from: ['dispatched', 'in_progress'], to: 'same' } },
  'approve-return': {},
  'reject-return': {},
  // 延期 [zibo §11(4); beijing-miyun §17]: asked while handling; decided when asked.
  'request-extension': { lead: { from: ['in_progress'], to: 'same' } },
  'approve-extension': {},
  'reject-extension': {},
  'forward-extension': {},
  // 一事一单 [shanghai §10]: duplicates merged before dispatch; 不予受理 by the platform.
  merge: {
    platform: { from: ['pending_dispatch'], to: 'merged' },
    agent: { from: ['pending_dispatch'], to: 'merged' },
  },
  'not-accept': { platform: { from: ['pending_dispatch'], to: 'not_accepted' } },
  // 挂起 [zibo §16] until responsibility is ruled on; resumed where it stood.
  suspend: { platform: { from: ['pending_dispatch', 'dispatched', 'in_progress'], to: 'suspended' } },
  resume: { platform: { from: ['suspended'], to: 'pending_dispatch' } },
  // 督办 [zibo §12, §15(2); shanghai §12]: of open orders; automatic also of closed ones.
  supervise: {
    supervisor: { from: open, to: 'same' },
    platform: { from: open, to: 'same' },
    system: { from: all, to: 'same' },
  },
  // 催办 [beijing-miyun §20]: of orders a unit still owes something.
  remind: {
    system: { from: ['dispatched', 'in_progress', 'replied', 'suspended'], to: 'same' },
    supervisor: { from: ['dispatched', 'in_progress', 'replied', 'suspended'], to: 'same' },
    platform: { from: ['dispatched', 'in_progress', 'replied', 'suspended'], to: 'same' },
  },
  'recompute-deadlines': { system: { from: open, to: 'same' } },
  // The party complained about is corrected by the platform [zibo §17; wuqing §30(4)].
  update: { platform: { from: open, to: 'same' } },
  // A written answer to a supervision, at any stage [shanghai §12].
  'respond-supervision': {
    lead: { from: all, to: 'same' },
    co: { from: all, to: 'same' },
    platform: { from: all, to: 'same' },
  },
};

const state = (status: TicketStatus, pendingRequest: PendingRequest = null): TransitionState => ({
  status,
  pendingRequest,
  statusBeforeSuspend: null,
  leadIsPlatform: false,
});
const as = (party: Party, extra: Partial<ActorStanding> = {}): ActorStanding => ({
  parties: new Set([party]),
  coAssignmentStatus: null,
  ...extra,
});

describe('the transition table, every status × action × party', () => {
  for (const action of ticketActions) {
    it(`${action} (${actionLabels[action]})`, () => {
      for (const status of ticketStatuses) {
        for (const party of parties) {
          const rule = plain[action][party];
          const r = decideTransition(state(status), action, as(party));
          if (rule?.from.includes(status)) {
            expect(r, `${action} by ${party} from ${status}`).toMatchObject({
              ok: true,
              decision: { party, from: status, to: rule.to === 'same' ? status : rule.to },
            });
          } else {
            expect(r, `${action} by ${party} from ${status}`).toEqual({
              ok: false,
              reason: `当前状态下不能执行“${actionLabels[action]}”`,
            });
          }
        }
      }
    });
  }

  it('refuses an unknown action by name', () => {
    expect(decideTransition(state('in_progress'), 'approve', as('platform'))).toEqual({
      ok: false,
      reason: '未知操作 approve',
    });
  });
});

describe('pending requests [zibo §11(4), §11(6)]', () => {
  const deciding = ['approve-return', 'reject-return'] as const;
  it('a return request is decided by the platform, before or after signing', () => {
    for (const status of ['dispatched', 'in_progress'] as const) {
      const approve = decideTransition(state(status, 'return'), 'approve-return', as('platform'));
      expect(approve).toMatchObject({ ok: true, decision: { to: 'pending_dispatch', pendingRequest: null } });
      const reject = decideTransition(state(status, 'return'), 'reject-return', as('platform'));
      expect(reject).toMatchObject({ ok: true, decision: { to: status, pendingRequest: null } });
    }
    for (const action of deciding) {
      expect(decideTransition(state('in_progress', 'return'), action, as('lead')).ok).toBe(false);
    }
  });
  it('while a request waits, the unit neither replies nor asks again, nor is the order re-dispatched', () => {
    for (const [action, party] of [
      ['reply', 'lead'],
      ['request-return', 'lead'],
      ['request-extension', 'lead'],
      ['suspend', 'platform'],
    ] as const) {
      expect(decideTransition(state('in_progress', 'extension'), action, as(party)).ok).toBe(false);
    }
    expect(decideTransition(state('dispatched', 'return'), 'dispatch', as('platform')).ok).toBe(false);
    expect(decideTransition(state('dispatched', 'return'), 'accept', as('lead')).ok).toBe(false);
  });
  it('an extension request is decided by the platform while handling', () => {
    const r = decideTransition(state('in_progress', 'extension'), 'approve-extension', as('platform'));
    expect(r).toMatchObject({ ok: true, decision: { to: 'in_progress', pendingRequest: null } });
    expect(decideTransition(state('in_progress', 'extension'), 'request-extension', as('lead')).ok).toBe(
      false,
    );
  });
  it('relayed [tianjin-wuqing §21]: the sub-platform forwards, the city platform alone decides', () => {
    const relay = (forwarded: boolean): TransitionState => ({
      ...state('in_progress', 'extension'),
      extensionRelay: { article: 'tianjin-wuqing §21', forwarded },
    });
    expect(decideTransition(relay(false), 'forward-extension', as('platform')).ok).toBe(true);
    const own = decideTransition(relay(false), 'approve-extension', as('platform'));
    expect(own).toEqual({
      ok: false,
      reason: '延期申请须由本平台转报上级平台审批，本平台不能自行决定（tianjin-wuqing §21）',
    });
    const city = as('platform', { abovePlatform: true });
    expect(decideTransition(relay(false), 'approve-extension', city)).toEqual({
      ok: false,
      reason: '延期申请须先由承办平台转报（tianjin-wuqing §21）',
    });
    expect(decideTransition(relay(true), 'approve-extension', city).ok).toBe(true);
  });
});

describe('co-handling units [tianjin-wuqing §18]', () => {
  it('sign, contact and reply on their own assignment, without moving the order', () => {
    const co = (s: 'dispatched' | 'accepted') => as('co', { coAssignmentStatus: s });
    expect(decideTransition(state('in_progress'), 'accept', co('dispatched'))).toMatchObject({
      ok: true,
      decision: { to: 'in_progress' },
    });
    expect(decideTransition(state('dispatched'), 'accept', co('dispatched'))).toMatchObject({
      ok: true,
      decision: { to: 'dispatched' },
    });
    expect(decideTransition(state('in_progress'), 'reply', co('accepted'))).toMatchObject({
      ok: true,
      decision: { to: 'in_progress' },
    });
    expect(decideTransition(state('in_progress'), 'record-contact', co('accepted')).ok).toBe(true);
    expect(decideTransition(state('in_progress'), 'reply', co('dispatched')).ok).toBe(false);
    expect(decideTransition(state('in_progress'), 'accept', co('accepted')).ok).toBe(false);
  });
});

describe('a sub-platform as lead [wuqing §16-§18]', () => {
  it('re-dispatches to its own units instead of signing', () => {
    const s = { ...state('dispatched'), leadIsPlatform: true };
    expect(decideTransition(s, 'dispatch', as('lead'))).toMatchObject({
      ok: true,
      decision: { to: 'dispatched', party: 'lead' },
    });
    expect(decideTransition(s, 'accept', as('lead')).ok).toBe(false);
  });
});

describe('outcomes that depend on facts and history', () => {
  it('a callback reaching a satisfied citizen closes, an unsatisfied one goes to judgement [zibo §11(8)]', () => {
    const s = state('pending_callback');
    expect(
      decideTransition(s, 'record-callback', as('callback'), { reached: true, satisfied: true }),
    ).toMatchObject({ ok: true, decision: { to: 'closed' } });
    expect(
      decideTransition(s, 'record-callback', as('callback'), { reached: true, satisfied: false }),
    ).toMatchObject({ ok: true, decision: { to: 'unsatisfied' } });
  });
  it('resume returns to the status before the suspension [zibo §16]', () => {
    const suspended = decideTransition(state('in_progress'), 'suspend', as('platform'));
    expect(suspended).toMatchObject({
      ok: true,
      decision: { to: 'suspended', statusBeforeSuspend: 'in_progress' },
    });
    const s = { ...state('suspended'), statusBeforeSuspend: 'in_progress' as const };
    expect(decideTransition(s, 'resume', as('platform'))).toMatchObject({
      ok: true,
      decision: { to: 'in_progress', statusBeforeSuspend: null },
    });
  });
  it('close is refused where every unsatisfied order is handled again [tianjin-urban §7(2)]', () => {
    const s: TransitionState = {
      ...state('unsatisfied'),
      callback: {
        sample: { inSample: false, rate: 1, reason: '', article: null },
        failedAttempt: false,
        compulsoryRedo: 'tianjin-urban §7(2)',
        inspection: null,
      },
    };
    expect(decideTransition(s, 'close', as('platform'))).toEqual({
      ok: false,
      reason: '回访不满意的工单须再次办理，不能直接办结，请选择“重办”（tianjin-urban §7(2)）',
    });
  });
});
