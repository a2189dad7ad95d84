import { formatInstant } from '../../domain/calendar';
import { lightAt, stageLightAt, type StageDeadline, type StageDeadlines } from '../../domain/sla';
import { ticketStatusLabels, type TicketStatus } from '../../domain/ticket/statuses';
import { actionLabels, allowedActions } from '../../domain/ticket/transitions';
import type { StageKey } from '../../../common/enums';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { appendAudit } from '../audit/audit';
import {
  callerViewFor,
  payloadFor,
  presentCaller,
  showsUnmaskedCaller,
  textFor,
  type CallerFacts,
} from './caller-privacy';
import { findComplainedUnit } from './complained-party';
import { loadOrderEvents } from './perform-action';
import { activeAssignments, loadActor, standingOf, transitionStateOf, unitInfo } from './standing';
import { slaFactsOf } from './ticket-deadlines';
import { extensionRelayOf } from './extension-relay';
import { callbackTermsOf } from '../../domain/callback/terms';
import { presentCallbackTerms } from './callback-terms.presenter';
import {
  findTicket,
  listAssignments,
  listDeadlines,
  listEvents,
  type DeadlineRow,
} from './tickets.repository';
import { canView } from './visibility';

function stageOf(r: DeadlineRow): StageDeadline {
  return {
    stage: r.stage as StageKey,
    startAt: r.start_at,
    dueAt: r.due_at,
    warnAt: r.warn_at,
    redAt: r.red_at,
    provisional: r.provisional,
    explain: r.explain,
    article: '',
  };
}

async function loadVisible(ctx: AppContext, user: SessionUser, id: number) {
  const actor = await loadActor(ctx.db, user);
  const ticket = await findTicket(ctx.db, id);
  if (!ticket) throw new AppError('NOT_FOUND', '工单不存在');
  const assignments = await listAssignments(ctx.db, id);
  const units = await unitInfo(ctx.db, ticket, assignments);
  const platformPath = ticket.platform_unit_id ? units.paths.get(ticket.platform_unit_id) : undefined;
  if (
    !canView(
      actor,
      platformPath,
      assignments.map((a) => units.paths.get(a.unit_id) ?? ''),
    )
  ) {
    throw new AppError('NOT_FOUND', '工单不存在');
  }
  const complained = await findComplainedUnit(ctx.db, ticket.complained_unit_id);
  const standing = standingOf(actor, ticket, assignments, units.paths);
  const actsForActive = standing.parties.has('lead') || standing.parties.has('co');
  const view = callerViewFor(actor, { ...ticket, complainedUnitPath: complained?.path }, actsForActive);
  const caller: CallerFacts = {
    name: ticket.caller_name,
    phone: ticket.caller_phone,
    address: ticket.caller_address,
    confidential: ticket.confidential,
  };
  return { actor, ticket, assignments, units, complained, standing, view, caller };
}

/** The order as its viewer may see it, with deadlines, light and the actions allowed now. */
export async function getTicket(ctx: AppContext, user: SessionUser, id: number) {
  const { ticket, assignments, units, complained, standing, view, caller } = await loadVisible(ctx, user, id);
  const rows = await listDeadlines(ctx.db, id);
  const stages: StageDeadlines = Object.fromEntries(rows.map((r) => [r.stage, stageOf(r)]));
  const events = await loadOrderEvents(ctx.db, id);
  const callbackTerms = callbackTermsOf(ctx.rules.profile, ticket.ticket_no, events);
  const state = {
    ...transitionStateOf(ticket, assignments, units.platforms),
    callback: callbackTerms,
    extensionRelay: extensionRelayOf(ctx.rules.profile, ticket, assignments, events),
  };
  const light = lightAt(stages, slaFactsOf(ticket, assignments, events), ctx.clock.now());
  const category = ticket.category_code
    ? await ctx.db
        .selectFrom('category')
        .select(['code', 'name'])
        .where('code', '=', ticket.category_code)
        .executeTakeFirst()
    : undefined;
  if (showsUnmaskedCaller(view) && (ticket.caller_name || ticket.caller_phone || ticket.caller_address)) {
    await appendAudit(ctx.db, {
      at: ctx.clock.now(),
      actorUserId: user.id,
      actorUsername: user.username,
      action: 'read-caller',
      targetType: 'ticket',
      targetId: ticket.id,
      details: { view },
    });
  }
  const allowed = allowedActions(state, standing);
  return {
    id: ticket.id,
    ticketNo: ticket.ticket_no,
    version: ticket.version,
    status: ticket.status,
    statusLabel: ticketStatusLabels[ticket.status as TicketStatus] ?? ticket.status,
    pendingRequest: ticket.pending_request,
    channel: ticket.channel,
    type: ticket.type,
    category: ticket.category_code,
    categoryName: category?.name ?? null,
    urgency: ticket.urgency,
    level: ticket.source_level,
    complex: ticket.complex,
    caller: presentCaller(view, caller),
    complainedUnitId: ticket.complained_unit_id,
    complainedUnitName: complained?.name ?? null,
    complainedPerson: ticket.complained_person,
    location: { address: textFor(view, caller, ticket.location_address), region: ticket.location_region },
    content: textFor(view, caller, ticket.content),
    demand: textFor(view, caller, ticket.demand),
    channelRef: ticket.channel_ref,
    tags: ticket.tags,
    answer: textFor(view, caller, ticket.answer),
    notAcceptedReason: ticket.not_accepted_reason,
    suggestedChannel: ticket.suggested_channel,
    mergedIntoId: ticket.merged_into_id,
    platformUnitId: ticket.platform_unit_id,
    leadUnitId: ticket.lead_unit_id,
    leadUnitName: ticket.lead_unit_id ? (units.names.get(ticket.lead_unit_id) ?? null) : null,
    receivedAt: ticket.received_at,
    dispatchedAt: ticket.dispatched_at,
    repliedAt: ticket.replied_at,
    closedAt: ticket.closed_at,
    processSatisfaction: ticket.process_satisfaction,
    resultSatisfaction: ticket.result_satisfaction,
    contactedByUnit: ticket.contacted_by_unit,
    redoCount: ticket.redo_count,
    callback: presentCallbackTerms(callbackTerms),
    emergencyResultDays: ticket.emergency_result_days,
    assignments: assignments.map((a) => ({
      id: a.id,
      unitId: a.unit_id,
      unitName: units.names.get(a.unit_id) ?? '',
      role: a.role,
      status: a.status,
      active: activeAssignments([a]).length === 1,
      dispatchedByUnitId: a.dispatched_by_unit_id,
      dispatchedAt: a.dispatched_at,
      acceptedAt: a.accepted_at,
      contactedAt: a.contacted_at,
      repliedAt: a.replied_at,
      reply: textFor(view, caller, a.reply),
      endedAt: a.ended_at,
    })),
    deadlines: Object.fromEntries(rows.map((r) => [r.stage, formatInstant(r.due_at)])) as Partial<
      Record<StageKey, string>
    >,
    deadlineDetails: rows.map((r) => ({
      stage: r.stage,
      startAt: formatInstant(r.start_at),
      dueAt: formatInstant(r.due_at),
      warnAt: r.warn_at ? formatInstant(r.warn_at) : null,
      redAt: r.red_at ? formatInstant(r.red_at) : null,
      metAt: r.met_at ? formatInstant(r.met_at) : null,
      light: stageLightAt({ dueAt: r.due_at, warnAt: r.warn_at, redAt: r.red_at }, r.met_at, ctx.clock.now()),
      provisional: r.provisional,
      explain: r.explain,
      profileId: r.profile_id,
      profileVersion: r.profile_version,
      calendarVersion: r.calendar_version,
    })),
    light,
    provisional: ticket.provisional,
    profileId: ticket.profile_id,
    allowedActions: allowed,
    allowedActionLabels: Object.fromEntries(allowed.map((a) => [a, actionLabels[a]])),
  };
}

export async function getTicketEvents(ctx: AppContext, user: SessionUser, id: number) {
  const { view, caller } = await loadVisible(ctx, user, id);
  const rows = await listEvents(ctx.db, id);
  return rows.map((e) => ({
    seq: e.seq,
    at: e.at,
    action: e.action,
    actionLabel: (actionLabels as Record<string, string>)[e.action] ?? e.action,
    party: e.party,
    actorUserId: e.actorUserId,
    actorName: e.actorName,
    actorUnitId: e.actorUnitId,
    actorUnitName: e.actorUnitName,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    payload: payloadFor(view, caller, e.payload) as Record<string, unknown>,
  }));
}

/**
 * Reveals the unmasked caller of an order on purpose, with a reason, logged (SPEC §9).
 * Allowed to platform staff, supervisors, and a handling unit acting on the order; never to
 * units on a confidential order, nor to the unit complained about or its sub-units, whose
 * attempts are refused and audited [zibo §17; wuqing §30(4); beijing-miyun §25(7)].
 */
export async function revealCaller(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  reason: string,
  ip: string | null,
) {
  const { actor, ticket, standing, view } = await loadVisible(ctx, user, id);
  if (view === 'protected') {
    await appendAudit(ctx.db, {
      at: ctx.clock.now(),
      actorUserId: user.id,
      actorUsername: user.username,
      action: 'reveal-caller-refused',
      targetType: 'ticket',
      targetId: ticket.id,
      details: { reason, rule: 'complainant-protection' },
      ip,
    });
    throw new AppError(
      'COMPLAINANT_PROTECTED',
      '本工单投诉的是本单位或上级单位，依规定不得向被投诉单位透露投诉人信息',
    );
  }
  const isUnit = view === 'hidden' || !actor.unit.is_platform;
  const allowed =
    view === 'full' ||
    (!ticket.confidential &&
      (actor.role === 'supervisor' ||
        (isUnit && (standing.parties.has('lead') || standing.parties.has('co')))));
  if (!allowed) {
    throw new AppError(
      'FORBIDDEN',
      ticket.confidential ? '该工单为保密工单，来电人信息不向承办单位公开' : '当前角色无权查看来电人完整信息',
    );
  }
  await appendAudit(ctx.db, {
    at: ctx.clock.now(),
    actorUserId: user.id,
    actorUsername: user.username,
    action: 'reveal-caller',
    targetType: 'ticket',
    targetId: ticket.id,
    details: { reason },
    ip,
  });
  return presentCaller('full', {
    name: ticket.caller_name,
    phone: ticket.caller_phone,
    address: ticket.caller_address,
    confidential: ticket.confidential,
  });
}
