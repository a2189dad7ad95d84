import type { z } from 'zod';
import type { actionPayloads, ActionName } from '../../../../common/contracts/tickets';
import { formatServiceTime } from '../../../../common/service-time';
import {
  callbackChannelOf,
  callbackTermsOf,
  closeWithoutCallbackRecord,
} from '../../../domain/callback/terms';
import { addDuration, type StageDeadlines } from '../../../domain/sla';
import { modeAllowed, officeFor, respondWithinFor } from '../../../domain/supervision/supervision-rules';
import type { Decision } from '../../../domain/ticket/transitions';
import type { Rules } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { activeAssignments, leadAssignment, type Actor } from '../../tickets/standing';
import type { AssignmentRow, TicketRow } from '../../tickets/tickets.repository';
import type { UnitDirectory } from '../unit-directory';
import type { IdPool, SupervisionRow } from './order-state';

/**
 * The action effects of server/features/tickets/action-effects.ts, restated on in-memory rows for
 * the fast import. Same checks, same patches, same event extras; the test
 * fast-import.integration.test.ts holds both paths to identical rows. Actions missing here are
 * imported through the use cases instead.
 */
export interface MergeTarget {
  id: number;
  ticketNo: string;
  status: string;
}

export interface FastEffectInput<A extends ActionName> {
  rules: Rules;
  units: UnitDirectory;
  assignmentIds: IdPool;
  now: Date;
  actor: Actor;
  ticket: TicketRow;
  /** Mutable: effects update and append assignment rows here. */
  assignments: AssignmentRow[];
  events: { at: Date; action: string; payload: Record<string, unknown> }[];
  deadlines: StageDeadlines;
  decision: Decision;
  payload: z.infer<(typeof actionPayloads)[A]>;
  supervisions: SupervisionRow[];
  mergeTarget: (id: number) => MergeTarget | undefined;
}

export interface FastEffectOutput {
  patch: Partial<Omit<TicketRow, 'id'>>;
  eventExtra?: Record<string, unknown>;
}

type FastEffect<A extends ActionName> = (i: FastEffectInput<A>) => FastEffectOutput;

const refuse = (message: string, details?: unknown) =>
  new AppError('TRANSITION_NOT_ALLOWED', message, details);
const none = (): FastEffectOutput => ({ patch: {} });

function update(i: FastEffectInput<ActionName>, id: number, patch: Partial<AssignmentRow>) {
  const k = i.assignments.findIndex((a) => a.id === id);
  const a = i.assignments[k];
  if (a) i.assignments[k] = { ...a, ...patch };
}

function myAssignment(i: FastEffectInput<ActionName>): AssignmentRow {
  const active = activeAssignments(i.assignments);
  const mine =
    i.decision.party === 'lead'
      ? leadAssignment(i.assignments)
      : (active.find((a) => a.role === 'co' && a.unit_id === i.actor.unit.id) ??
        active.find((a) => a.role === 'co'));
  if (!mine) throw refuse('未找到本单位的承办记录');
  return mine;
}

function checkUnit(i: FastEffectInput<ActionName>, unitId: number) {
  const unit = i.units.get(unitId);
  const under = i.actor.unit;
  if (!unit || !unit.active) {
    throw new AppError('VALIDATION_FAILED', `单位 ${unitId} 不存在或已停用`, { unitId });
  }
  if (unit.id === under.id || !unit.path.startsWith(under.path)) {
    throw new AppError('VALIDATION_FAILED', `“${unit.name}”不在本平台的派单范围内`, { unitId });
  }
}

function insert(
  i: FastEffectInput<ActionName>,
  row: Omit<AssignmentRow, 'id' | 'accepted_at' | 'contacted_at' | 'replied_at' | 'reply' | 'ended_at'>,
) {
  i.assignments.push({
    ...row,
    id: i.assignmentIds.take(),
    accepted_at: null,
    contacted_at: null,
    replied_at: null,
    reply: null,
    ended_at: null,
  });
}

const dispatch: FastEffect<'dispatch'> = (i) => {
  const { now, ticket, payload } = i;
  const dispatcherUnit = i.actor.unit;
  checkUnit(i, payload.unitId);
  const coIds = [...new Set(payload.coUnitIds)].filter((id) => id !== payload.unitId);
  for (const id of coIds) checkUnit(i, id);
  const forwarding = i.decision.party === 'lead';
  const lead = leadAssignment(i.assignments);
  for (const a of activeAssignments(i.assignments)) {
    if (forwarding && a.id === lead?.id) update(i, a.id, { status: 'forwarded', ended_at: now });
    else if (!forwarding) update(i, a.id, { status: 'ended', ended_at: now });
  }
  const base = {
    ticket_id: ticket.id,
    status: 'dispatched',
    dispatched_by_unit_id: dispatcherUnit.id,
    dispatched_at: now,
  };
  insert(i, {
    ...base,
    unit_id: payload.unitId,
    role: 'lead',
    parent_assignment_id: forwarding ? (lead?.id ?? null) : null,
  });
  for (const id of coIds) insert(i, { ...base, unit_id: id, role: 'co', parent_assignment_id: null });
  const newChain = i.decision.from === 'pending_dispatch';
  return {
    patch: {
      lead_unit_id: payload.unitId,
      platform_unit_id: dispatcherUnit.id,
      ...(newChain ? { dispatched_at: now, replied_at: null } : {}),
      ...(payload.emergencyResultDays ? { emergency_result_days: payload.emergencyResultDays } : {}),
    },
    eventExtra: { coUnitIds: coIds, forwarded: forwarding },
  };
};

const accept: FastEffect<'accept'> = (i) => {
  const a = myAssignment(i);
  update(i, a.id, { status: 'accepted', accepted_at: i.now });
  return { patch: {}, eventExtra: { unitId: a.unit_id } };
};

const recordContact: FastEffect<'record-contact'> = (i) => {
  const a = myAssignment(i);
  const at = i.payload.at ? new Date(i.payload.at) : i.now;
  if (at.getTime() > i.now.getTime()) throw new AppError('VALIDATION_FAILED', '联系时间不能晚于当前时间');
  if (!a.contacted_at) update(i, a.id, { contacted_at: at });
  return { patch: {}, eventExtra: { unitId: a.unit_id, contactedAt: at.toISOString() } };
};

const reply: FastEffect<'reply'> = (i) => {
  const a = myAssignment(i);
  update(i, a.id, { status: 'replied', replied_at: i.now, reply: i.payload.result });
  if (i.decision.party === 'co') return { patch: {}, eventExtra: { unitId: a.unit_id } };
  const late = i.deadlines.handleBy ? i.now.getTime() > i.deadlines.handleBy.dueAt.getTime() : false;
  return { patch: { replied_at: i.now }, eventExtra: { unitId: a.unit_id, late } };
};

const backToUnit = (i: FastEffectInput<ActionName>) => {
  const lead = leadAssignment(i.assignments);
  if (lead) update(i, lead.id, { status: 'accepted', replied_at: null });
};

const rejectReply: FastEffect<'reject-reply'> = (i) => {
  backToUnit(i);
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

const recordCallback: FastEffect<'record-callback'> = (i) => {
  const p = i.payload;
  const { channel, refusal } = callbackChannelOf(i.rules.profile.callback, p.channel);
  if (refusal) throw new AppError('UNPROCESSABLE', refusal, { channel });
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

const redo: FastEffect<'redo'> = (i) => {
  backToUnit(i);
  return {
    patch: { dispatched_at: i.now, replied_at: null, callback_at: null, redo_count: i.ticket.redo_count + 1 },
    eventExtra: {
      previousResult: i.ticket.result_satisfaction,
      previousProcess: i.ticket.process_satisfaction,
    },
  };
};

const close: FastEffect<'close'> = (i) => ({
  patch: { closed_at: i.now, callback_at: i.ticket.callback_at ?? i.now },
  ...(i.decision.from === 'pending_callback'
    ? {
        eventExtra: closeWithoutCallbackRecord(
          callbackTermsOf(i.rules.profile, i.ticket.ticket_no, i.events),
        ),
      }
    : {}),
});

const requestReturn: FastEffect<'request-return'> = (i) => {
  if (i.payload.suggestedUnitId && !i.units.get(i.payload.suggestedUnitId)) {
    throw new AppError('VALIDATION_FAILED', '建议承办单位不存在');
  }
  const window = i.deadlines.returnBy;
  const late = window ? i.now.getTime() > window.dueAt.getTime() : false;
  return { patch: {}, eventExtra: { late, returnBy: window?.dueAt.toISOString() ?? null } };
};

const approveReturn: FastEffect<'approve-return'> = (i) => {
  const lead = leadAssignment(i.assignments);
  for (const a of activeAssignments(i.assignments)) {
    update(i, a.id, { status: a.id === lead?.id ? 'returned' : 'ended', ended_at: i.now });
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

function extensionTerms(i: FastEffectInput<ActionName>) {
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

function fmt(d: Date): string {
  return formatServiceTime(d, 'second');
}

const requestExtension: FastEffect<'request-extension'> = (i) => {
  const terms = extensionTerms(i);
  if (!terms) throw refuse(`${i.rules.profile.name}未规定延期，不能申请延期`);
  if (terms.maxWorkingDays !== null && i.payload.workingDays > terms.maxWorkingDays) {
    throw refuse(`延期不得超过 ${terms.maxWorkingDays} 个工作日（${terms.article}）`, {
      max: terms.maxWorkingDays,
    });
  }
  const since = i.ticket.dispatched_at?.getTime() ?? 0;
  const approved = i.events.filter((e) => e.action === 'approve-extension' && e.at.getTime() >= since).length;
  if (terms.maxCount !== null && approved >= terms.maxCount) {
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

const approveExtension: FastEffect<'approve-extension'> = (i) => {
  const req = [...i.events].reverse().find((e) => e.action === 'request-extension');
  const workingDays = i.payload.workingDays ?? Number(req?.payload.workingDays ?? 0);
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

const merge: FastEffect<'merge'> = (i) => {
  const target = i.mergeTarget(i.payload.intoTicketId);
  if (!target || target.id === i.ticket.id) throw new AppError('VALIDATION_FAILED', '合并目标工单不存在');
  if (['closed', 'answered', 'not_accepted', 'merged'].includes(target.status)) {
    throw refuse('不能合并到已结束的工单');
  }
  return {
    patch: { merged_into_id: target.id, closed_at: i.now },
    eventExtra: { intoTicketNo: target.ticketNo },
  };
};

const notAccept: FastEffect<'not-accept'> = (i) => ({
  patch: {
    not_accepted_reason: i.payload.reason,
    suggested_channel: i.payload.suggestedChannel ?? null,
    closed_at: i.now,
  },
});

const supervise: FastEffect<'supervise'> = (i) => {
  // The same office and answer time as the use case (server/features/supervision/record-supervision.ts).
  if (!modeAllowed(i.rules.profile, i.payload.mode)) {
    throw new AppError('UNPROCESSABLE', '本地规定不采用该督办方式');
  }
  const within = respondWithinFor(i.rules.profile, i.payload.respondWithinWorkingDays);
  i.supervisions.push({
    ticket_id: i.ticket.id,
    trigger: i.payload.trigger,
    mode: i.payload.mode,
    note: i.payload.note ?? null,
    unit_id: i.ticket.lead_unit_id,
    office: officeFor(i.rules.profile, i.payload.trigger),
    created_by: i.actor.userId,
    created_at: i.now,
    respond_by: i.payload.dueAt
      ? new Date(i.payload.dueAt)
      : addDuration(i.rules.calendar, i.now, within, { endOfDay: i.rules.profile.endOfDay }).at,
    responded_at: null,
    response: null,
    responded_by: null,
  });
  return { patch: {} };
};

const uphold: FastEffect<'uphold-appeal'> = (i) => ({ patch: { closed_at: i.now } });

/** The actions the fast path replays; any other action sends the order through the use cases. */
export const fastEffects: Partial<{ [A in ActionName]: FastEffect<A> }> = {
  dispatch,
  accept,
  'record-contact': recordContact,
  reply,
  'approve-reply': none,
  'reject-reply': rejectReply,
  'record-callback': recordCallback,
  redo,
  close,
  'request-return': requestReturn,
  'approve-return': approveReturn,
  'reject-return': none,
  'request-extension': requestExtension,
  'approve-extension': approveExtension,
  'reject-extension': none,
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
};
