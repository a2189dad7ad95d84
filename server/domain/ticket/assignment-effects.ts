import { complainantProtectionArticle } from '../../../common/contracts/complainant';
import type { ActionName } from '../../../common/contracts/tickets';
import { ActionRefusal, activeAssignments, leadAssignment, type OrderPatch, type UnitFacts } from './order';
import { myAssignment, type Effect, type EffectInput } from './effect-input';

/**
 * Effects of the actions that move the order between units (转办, 签收, 先行联系, 答复, 退回,
 * 重办, 回退): pure, on the order's assignments in memory.
 */

/** A unit the dispatcher may send to: known, active, strictly below the dispatcher's unit. */
function checkUnit(i: EffectInput<ActionName>, unitId: number): UnitFacts {
  const unit = i.refs.units.get(unitId);
  const under = i.refs.actor.unit;
  if (!unit || !unit.active) {
    throw new ActionRefusal('VALIDATION_FAILED', `单位 ${unitId} 不存在或已停用`, { unitId });
  }
  if (unit.id === under.id || !unit.path.startsWith(under.path)) {
    throw new ActionRefusal('VALIDATION_FAILED', `“${unit.name}”不在本平台的派单范围内`, { unitId });
  }
  return unit;
}

/** A unit at or below the complained unit (unit paths are materialised: `/1/5/12/`). */
export function isWithinComplained(unitPath: string, complainedPath: string | null | undefined): boolean {
  return !!complainedPath && unitPath.startsWith(complainedPath);
}

/**
 * Sending an order to the unit it complains about (or one of its sub-units) needs a recorded
 * reason [zibo §17; wuqing §30(4); beijing-miyun §25(7)]: the note becomes required.
 */
function requireReasonForComplainedUnit(i: EffectInput<'dispatch'>, units: UnitFacts[]): boolean {
  const id = i.order.complained_unit_id;
  const complained = id === null ? undefined : i.refs.units.get(id);
  const hit = units.filter((u) => isWithinComplained(u.path, complained?.path));
  if (hit.length === 0 || !complained) return false;
  if (!i.payload.note) {
    throw new ActionRefusal(
      'REASON_REQUIRED',
      `“${hit.map((u) => u.name).join('、')}”是被投诉单位或其下级单位，派单须填写派单理由（${complainantProtectionArticle(i.rules.profile.id)}）`,
      { unitIds: hit.map((u) => u.id), complainedUnitId: complained.id },
    );
  }
  return true;
}

/**
 * An order goes to a unit only with its problem category (问题分类) and district (所在区): they
 * decide the responsible unit (归口) and the locality (属地) [wuqing §16, §18; shanghai §10], and
 * every statistic by category and region [wuqing §29]. The dispatch form may set or correct them;
 * what the dispatch leaves on the order must have both. A direct answer needs neither
 * [beijing-miyun §6(1), §15]. Replayed history is taken as it was.
 */
function classificationOf(i: EffectInput<'dispatch'>): { patch: OrderPatch; changed?: unknown } {
  const { order, payload } = i;
  const category = payload.category || order.category_code;
  const region = payload.region || order.location_region;
  const missing = [...(category ? [] : ['category']), ...(region ? [] : ['region'])];
  if (missing.length && !i.refs.history) {
    const names = missing.map((m) => (m === 'category' ? '问题分类' : '所在区')).join('和');
    throw new ActionRefusal('CLASSIFICATION_REQUIRED', `工单未填写${names}，请补全后再派单`, { missing });
  }
  const patch: OrderPatch = {};
  const changed: Record<string, { old: string | null; new: string }> = {};
  if (payload.category && payload.category !== order.category_code) {
    patch.category_code = payload.category;
    changed.category = { old: order.category_code, new: payload.category };
  }
  if (payload.region && payload.region !== order.location_region) {
    patch.location_region = payload.region;
    changed.region = { old: order.location_region, new: payload.region };
  }
  return Object.keys(changed).length ? { patch, changed } : { patch };
}

export const dispatch: Effect<'dispatch'> = (i) => {
  const { now, order, payload, work } = i;
  const dispatcherUnit = i.refs.actor.unit;
  const classification = classificationOf(i);
  const leadUnit = checkUnit(i, payload.unitId);
  const coIds = [...new Set(payload.coUnitIds)].filter((id) => id !== payload.unitId);
  const coUnits = coIds.map((id) => checkUnit(i, id));
  const toComplainedUnit = requireReasonForComplainedUnit(i, [leadUnit, ...coUnits]);
  const forwarding = i.decision.party === 'lead';
  const lead = leadAssignment(work.list);
  for (const a of activeAssignments(work.list)) {
    if (forwarding && a.id === lead?.id) work.update(a.id, { status: 'forwarded', ended_at: now });
    else if (!forwarding) work.update(a.id, { status: 'ended', ended_at: now });
  }
  const base = {
    ticket_id: order.id,
    status: 'dispatched',
    dispatched_by_unit_id: dispatcherUnit.id,
    dispatched_at: now,
  };
  work.insert({
    ...base,
    unit_id: payload.unitId,
    role: 'lead',
    parent_assignment_id: forwarding ? (lead?.id ?? null) : null,
  });
  for (const id of coIds) work.insert({ ...base, unit_id: id, role: 'co', parent_assignment_id: null });
  const newChain = i.decision.from === 'pending_dispatch';
  return {
    patch: {
      ...classification.patch,
      lead_unit_id: payload.unitId,
      platform_unit_id: dispatcherUnit.id,
      ...(newChain ? { dispatched_at: now, replied_at: null } : {}),
      ...(payload.emergencyResultDays ? { emergency_result_days: payload.emergencyResultDays } : {}),
    },
    eventExtra: {
      coUnitIds: coIds,
      forwarded: forwarding,
      ...(toComplainedUnit ? { toComplainedUnit } : {}),
      ...(classification.changed ? { classified: classification.changed } : {}),
    },
  };
};

export const accept: Effect<'accept'> = (i) => {
  const a = myAssignment(i);
  i.work.update(a.id, { status: 'accepted', accepted_at: i.now });
  return { patch: {}, eventExtra: { unitId: a.unit_id } };
};

export const recordContact: Effect<'record-contact'> = (i) => {
  const a = myAssignment(i);
  const at = i.payload.at ? new Date(i.payload.at) : i.now;
  if (at.getTime() > i.now.getTime()) {
    throw new ActionRefusal('VALIDATION_FAILED', '联系时间不能晚于当前时间');
  }
  if (!a.contacted_at) i.work.update(a.id, { contacted_at: at });
  return { patch: {}, eventExtra: { unitId: a.unit_id, contactedAt: at.toISOString() } };
};

export const reply: Effect<'reply'> = (i) => {
  const a = myAssignment(i);
  i.work.update(a.id, { status: 'replied', replied_at: i.now, reply: i.payload.result });
  if (i.decision.party === 'co') return { patch: {}, eventExtra: { unitId: a.unit_id } };
  const late = i.deadlines.handleBy ? i.now.getTime() > i.deadlines.handleBy.dueAt.getTime() : false;
  return { patch: { replied_at: i.now }, eventExtra: { unitId: a.unit_id, late } };
};

/** The lead unit handles the order again (reply sent back, redo). */
function backToUnit(i: EffectInput<ActionName>): void {
  const lead = leadAssignment(i.work.list);
  if (lead) i.work.update(lead.id, { status: 'accepted', replied_at: null });
}

export const rejectReply: Effect<'reject-reply'> = (i) => {
  backToUnit(i);
  return { patch: { replied_at: null } };
};

export const redo: Effect<'redo'> = (i) => {
  backToUnit(i);
  return {
    patch: {
      dispatched_at: i.now,
      replied_at: null,
      callback_at: null,
      redo_count: i.order.redo_count + 1,
    },
    eventExtra: {
      previousResult: i.order.result_satisfaction,
      previousProcess: i.order.process_satisfaction,
    },
  };
};

export const requestReturn: Effect<'request-return'> = (i) => {
  if (i.payload.suggestedUnitId && !i.refs.units.get(i.payload.suggestedUnitId)) {
    throw new ActionRefusal('VALIDATION_FAILED', '建议承办单位不存在');
  }
  const window = i.deadlines.returnBy;
  const late = window ? i.now.getTime() > window.dueAt.getTime() : false;
  return { patch: {}, eventExtra: { late, returnBy: window?.dueAt.toISOString() ?? null } };
};

export const approveReturn: Effect<'approve-return'> = (i) => {
  const lead = leadAssignment(i.work.list);
  for (const a of activeAssignments(i.work.list)) {
    i.work.update(a.id, { status: a.id === lead?.id ? 'returned' : 'ended', ended_at: i.now });
  }
  return {
    patch: {
      lead_unit_id: null,
      dispatched_at: null,
      replied_at: null,
      platform_unit_id: lead?.dispatched_by_unit_id ?? i.order.platform_unit_id,
    },
    eventExtra: { returnedUnitId: lead?.unit_id ?? null },
  };
};
