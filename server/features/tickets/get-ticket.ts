import { citationNames } from '../../../common/article-citation';
import { lightOfStageRows } from '../../domain/ticket/order-deadlines';
import { allowedActions } from '../../domain/ticket/transitions';
import type { TicketDetail, TicketEvent } from '../../../common/contracts/ticket-responses';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { actedBy, appendAudit } from '../audit/audit';
import {
  callerViewFor,
  payloadFor,
  presentCaller,
  showsUnmaskedCaller,
  type CallerFacts,
} from './caller-privacy';
import { findComplainedUnit } from './complained-party';
import { numberComplaintOf } from '../service-numbers/number-complaints';
import { loadOrderEvents } from './perform-action';
import { loadActor, standingOf, transitionStateOf, unitInfo, type Actor } from './standing';
import { slaFactsOf } from './ticket-deadlines';
import { extensionRelayOf } from './extension-relay';
import { callbackTermsOf } from '../../domain/callback/terms';
import { presentEvent, presentTicket } from './tickets.presenter';
import { findTicket, listAssignments, listDeadlines, listEvents } from './tickets.repository';
import { canView } from './visibility';
import { presentMergedRepeats } from '../similar/merged-repeats';
import { findCategory } from '../categories/categories.repository';

/**
 * The order with its assignments and units, for an actor who may see it; an order out of the
 * actor's scope is answered exactly like a missing one (NOT_FOUND).
 */
export async function loadVisibleOrder(db: AppContext['db'], actor: Actor, id: number) {
  const ticket = await findTicket(db, id);
  if (!ticket) throw new AppError('NOT_FOUND', '工单不存在');
  const assignments = await listAssignments(db, id);
  const units = await unitInfo(db, ticket, assignments);
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
  return { ticket, assignments, units };
}

async function loadVisible(ctx: AppContext, user: SessionUser, id: number) {
  const actor = await loadActor(ctx.db, user);
  const { ticket, assignments, units } = await loadVisibleOrder(ctx.db, actor, id);
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
  return { actor, ticket, assignments, units, complained, standing, view, caller, actsForActive };
}

/** The order as its viewer may see it, with deadlines, light and the actions allowed now. */
export async function getTicket(ctx: AppContext, user: SessionUser, id: number): Promise<TicketDetail> {
  const { actor, ticket, assignments, units, complained, standing, view, caller, actsForActive } =
    await loadVisible(ctx, user, id);
  const rows = await listDeadlines(ctx.db, id);
  const events = await loadOrderEvents(ctx.db, id);
  const callbackTerms = callbackTermsOf(ctx.rules.profile, ticket.ticket_no, events);
  const state = {
    ...transitionStateOf(ticket, assignments, units.platforms),
    callback: callbackTerms,
    extensionRelay: extensionRelayOf(ctx.rules.profile, ticket, assignments, events),
  };
  const now = ctx.clock.now();
  const light = lightOfStageRows(rows, ticket.status, slaFactsOf(ticket, assignments, events).pauses, now);
  const category = ticket.category_code ? await findCategory(ctx.db, ticket.category_code) : undefined;
  if (showsUnmaskedCaller(view) && (ticket.caller_name || ticket.caller_phone || ticket.caller_address)) {
    await appendAudit(ctx.db, {
      ...actedBy(user, now),
      ip: user.ip ?? null,
      action: 'read-caller',
      targetType: 'ticket',
      targetId: ticket.id,
      details: { view },
    });
  }
  const repeats = await presentMergedRepeats(ctx, id, (c) =>
    callerViewFor(
      actor,
      { ...ticket, confidential: c.confidential, complainedUnitPath: complained?.path },
      actsForActive,
    ),
  );
  for (const r of repeats) {
    if (!r.caller.phone || r.caller.phone.includes('*')) continue;
    // A merged repeat's caller shown with the phone unmasked is a read of that caller (audited).
    await appendAudit(ctx.db, {
      ...actedBy(user, now),
      action: 'read-caller',
      targetType: 'ticket',
      targetId: r.ticketId,
      details: { mergedInto: ticket.id },
    });
  }
  const detail = presentTicket(
    {
      ticket,
      assignments,
      unitNames: units.names,
      complainedUnitName: complained?.name ?? null,
      numberComplaint: ticket.service_number_id ? await numberComplaintOf(ctx.db, ticket.id) : null,
      categoryName: category?.name ?? null,
      view,
      caller,
      deadlines: rows,
      light,
      callbackTerms,
      allowed: allowedActions(state, standing),
    },
    { now, calendar: ctx.rules.calendar, profileNames: citationNames(ctx.rules.profile) },
  );
  return repeats.length > 0 ? { ...detail, mergedRepeats: repeats } : detail;
}

export async function getTicketEvents(
  ctx: AppContext,
  user: SessionUser,
  id: number,
): Promise<TicketEvent[]> {
  const { view, caller } = await loadVisible(ctx, user, id);
  const rows = await listEvents(ctx.db, id);
  return rows.map((e) => presentEvent(e, payloadFor(view, caller, e.payload) as Record<string, unknown>));
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
