import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ListTicketsQuery } from '../../../common/contracts/tickets';
import { msOfLocal, parseDay } from '../../domain/calendar/time';
import { readSearch } from '../../domain/ticket/search-query';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../platform/http';
import type { Actor } from './standing';

/** A condition on `ticket as t`. */
export type TicketEb = ExpressionBuilder<Database & { t: Database['ticket'] }, 't'>;
export type Cond = (eb: TicketEb) => Expression<SqlBool>;

export const csv = (v: string | undefined) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) ?? [];

/**
 * The list's own filters (everything but the scope and the to-do rule), as conditions that every
 * branch of a list query repeats. The light is the stored one (kept by the actions and the sweep).
 */
export function filterConditions(actor: Actor, user: SessionUser, q: ListTicketsQuery): Cond[] {
  const out: Cond[] = [];
  const statuses = csv(q.status);
  if (statuses.length) out.push((eb) => eb('t.status', 'in', statuses));
  const types = csv(q.type);
  if (types.length) out.push((eb) => eb('t.type', 'in', types));
  const chans = csv(q.channel);
  if (chans.length) out.push((eb) => eb('t.channel', 'in', chans));
  const category = q.category;
  if (category) out.push((eb) => eb('t.category_code', 'like', `${category}%`));
  // Searching by the caller never finds an order the viewer's unit is complained about (a hit
  // would confirm who complained) [zibo §17].
  const phone = q.phone;
  if (phone) out.push((eb) => eb.and([eb('t.caller_phone', '=', phone), notComplainedAbout(actor)(eb)]));
  const lights = csv(q.light);
  if (lights.length) out.push((eb) => eb('t.light', 'in', lights));
  // Only late lights asked for: the late index (`where late`) serves the list.
  if (lights.length && lights.every((l) => lateLights.has(l))) out.push(() => sql<SqlBool>`t.late`);
  const unitId = q.unitId;
  if (unitId) {
    out.push((eb) =>
      eb.exists(
        eb
          .selectFrom('ticket_assignment as fa')
          .innerJoin('org_unit as fu', 'fu.id', 'fa.unit_id')
          .innerJoin('org_unit as root', (j) => j.on('root.id', '=', unitId))
          .select(sql`1`.as('x'))
          .whereRef('fa.ticket_id', '=', 't.id')
          .where('fa.status', 'not in', ['returned', 'ended', 'forwarded'])
          .where(sql<boolean>`fu.path like root.path || '%'`),
      ),
    );
  }
  const entry = q.q;
  if (entry) out.push(searchCondition(actor, entry));
  const from = q.receivedFrom;
  if (from) out.push((eb) => eb('t.received_at', '>=', startOfServiceDay(from)));
  const to = q.receivedTo;
  if (to) out.push((eb) => eb('t.received_at', '<', startOfServiceDay(to, 1)));
  const regions = csv(q.region);
  if (regions.length) out.push((eb) => eb('t.location_region', 'in', regions));
  const lead = q.leadUnitId;
  if (lead) out.push((eb) => eb('t.lead_unit_id', '=', lead));
  if (q.scope === 'mine') out.push((eb) => eb('t.created_by', '=', user.id));
  return out;
}

/** The lights of the late list (stored as `late`, indexed). */
const lateLights = new Set(['overdue', 'red']);

/** Orders that do not complain about the actor's unit or a unit above it. */
export function notComplainedAbout(actor: Actor): Cond {
  return (eb) =>
    eb.or([
      eb('t.complained_unit_id', 'is', null),
      eb(
        't.complained_unit_id',
        'not in',
        eb
          .selectFrom('org_unit as pu')
          .select('pu.id')
          .where(sql<boolean>`starts_with(${actor.unit.path}, pu.path)`),
      ),
    ]);
}

/**
 * The search box: the order number; the content's words (segmented index); and, for those who
 * may see callers (the platform's agents, dispatchers, callback agents, administrators), the
 * caller's phone, its last four digits or the caller's name. Matches on the caller or content
 * never return an order that complains about the viewer's unit [zibo §17].
 */
function searchCondition(actor: Actor, entry: string): Cond {
  const r = readSearch(entry);
  const callerSearch = actor.unit.is_platform && callerSearchRoles.has(actor.role);
  return (eb) => {
    const about = [];
    if (r.words.length) {
      about.push(sql<boolean>`t.content_vector @@ plainto_tsquery('simple', ${r.words.join(' ')})`);
    }
    if (callerSearch && r.phone) {
      about.push(eb('t.caller_phone', 'in', [...new Set([r.phone, entry.trim()])]));
    }
    if (callerSearch && r.lastFour) about.push(sql<boolean>`right(t.caller_phone, 4) = ${r.lastFour}`);
    if (callerSearch && r.name) about.push(eb('t.caller_name', '=', r.name));
    const byNumber = eb('t.ticket_no', '=', r.ticketNo);
    return about.length ? eb.or([byNumber, eb.and([notComplainedAbout(actor)(eb), eb.or(about)])]) : byNumber;
  };
}

const callerSearchRoles = new Set(['agent', 'dispatcher', 'callback', 'admin']);

/** The instant a service-time-zone day (YYYY-MM-DD) begins, `plusDays` later. */
function startOfServiceDay(day: string, plusDays = 0): Date {
  return new Date(msOfLocal(parseDay(day) + plusDays, 0));
}

/** Roles whose to-do is their unit tree's own assignments (served by branches per unit). */
export function isUnitTodo(actor: Actor, q: ListTicketsQuery): boolean {
  return q.scope === 'todo' && (actor.role === 'handler' || actor.role === 'unit-leader');
}

/** Order statuses in which the lead assignment is active (dispatched or accepted). */
export const leadOpenStatuses = ['dispatched', 'in_progress'] as const;

/**
 * A unit's to-do, part one: open orders its unit `unitId` leads (ticket_todo_lead_idx).
 * Equivalent to "an active lead assignment of that unit": dispatching makes the lead assignment
 * and sets `lead_unit_id`, forwarding, ending or returning it moves or clears both.
 */
export function leadTodo(unitId: number): Cond {
  return (eb) => eb.and([eb('t.lead_unit_id', '=', unitId), eb('t.status', 'in', [...leadOpenStatuses])]);
}

/**
 * Part two: co-handling assignments of the unit tree still waiting for it, on orders the tree
 * does not already lead while open (those are in part one): the branches are disjoint, so the
 * list appends them and its count stops early.
 */
export function coTodo(actor: Actor): Cond {
  const tree = sql`(select lt.id from org_unit lt where lt.path like ${`${actor.unit.path}%`})`;
  return (eb) =>
    eb.and([
      eb('t.status', 'in', ['dispatched', 'in_progress', 'unsatisfied']),
      sql<SqlBool>`not coalesce(t.status in ('dispatched', 'in_progress') and t.lead_unit_id in ${tree}, false)`,
      eb(
        't.id',
        'in',
        eb
          .selectFrom('ticket_assignment as ma')
          .select('ma.ticket_id')
          .where('ma.role', '=', 'co')
          .where('ma.status', 'in', ['dispatched', 'accepted'])
          .where(
            'ma.unit_id',
            'in',
            eb.selectFrom('org_unit as mu').select('mu.id').where('mu.path', 'like', `${actor.unit.path}%`),
          ),
      ),
    ]);
}

/** What waits for this user's action, by role (the unit roles go through leadTodo / coTodo). */
export function todoCondition(actor: Actor): Cond {
  return (eb) => {
    switch (actor.role) {
      case 'dispatcher':
      case 'admin':
        return eb.or([
          eb('t.status', 'in', ['pending_dispatch', 'replied', 'appealed']),
          eb('t.pending_request', 'is not', null),
          eb.and([eb('t.status', '=', 'dispatched'), eb('t.lead_unit_id', '=', actor.unit.id)]),
        ]);
      case 'callback':
        return eb('t.status', 'in', ['pending_callback', 'unsatisfied', 'appealed']);
      case 'handler':
      case 'unit-leader':
        return eb.or([unitTodoAny(actor)(eb), coTodo(actor)(eb)]);
      case 'supervisor':
      case 'leader':
        return eb.and([eb('t.light', 'in', ['overdue', 'red']), sql<SqlBool>`t.late`]);
      case 'agent':
      case 'kb-editor':
        return eb('t.created_by', '=', actor.userId ?? 0);
      case 'enterprise':
        // An enterprise's e-orders are on its own desk (features/enterprises), never in these lists.
        return eb.val(false);
    }
  };
}

/** Open orders led by any unit of the actor's tree (one condition; used outside the branches). */
export function unitTodoAny(actor: Actor): Cond {
  return (eb) =>
    eb.and([
      eb('t.status', 'in', [...leadOpenStatuses]),
      eb(
        't.lead_unit_id',
        'in',
        eb.selectFrom('org_unit as lu').select('lu.id').where('lu.path', 'like', `${actor.unit.path}%`),
      ),
    ]);
}
