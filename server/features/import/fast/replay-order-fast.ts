import type { ActionName } from '../../../../common/contracts/tickets';
import { ticketActions, type TicketAction } from '../../../../common/ticket-vocabulary';
import { deriveFacts, factSourceOf } from '../../../domain/kpi';
import { applyAction } from '../../../domain/ticket/apply-action';
import { decideAction } from '../../../domain/ticket/decide-action';
import type { OrderEvent, UnitFacts } from '../../../domain/ticket/order';
import { stageRowsOf } from '../../../domain/ticket/order-deadlines';
import type { Rules } from '../../../platform/context';
import { AppError, isAppError } from '../../../platform/errors';
import { asAppError, isActionName, parseActionPayload, unitsNamedBy } from '../../tickets/perform-action';
import { standingOf, type Actor } from '../../tickets/standing';
import type { AssignmentRow, TicketRow } from '../../tickets/tickets.repository';
import { canView } from '../../tickets/visibility';
import { importActor } from '../actors';
import { refusalOf } from '../import-order-exact';
import { openedTicketRow, openingEvent, type ImportRefs } from '../opening';
import { Refusal, type PlannedOrder } from '../plan-order';
import type { UnitDirectory } from '../unit-directory';
import type { DeadlineRow, EventRow, IdPool, OrderRows, SupervisionRow } from './order-state';

/** Id, number and status of an order the run already holds (a merge target). */
export interface MergeTarget {
  id: number;
  ticketNo: string;
  status: string;
}

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

/**
 * The lifecycle actions the fast path leaves to the use cases: their effects reach past the rows
 * it writes in bulk (another unit's forwarding, recomputed deadlines, edits, supervision replies,
 * inspections, enterprise referrals). Every other lifecycle action it replays in memory, with the
 * same function as the use cases (server/domain/ticket/apply-action.ts).
 */
const useCaseActions: ReadonlySet<TicketAction> = new Set<TicketAction>([
  'forward-extension',
  'inspect',
  'recompute-deadlines',
  'refer-enterprise',
  'report-referral',
  'respond-supervision',
  'update',
]);
const fastActions: ReadonlySet<string> = new Set(ticketActions.filter((a) => !useCaseActions.has(a)));

/** Can the fast path replay every event of this order? Otherwise it goes through the use cases. */
export function fastPathCovers(plan: PlannedOrder): boolean {
  return plan.events.every((e) => fastActions.has(e.action));
}

/** The stage rows as the bulk writer stores them (a computed alert level of 0 unless a window). */
function deadlineRows(rows: ReturnType<typeof stageRowsOf>['rows']): DeadlineRow[] {
  return rows.map((r) => ({ ...r, alert_level: r.alert_level ?? 0 }));
}

function unitFacts(units: UnitDirectory, ids: readonly (number | null)[]): Map<number, UnitFacts> {
  const out = new Map<number, UnitFacts>();
  for (const id of ids) {
    const u = id === null ? undefined : units.get(id);
    if (u) {
      out.set(u.id, {
        id: u.id,
        name: u.name,
        path: u.path,
        kind: u.kind,
        active: u.active,
        is_platform: u.isPlatform,
      });
    }
  }
  return out;
}

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
  let assignments: AssignmentRow[] = [];
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
      payload: JSON.parse(JSON.stringify(open.payload)) as Record<string, unknown>,
      from_status: null,
      to_status: open.to,
    },
  ];
  const eventsLite = (): OrderEvent[] =>
    events.map((e) => ({ at: e.at, action: e.action, party: e.party, payload: e.payload }));
  const opened0 = stageRowsOf(rules, ticket, assignments, eventsLite(), open.at);
  ticket = { ...ticket, ...opened0.summary };
  let deadlines = deadlineRows(opened0.rows);

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
      const snapshot = { order: ticket, assignments, events: eventsLite() };
      const ids = new Set(assignments.map((a) => a.unit_id));
      if (ticket.platform_unit_id) ids.add(ticket.platform_unit_id);
      const standing = actor
        ? standingOf(actor, ticket, assignments, new Map([...ids].map((id) => [id, pathOf(id)])))
        : { parties: new Set(['system'] as const) };
      const result = decideAction(snapshot, platforms, action, payload, standing, rules);
      if (!result.ok) {
        throw new AppError('TRANSITION_NOT_ALLOWED', result.reason, { status: ticket.status, action });
      }
      const intoId = action === 'merge' ? (payload as { intoTicketId: number }).intoTicketId : null;
      const target = intoId === null ? undefined : fx.orderById(intoId);
      let changes;
      try {
        changes = applyAction(
          snapshot,
          result.decision,
          payload,
          {
            actor: actor
              ? { userId: actor.userId, unit: actor.unit }
              : { userId: null, unit: { id: 0, path: '/' } },
            units: unitFacts(units, [...unitsNamedBy(action, payload), ticket.complained_unit_id]),
            nextAssignmentId: () => fx.assignmentIds.take(),
            ...(target
              ? { mergeTarget: { id: target.id, ticket_no: target.ticketNo, status: target.status } }
              : {}),
            ...(actor ? {} : { system: true }),
            history: true,
          },
          rules,
          now,
        );
      } catch (err) {
        throw asAppError(err);
      }
      ticket = { ...ticket, ...changes.patch, version: ticket.version + 1 };
      assignments = changes.assignments;
      events.push(changes.event);
      supervisions.push(...changes.supervisions);
      deadlines = deadlineRows(changes.deadlines);
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
  const facts = deriveFacts(
    factSourceOf({
      ticket,
      assignments,
      events: events.map((x) => ({ at: x.at, action: x.action, party: x.party, payload: x.payload })),
      deadlines,
    }),
  );
  return { ticket, assignments, events, deadlines, supervisions, facts };
}
