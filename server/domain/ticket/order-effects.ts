import type { ActionName } from '../../../common/contracts/tickets';
import { callbackChannelOf, callbackTermsOf, closeWithoutCallbackRecord } from '../callback/terms';
import { selectExtensionTerms, type ExtensionTerms } from '../policy/select';
import type { SourceLevel, TicketType, Urgency } from '../../../common/enums';
import { addDuration } from '../sla';
import { modeAllowed, officeFor, respondWithinFor } from '../supervision/supervision-rules';
import { ActionRefusal, type CoreRules, type Order, type OrderPatch } from './order';
import { fmt, refuse, type ActionPayload, type Effect, type EffectInput } from './effect-input';
import { terminalStatuses, type TicketStatus } from './statuses';

/**
 * Effects of the actions that judge, extend, close or annotate an order (回访, 办结, 延期, 合并,
 * 不予受理, 督办, 修改): pure, on the order in memory.
 */

function countsSatisfied(
  rules: CoreRules,
  p: { processSatisfaction?: string; resultSatisfaction?: string },
): boolean {
  const ok = rules.profile.satisfaction.satisfied as readonly string[];
  const result = p.resultSatisfaction !== undefined && ok.includes(p.resultSatisfaction);
  if (rules.profile.satisfaction.ratings === 'overall') return result;
  return result && (p.processSatisfaction === undefined || ok.includes(p.processSatisfaction));
}

/** The facts of a callback that decide its outcome (reached; satisfied under the profile). */
export function callbackFacts(rules: CoreRules, payload: ActionPayload<'record-callback'>) {
  return { reached: payload.reached, satisfied: payload.reached && countsSatisfied(rules, payload) };
}

export const recordCallback: Effect<'record-callback'> = (i) => {
  const p = i.payload;
  // Phone unless told; a profile demanding the phone refuses others [zibo §11(8)].
  const { channel, refusal } = callbackChannelOf(i.rules.profile.callback, p.channel);
  if (refusal) throw new ActionRefusal('UNPROCESSABLE', refusal, { channel });
  if (!p.reached) return { patch: {}, eventExtra: { satisfied: null, channel } };
  return {
    patch: {
      process_satisfaction: p.processSatisfaction ?? null,
      result_satisfaction: p.resultSatisfaction ?? null,
      contacted_by_unit: p.contactedByUnit ?? null,
      callback_at: i.now,
      ...(i.decision.to === 'closed' ? { closed_at: i.now } : {}),
    },
    eventExtra: { satisfied: countsSatisfied(i.rules, p), channel },
  };
};

/**
 * Closing without a rating records why no callback was needed: outside the sample, or after a
 * failed attempt (the decision has already refused the other cases, see server/domain/callback).
 */
export const close: Effect<'close'> = (i) => ({
  patch: { closed_at: i.now, callback_at: i.order.callback_at ?? i.now },
  ...(i.decision.from === 'pending_callback'
    ? {
        eventExtra: closeWithoutCallbackRecord(callbackTermsOf(i.rules.profile, i.order.ticket_no, i.events)),
      }
    : {}),
});

/** 质检评定 [tianjin-wuqing §25]: the finding is recorded on the event, read by the assessment. */
export const inspect: Effect<'inspect'> = (i) => ({
  patch: {},
  eventExtra: {
    article: i.rules.profile.callback?.inspection?.article ?? null,
    unitId: i.order.lead_unit_id,
  },
});

/**
 * The extension terms of this order: the same selection the deadlines use (exact category codes,
 * resolved from the profile's keys with every code below them, and the `complex` flag).
 */
export function extensionTermsOf(rules: CoreRules, order: Order): ExtensionTerms | null {
  return selectExtensionTerms(rules.profile.extension, {
    type: order.type as TicketType,
    urgency: order.urgency as Urgency,
    level: order.source_level as SourceLevel,
    category: order.category_code,
    complex: order.complex,
  });
}

function approvedExtensionsSinceDispatch(i: EffectInput<ActionName>) {
  const since = i.order.dispatched_at?.getTime() ?? 0;
  return i.events.filter((e) => e.action === 'approve-extension' && e.at.getTime() >= since);
}

export const requestExtension: Effect<'request-extension'> = (i) => {
  const terms = extensionTermsOf(i.rules, i.order);
  if (!terms) throw refuse(`${i.rules.profile.name}未规定延期，不能申请延期`);
  if (terms.maxWorkingDays !== null && i.payload.workingDays > terms.maxWorkingDays) {
    throw refuse(`延期不得超过 ${terms.maxWorkingDays} 个工作日（${terms.article}）`, {
      max: terms.maxWorkingDays,
    });
  }
  if (terms.maxCount !== null && approvedExtensionsSinceDispatch(i).length >= terms.maxCount) {
    throw refuse(`延期次数已达上限 ${terms.maxCount} 次（${terms.article}）`);
  }
  const by = i.deadlines.extensionRequestBy;
  if (by && i.now.getTime() > by.dueAt.getTime()) {
    throw refuse(`已超过延期申请时限（须在 ${fmt(by.dueAt)} 前申请，${by.article}）`, {
      extensionRequestBy: by.dueAt,
    });
  }
  return { patch: {} };
};

export const approveExtension: Effect<'approve-extension'> = (i) => {
  const req = [...i.events].reverse().find((e) => e.action === 'request-extension');
  const workingDays = i.payload.workingDays ?? Number(req?.payload.workingDays ?? 0);
  if (!workingDays) throw new ActionRefusal('VALIDATION_FAILED', '请填写批准延期的工作日数');
  const terms = extensionTermsOf(i.rules, i.order);
  if (terms && terms.maxWorkingDays !== null && workingDays > terms.maxWorkingDays) {
    throw refuse(`延期不得超过 ${terms.maxWorkingDays} 个工作日（${terms.article}）`);
  }
  return {
    patch: {},
    eventExtra: { workingDays, previousHandleBy: i.deadlines.handleBy?.dueAt.toISOString() ?? null },
  };
};

/** 一事一单 [shanghai §10]: the target was read under the lock and the actor's scope by the caller. */
export const merge: Effect<'merge'> = (i) => {
  const target = i.refs.mergeTarget;
  if (!target || target.id !== i.payload.intoTicketId || target.id === i.order.id) {
    throw new ActionRefusal('VALIDATION_FAILED', '合并目标工单不存在');
  }
  if (target.status === 'merged') {
    throw new ActionRefusal('TRANSITION_NOT_ALLOWED', '目标工单已合并到其他工单，不能作为合并目标', {
      status: target.status,
    });
  }
  if (terminalStatuses.includes(target.status as TicketStatus)) {
    throw refuse('不能合并到已结束的工单', { status: target.status });
  }
  return {
    patch: { merged_into_id: target.id, closed_at: i.now },
    eventExtra: { intoTicketNo: target.ticket_no },
  };
};

export const notAccept: Effect<'not-accept'> = (i) => ({
  patch: {
    not_accepted_reason: i.payload.reason,
    suggested_channel: i.payload.suggestedChannel ?? null,
    closed_at: i.now,
  },
});

/** 督办: the supervised unit, its office and answer time from the profile [shanghai-962200 §12]. */
export const supervise: Effect<'supervise'> = (i) => {
  if (!modeAllowed(i.rules.profile, i.payload.mode)) {
    throw new ActionRefusal('UNPROCESSABLE', '本地规定不采用该督办方式');
  }
  const within = respondWithinFor(i.rules.profile, i.payload.respondWithinWorkingDays);
  i.supervisions.push({
    ticket_id: i.order.id,
    trigger: i.payload.trigger,
    mode: i.payload.mode,
    note: i.payload.note ?? null,
    unit_id: i.order.lead_unit_id,
    office: officeFor(i.rules.profile, i.payload.trigger),
    created_by: i.refs.actor.userId,
    created_at: i.now,
    respond_by: i.payload.dueAt
      ? new Date(i.payload.dueAt)
      : addDuration(i.rules.calendar, i.now, within, { endOfDay: i.rules.profile.endOfDay }).at,
  });
  return { patch: {} };
};

export const uphold: Effect<'uphold-appeal'> = (i) => ({ patch: { closed_at: i.now } });

/**
 * A unit named as the party complained about: it exists and is active, and it is not the
 * hotline center itself (every unit lies below it; complaints about the center go to its
 * supervising authority).
 */
export function complainedUnitRefusal(unit: { kind: string; active: boolean } | undefined, unitId: number) {
  if (!unit || !unit.active) {
    return new ActionRefusal('VALIDATION_FAILED', `被投诉单位 ${unitId} 不存在或已停用`, [
      { path: '/complainedUnitId', message: 'unknown' },
    ]);
  }
  if (unit.kind === 'center') {
    return new ActionRefusal('VALIDATION_FAILED', '热线中心本身不能作为被投诉单位，请转其主管部门处理', [
      { path: '/complainedUnitId', message: 'center' },
    ]);
  }
  return null;
}

/** Administrative update by the platform: the party complained about, the old values in the event. */
export const update: Effect<'update'> = (i) => {
  const p = i.payload;
  const patch: OrderPatch = {};
  if (p.complainedUnitId !== undefined) {
    if (p.complainedUnitId !== null) {
      const refusal = complainedUnitRefusal(i.refs.units.get(p.complainedUnitId), p.complainedUnitId);
      if (refusal) throw refusal;
    }
    patch.complained_unit_id = p.complainedUnitId;
  }
  if (p.complainedPerson !== undefined) patch.complained_person = p.complainedPerson || null;
  return {
    patch,
    eventExtra: {
      previous: {
        complainedUnitId: i.order.complained_unit_id,
        complainedPerson: i.order.complained_person,
      },
    },
  };
};

/** 企业反馈 [tianjin-wuqing §36]: the enterprise's report is the order's reply, awaiting the callback. */
export const reportReferral: Effect<'report-referral'> = (i) => ({
  patch: { replied_at: i.now, contacted_by_unit: i.payload.contacted },
  eventExtra: {},
});
