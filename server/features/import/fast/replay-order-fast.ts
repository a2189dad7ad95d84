import type { ActionName } from '../../../../common/contracts/tickets';
import type { StageKey } from '../../../../common/enums';
import { deriveFacts } from '../../../domain/kpi';
import { computeDeadlines, lightAt, type StageDeadline } from '../../../domain/sla';
import { decideTransition, type ActionFacts } from '../../../domain/ticket/transitions';
import { callbackTermsOf } from '../../../domain/callback/terms';
import type { Rules } from '../../../platform/context';
import { AppError, isAppError } from '../../../platform/errors';
import { callbackFacts } from '../../tickets/action-effects';
import { isActionName, parseActionPayload } from '../../tickets/perform-action';
import { leadAssignment, standingOf, transitionStateOf, type Actor } from '../../tickets/standing';
import { metAt, slaFactsOf, windowStages } from '../../tickets/ticket-deadlines';
import type { AssignmentRow, TicketRow } from '../../tickets/tickets.repository';
import { canView } from '../../tickets/visibility';
import { importActor } from '../actors';
import { refusalOf } from '../import-order-exact';
import { openedTicketRow, openingEvent, type ImportRefs } from '../opening';
import { Refusal, type PlannedOrder } from '../plan-order';
import type { UnitDirectory } from '../unit-directory';
import { fastEffects, type FastEffectInput, type MergeTarget } from './fast-effects';
import type { DeadlineRow, EventRow, IdPool, OrderRows, SupervisionRow } from './order-state';

export interface FastContext {
  rules: Rules;
  units: UnitDirectory;
  refs: ImportRefs;
  ticketIds: IdPool;
  assignmentIds: IdPool;
  /** Orders already written or replayed earlier in the run, by number (merge targets). */
  orderByNo: (ticketNo: string) => MergeTarget | undefined;
  orderById: (id: number) => MergeTarget | undefined;
}

/** Can the fast path replay every event of this order? Otherwise it goes through the use cases. */
export function fastPathCovers(plan: PlannedOrder): boolean {
  return plan.events.every((e) => Object.prototype.hasOwnProperty.call(fastEffects, e.action));
}

type Lite = { at: Date; action: string; payload: Record<string, unknown> };

/** syncDeadlines on memory: the stage rows and the order's light, due time and versions. */
function syncDeadlines(
  rules: Rules,
  ticket: TicketRow,
  assignments: AssignmentRow[],
  events: Lite[],
  now: Date,
): { ticket: TicketRow; deadlines: DeadlineRow[] } {
  const facts = slaFactsOf(ticket, assignments, events);
  const deadlines = computeDeadlines(rules.profile, rules.calendar, facts);
  const lead = leadAssignment(assignments);
  const rows: DeadlineRow[] = [];
  for (const [stage, d] of Object.entries(deadlines) as [StageKey, StageDeadline][]) {
    const isWindow = windowStages.includes(stage);
    rows.push({
      ticket_id: ticket.id,
      stage,
      unit_id: lead?.unit_id ?? null,
      start_at: d.startAt,
      due_at: d.dueAt,
      warn_at: isWindow ? null : d.warnAt,
      red_at: isWindow ? null : d.redAt,
      met_at: metAt(stage, ticket, assignments),
      alert_level: isWindow ? 3 : 0,
      provisional: d.provisional,
      explain: d.explain,
      profile_id: rules.profile.id,
      profile_version: rules.profile.version,
      calendar_version: rules.calendarVersion,
    });
  }
  return {
    ticket: {
      ...ticket,
      light: lightAt(deadlines, facts, now),
      handle_due_at: deadlines.handleBy?.dueAt ?? null,
      provisional: Object.values(deadlines).some((d) => d.provisional),
      profile_id: rules.profile.id,
      profile_version: rules.profile.version,
      calendar_version: rules.calendarVersion,
    },
    deadlines: rows,
  };
}

const json = (v: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(JSON.stringify(v)) as Record<string, unknown>;

/**
 * Replays one planned order in memory through the transition table and the restated effects,
 * giving the rows the use cases would have written (ticket, assignments, events, deadlines,
 * supervision, facts). Throws a Refusal as the exact path would.
 */
export function replayOrderFast(fx: FastContext, plan: PlannedOrder): OrderRows {
  const { rules, units, refs } = fx;
  const opened = openedTicketRow(plan, rules, refs);
  let ticket = {
    ...opened,
    id: fx.ticketIds.take(),
    version: 1,
    complex: opened.complex ?? false,
    redo_count: 0,
    light: 'green',
    provisional: false,
    handle_due_at: null,
  } as TicketRow;
  const assignments: AssignmentRow[] = [];
  const supervisions: SupervisionRow[] = [];
  const open = openingEvent(plan, ticket.id, refs);
  const events: EventRow[] = [
    {
      ticket_id: ticket.id,
      seq: 1,
      at: open.at,
      actor_user_id: open.actorUserId,
      actor_unit_id: open.actorUnitId,
      action: open.action,
      party: open.party,
      payload: json(open.payload),
      from_status: null,
      to_status: open.to,
    },
  ];
  const lite = (): Lite[] => events.map((e) => ({ at: e.at, action: e.action, payload: e.payload }));
  let synced = syncDeadlines(rules, ticket, assignments, lite(), open.at);
  ticket = synced.ticket;

  for (const e of plan.events) {
    let actor: Actor | null = null;
    try {
      if (!isActionName(e.action)) throw new Refusal(`未知操作 ${e.action}`);
      const action: ActionName = e.action;
      actor = importActor(
        e,
        { platformUnitId: ticket.platform_unit_id, leadUnitId: ticket.lead_unit_id },
        units,
        refs.importUserId,
      );
      let raw = e.payload;
      if (typeof raw.intoTicketNo === 'string') {
        const { intoTicketNo, ...rest } = raw;
        const target = fx.orderByNo(intoTicketNo);
        if (!target) throw new Refusal(`合并目标工单 ${intoTicketNo} 不存在`);
        raw = { ...rest, intoTicketId: target.id };
      }
      const payload = parseActionPayload(action, raw);
      const now = e.at;
      const pathOf = (id: number) => units.get(id)?.path ?? '';
      if (actor) {
        const platformPath = ticket.platform_unit_id ? units.get(ticket.platform_unit_id)?.path : undefined;
        if (
          !canView(
            actor,
            platformPath,
            assignments.map((a) => pathOf(a.unit_id)),
          )
        ) {
          throw new AppError('NOT_FOUND', '工单不存在');
        }
      }
      const platforms = new Set(
        assignments.filter((a) => units.get(a.unit_id)?.isPlatform).map((a) => a.unit_id),
      );
      const state = {
        ...transitionStateOf(ticket, assignments, platforms),
        callback: callbackTermsOf(rules.profile, ticket.ticket_no, lite()),
      };
      const ids = new Set(assignments.map((a) => a.unit_id));
      if (ticket.platform_unit_id) ids.add(ticket.platform_unit_id);
      const standing = actor
        ? standingOf(actor, ticket, assignments, new Map([...ids].map((id) => [id, pathOf(id)])))
        : { parties: new Set(['system'] as const) };
      const facts: ActionFacts =
        action === 'record-callback'
          ? callbackFacts(rules, payload as FastEffectInput<'record-callback'>['payload'])
          : {};
      const result = decideTransition(state, action, standing, facts);
      if (!result.ok) {
        throw new AppError('TRANSITION_NOT_ALLOWED', result.reason, { status: ticket.status, action });
      }
      const decision = result.decision;
      const effect = fastEffects[action] as
        | ((i: FastEffectInput<ActionName>) => ReturnType<NonNullable<(typeof fastEffects)['dispatch']>>)
        | undefined;
      if (!effect) throw new Refusal(`不支持快速导入的操作 ${action}`);
      const out = effect({
        rules,
        units,
        assignmentIds: fx.assignmentIds,
        now,
        actor: actor ?? {
          userId: 0,
          role: 'admin',
          unit: { id: 0, path: '/', kind: 'center', is_platform: true },
        },
        ticket,
        assignments,
        events: lite(),
        deadlines: computeDeadlines(rules.profile, rules.calendar, slaFactsOf(ticket, assignments, lite())),
        decision,
        payload,
        supervisions,
        mergeTarget: fx.orderById,
      });
      ticket = {
        ...ticket,
        ...out.patch,
        status: decision.to,
        pending_request: decision.pendingRequest,
        status_before_suspend: decision.statusBeforeSuspend,
        updated_at: now,
        version: ticket.version + 1,
      };
      events.push({
        ticket_id: ticket.id,
        seq: events.length + 1,
        at: now,
        actor_user_id: actor?.userId ?? null,
        actor_unit_id: actor?.unit.id ?? null,
        action,
        party: decision.party,
        payload: json({ ...payload, ...out.eventExtra }),
        from_status: decision.from,
        to_status: decision.to,
      });
      synced = syncDeadlines(rules, ticket, assignments, lite(), now);
      ticket = synced.ticket;
    } catch (err) {
      if (isAppError(err) && err.code === 'NOT_FOUND' && actor) {
        throw refusalOf(
          new Refusal(`单位 ${units.get(actor.unit.id)?.code ?? actor.unit.id} 不是该工单的承办单位`),
          e,
        );
      }
      throw refusalOf(err, e);
    }
  }
  const facts = deriveFacts({
    ticket: {
      id: ticket.id,
      status: ticket.status,
      pendingRequest: ticket.pending_request,
      channel: ticket.channel,
      type: ticket.type,
      categoryCode: ticket.category_code,
      region: ticket.location_region,
      sourceLevel: ticket.source_level,
      urgency: ticket.urgency,
      confidential: ticket.confidential,
    },
    assignments: assignments.map((a) => ({
      id: a.id,
      unitId: a.unit_id,
      role: a.role,
      dispatchedAt: a.dispatched_at,
      acceptedAt: a.accepted_at,
      contactedAt: a.contacted_at,
    })),
    events: events.map((x) => ({ at: x.at, action: x.action, party: x.party, payload: x.payload })),
    deadlines: synced.deadlines.map((d) => ({ stage: d.stage, dueAt: d.due_at })),
  });
  return { ticket, assignments, events, deadlines: synced.deadlines, supervisions, facts };
}
