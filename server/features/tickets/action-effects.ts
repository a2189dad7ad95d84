import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { actionPayloads, ActionName } from '../../../common/contracts/tickets';
import type { TicketTable } from '../../db/tables/core';
import type { StageDeadlines } from '../../domain/sla';
import type { Decision } from '../../domain/ticket/transitions';
import type { Rules } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { complainantProtectionArticle } from '../../../common/contracts/complainant';
import { formatServiceTime } from '../../../common/service-time';
import { checkComplainedUnit, findComplainedUnit, isWithinComplained } from './complained-party';
import { activeAssignments, leadAssignment, type Actor } from './standing';
import { lockMergeTarget } from './merge-target';
import { modeAllowed } from '../../domain/supervision/supervision-rules';
import { recordSupervision } from '../supervision/record-supervision';
import { callbackChannelOf, callbackTermsOf, closeWithoutCallbackRecord } from '../../domain/callback/terms';
import {
  insertAssignment,
  updateAssignment,
  type AssignmentRow,
  type TicketRow,
  type Trx,
} from './tickets.repository';

export interface EffectInput<A extends ActionName> {
  trx: Trx;
  rules: Rules;
  now: Date;
  actor: Actor;
  ticket: TicketRow;
  assignments: AssignmentRow[];
  events: { at: Date; action: string; payload: Record<string, unknown> }[];
  deadlines: StageDeadlines;
  decision: Decision;
  payload: z.infer<(typeof actionPayloads)[A]>;
}

export interface EffectOutput {
  patch: Updateable<TicketTable>;
  /** What the event records besides the payload (computed facts such as lateness). */
  eventExtra?: Record<string, unknown>;
}

type Effect<A extends ActionName> = (i: EffectInput<A>) => Promise<EffectOutput>;
type Effects = { [A in ActionName]: Effect<A> };

const none = async (): Promise<EffectOutput> => ({ patch: {} });

const refuse = (message: string, details?: unknown) =>
  new AppError('TRANSITION_NOT_ALLOWED', message, details);

function myAssignment(i: EffectInput<ActionName>): AssignmentRow {
  const active = activeAssignments(i.assignments);
  const mine =
    i.decision.party === 'lead'
      ? leadAssignment(i.assignments)
      : (active.find((a) => a.role === 'co' && a.unit_id === i.actor.unit.id) ??
        active.find((a) => a.role === 'co'));
  if (!mine) throw refuse('未找到本单位的承办记录');
  return mine;
}

async function checkUnit(trx: Trx, unitId: number, under: Actor['unit']) {
  const unit = await trx
    .selectFrom('org_unit')
    .select(['id', 'path', 'active', 'kind', 'is_platform', 'name'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit || !unit.active) {
    throw new AppError('VALIDATION_FAILED', `单位 ${unitId} 不存在或已停用`, { unitId });
  }
  if (unit.id === under.id || !unit.path.startsWith(under.path)) {
    throw new AppError('VALIDATION_FAILED', `“${unit.name}”不在本平台的派单范围内`, { unitId });
  }
  return unit;
}

const dispatch: Effect<'dispatch'> = async (i) => {
  const { trx, now, ticket, payload } = i;
  const dispatcherUnit = i.actor.unit;
  const leadUnit = await checkUnit(trx, payload.unitId, dispatcherUnit);
  const coIds = [...new Set(payload.coUnitIds)].filter((id) => id !== payload.unitId);
  const coUnits = [];
  for (const id of coIds) coUnits.push(await checkUnit(trx, id, dispatcherUnit));
  const toComplainedUnit = await requireReasonForComplainedUnit(i, [leadUnit, ...coUnits]);
  const forwarding = i.decision.party === 'lead';
  const lead = leadAssignment(i.assignments);
  for (const a of activeAssignments(i.assignments)) {
    if (forwarding && a.id === lead?.id) {
      await updateAssignment(trx, ticket.id, a.id, { status: 'forwarded', ended_at: now });
    } else if (!forwarding) {
      await updateAssignment(trx, ticket.id, a.id, { status: 'ended', ended_at: now });
    }
  }
  await insertAssignment(trx, {
    ticket_id: ticket.id,
    unit_id: payload.unitId,
    role: 'lead',
    status: 'dispatched',
    dispatched_by_unit_id: dispatcherUnit.id,
    parent_assignment_id: forwarding ? (lead?.id ?? null) : null,
    dispatched_at: now,
  });
  for (const id of coIds) {
    await insertAssignment(trx, {
      ticket_id: ticket.id,
      unit_id: id,
      role: 'co',
      status: 'dispatched',
      dispatched_by_unit_id: dispatcherUnit.id,
      parent_assignment_id: null,
      dispatched_at: now,
    });
  }
  const newChain = i.decision.from === 'pending_dispatch';
  return {
    patch: {
      lead_unit_id: payload.unitId,
      platform_unit_id: dispatcherUnit.id,
      ...(newChain ? { dispatched_at: now, replied_at: null } : {}),
      ...(payload.emergencyResultDays ? { emergency_result_days: payload.emergencyResultDays } : {}),
    },
    eventExtra: {
      coUnitIds: coIds,
      forwarded: forwarding,
      ...(toComplainedUnit ? { toComplainedUnit } : {}),
    },
  };
};

/**
 * Sending an order to the unit it complains about (or one of its sub-units) needs a recorded
 * reason [zibo §17; wuqing §30(4); beijing-miyun §25(7)]: the note becomes required.
 */
async function requireReasonForComplainedUnit(
  i: EffectInput<'dispatch'>,
  units: { id: number; path: string; name: string }[],
): Promise<boolean> {
  const complained = await findComplainedUnit(i.trx, i.ticket.complained_unit_id);
  const hit = units.filter((u) => isWithinComplained(u.path, complained?.path));
  if (hit.length === 0 || !complained) return false;
  if (!i.payload.note) {
    throw new AppError(
      'REASON_REQUIRED',
      `“${hit.map((u) => u.name).join('、')}”是被投诉单位或其下级单位，派单须填写派单理由（${complainantProtectionArticle(i.rules.profile.id)}）`,
      { unitIds: hit.map((u) => u.id), complainedUnitId: complained.id },
    );
  }
  return true;
}

const accept: Effect<'accept'> = async (i) => {
  const a = myAssignment(i);
  await updateAssignment(i.trx, i.ticket.id, a.id, { status: 'accepted', accepted_at: i.now });
  return { patch: {}, eventExtra: { unitId: a.unit_id } };
};

const recordContact: Effect<'record-contact'> = async (i) => {
  const a = myAssignment(i);
  const at = i.payload.at ? new Date(i.payload.at) : i.now;
  if (at.getTime() > i.now.getTime()) throw new AppError('VALIDATION_FAILED', '联系时间不能晚于当前时间');
  if (!a.contacted_at) await updateAssignment(i.trx, i.ticket.id, a.id, { contacted_at: at });
  return { patch: {}, eventExtra: { unitId: a.unit_id, contactedAt: at.toISOString() } };
};

const reply: Effect<'reply'> = async (i) => {
  const a = myAssignment(i);
  await updateAssignment(i.trx, i.ticket.id, a.id, {
    status: 'replied',
    replied_at: i.now,
    reply: i.payload.result,
  });
  if (i.decision.party === 'co') return { patch: {}, eventExtra: { unitId: a.unit_id } };
  const late = i.deadlines.handleBy ? i.now.getTime() > i.deadlines.handleBy.dueAt.getTime() : false;
  return { patch: { replied_at: i.now }, eventExtra: { unitId: a.unit_id, late } };
};

const rejectReply: Effect<'reject-reply'> = async (i) => {
  const lead = leadAssignment(i.assignments);
  if (lead) await updateAssignment(i.trx, i.ticket.id, lead.id, { status: 'accepted', replied_at: null });
  return { patch: { replied_at: null } };
};

function countsSatisfied(
  rules: Rules,
  p: { processSatisfaction?: string; resultSatisfaction?: string },
): boolean {
  const ok = rules.profile.satisfaction.satisfied as readonly string[];
  const result = p.resultSatisfaction !== undefined && ok.includes(p.resultSatisfaction);
  if (rules.profile.satisfaction.ratings === 'overall') return result;
  return result && (p.processSatisfaction === undefined || ok.includes(p.processSatisfaction));
}

export function callbackFacts(rules: Rules, payload: z.infer<(typeof actionPayloads)['record-callback']>) {
  return { reached: payload.reached, satisfied: payload.reached && countsSatisfied(rules, payload) };
}

/** The callback channel: phone unless told; a profile demanding the phone refuses others [zibo §11(8)]. */
function callbackChannel(i: EffectInput<'record-callback'>) {
  const { channel, refusal } = callbackChannelOf(i.rules.profile.callback, i.payload.channel);
  if (refusal) throw new AppError('UNPROCESSABLE', refusal, { channel });
  return channel;
}

const recordCallback: Effect<'record-callback'> = async (i) => {
  const p = i.payload;
  const channel = callbackChannel(i);
  if (!p.reached) return { patch: {}, eventExtra: { satisfied: null, channel } };
  const satisfied = countsSatisfied(i.rules, p);
  return {
    patch: {
      process_satisfaction: p.processSatisfaction ?? null,
      result_satisfaction: p.resultSatisfaction ?? null,
      contacted_by_unit: p.contactedByUnit ?? null,
      callback_at: i.now,
      ...(i.decision.to === 'closed' ? { closed_at: i.now } : {}),
    },
    eventExtra: { satisfied, channel },
  };
};

const redo: Effect<'redo'> = async (i) => {
  const lead = leadAssignment(i.assignments);
  if (lead) await updateAssignment(i.trx, i.ticket.id, lead.id, { status: 'accepted', replied_at: null });
  return {
    patch: { dispatched_at: i.now, replied_at: null, callback_at: null, redo_count: i.ticket.redo_count + 1 },
    eventExtra: {
      previousResult: i.ticket.result_satisfaction,
      previousProcess: i.ticket.process_satisfaction,
    },
  };
};

/**
 * Closing without a rating records why no callback was needed: outside the sample, or after a
 * failed attempt (the decision has already refused the other cases, see server/domain/callback).
 */
const close: Effect<'close'> = async (i) => {
  const withoutCallback = i.decision.from === 'pending_callback';
  const terms = withoutCallback ? callbackTermsOf(i.rules.profile, i.ticket.ticket_no, i.events) : null;
  return {
    patch: { closed_at: i.now, callback_at: i.ticket.callback_at ?? i.now },
    ...(terms ? { eventExtra: closeWithoutCallbackRecord(terms) } : {}),
  };
};

/** 质检评定 [tianjin-wuqing §25]: the finding is recorded on the event, read by the assessment. */
const inspect: Effect<'inspect'> = async (i) => ({
  patch: {},
  eventExtra: {
    article: i.rules.profile.callback?.inspection?.article ?? null,
    unitId: i.ticket.lead_unit_id,
  },
});

const requestReturn: Effect<'request-return'> = async (i) => {
  if (i.payload.suggestedUnitId) {
    const u = await i.trx
      .selectFrom('org_unit')
      .select('id')
      .where('id', '=', i.payload.suggestedUnitId)
      .executeTakeFirst();
    if (!u) throw new AppError('VALIDATION_FAILED', '建议承办单位不存在');
  }
  const window = i.deadlines.returnBy;
  const late = window ? i.now.getTime() > window.dueAt.getTime() : false;
  return { patch: {}, eventExtra: { late, returnBy: window?.dueAt.toISOString() ?? null } };
};

const approveReturn: Effect<'approve-return'> = async (i) => {
  const lead = leadAssignment(i.assignments);
  for (const a of activeAssignments(i.assignments)) {
    await updateAssignment(i.trx, i.ticket.id, a.id, {
      status: a.id === lead?.id ? 'returned' : 'ended',
      ended_at: i.now,
    });
  }
  return {
    patch: {
      lead_unit_id: null,
      dispatched_at: null,
      replied_at: null,
      platform_unit_id: lead?.dispatched_by_unit_id ?? i.ticket.platform_unit_id,
    },
    eventExtra: { returnedUnitId: lead?.unit_id ?? null },
  };
};

function extensionTerms(i: EffectInput<ActionName>) {
  const ext = i.rules.profile.extension;
  if (!ext) return null;
  const t = i.ticket;
  const c = ext.cases.find(
    (k) =>
      (!k.when.type || k.when.type.includes(t.type as never)) &&
      (!k.when.urgency || k.when.urgency.includes(t.urgency as never)) &&
      (!k.when.level || k.when.level.includes(t.source_level as never)) &&
      (!k.when.category || k.when.category.some((x) => (t.category_code ?? '').startsWith(x))),
  );
  return { ...ext, ...(c?.terms ?? {}) };
}

function approvedExtensionsSinceDispatch(i: EffectInput<ActionName>) {
  const since = i.ticket.dispatched_at?.getTime() ?? 0;
  return i.events.filter((e) => e.action === 'approve-extension' && e.at.getTime() >= since);
}

const requestExtension: Effect<'request-extension'> = async (i) => {
  const terms = extensionTerms(i);
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

const approveExtension: Effect<'approve-extension'> = async (i) => {
  const req = [...i.events].reverse().find((e) => e.action === 'request-extension');
  const requested = Number(req?.payload.workingDays ?? 0);
  const workingDays = i.payload.workingDays ?? requested;
  if (!workingDays) throw new AppError('VALIDATION_FAILED', '请填写批准延期的工作日数');
  const terms = extensionTerms(i);
  if (terms && terms.maxWorkingDays !== null && workingDays > terms.maxWorkingDays) {
    throw refuse(`延期不得超过 ${terms.maxWorkingDays} 个工作日（${terms.article}）`);
  }
  return {
    patch: {},
    eventExtra: { workingDays, previousHandleBy: i.deadlines.handleBy?.dueAt.toISOString() ?? null },
  };
};

/** Both orders are already locked in id order by performActionIn (decision 0006). */
const merge: Effect<'merge'> = async (i) => {
  const target = await lockMergeTarget(i.trx, i.actor, i.ticket, i.payload.intoTicketId);
  return {
    patch: { merged_into_id: target.id, closed_at: i.now },
    eventExtra: { intoTicketNo: target.ticket_no },
  };
};

const notAccept: Effect<'not-accept'> = async (i) => ({
  patch: {
    not_accepted_reason: i.payload.reason,
    suggested_channel: i.payload.suggestedChannel ?? null,
    closed_at: i.now,
  },
});

const supervise: Effect<'supervise'> = async (i) => {
  // 督办: the supervised unit, its office and answer time from the profile [shanghai-962200 §12].
  if (!modeAllowed(i.rules.profile, i.payload.mode)) {
    throw new AppError('UNPROCESSABLE', '本地规定不采用该督办方式');
  }
  await recordSupervision(i.trx, i.rules, {
    ticketId: i.ticket.id,
    trigger: i.payload.trigger,
    mode: i.payload.mode,
    note: i.payload.note ?? null,
    unitId: i.ticket.lead_unit_id,
    createdBy: i.actor.userId,
    now: i.now,
    ...(i.payload.dueAt ? { dueAt: new Date(i.payload.dueAt) } : {}),
    ...(i.payload.respondWithinWorkingDays
      ? { respondWithinWorkingDays: i.payload.respondWithinWorkingDays }
      : {}),
  });
  return { patch: {} };
};

const uphold: Effect<'uphold-appeal'> = async (i) => ({ patch: { closed_at: i.now } });

/** Administrative update by the platform: the party complained about, the old values in the event. */
const update: Effect<'update'> = async (i) => {
  const p = i.payload;
  const patch: Updateable<TicketTable> = {};
  if (p.complainedUnitId !== undefined) {
    patch.complained_unit_id =
      p.complainedUnitId === null ? null : (await checkComplainedUnit(i.trx, p.complainedUnitId)).id;
  }
  if (p.complainedPerson !== undefined) patch.complained_person = p.complainedPerson || null;
  return {
    patch,
    eventExtra: {
      previous: {
        complainedUnitId: i.ticket.complained_unit_id,
        complainedPerson: i.ticket.complained_person,
      },
    },
  };
};

export const effects: Effects = {
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
};

function fmt(d: Date): string {
  return formatServiceTime(d, 'second');
}
