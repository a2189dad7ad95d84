import { sql } from 'kysely';
import type { ListTicketsQuery } from '../../../common/contracts/tickets';
import { formatInstant } from '../../domain/calendar';
import { msOfLocal, parseDay } from '../../domain/calendar/time';
import { readSearch } from '../../domain/ticket/search-query';
import { ticketStatusLabels, type TicketStatus } from '../../domain/ticket/statuses';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { appendAudit } from '../audit/audit';
import { callerViewFor, presentCaller, showsUnmaskedCaller, textFor } from './caller-privacy';
import { loadActor, type Actor } from './standing';
import { visibleTo } from './visibility';

const csv = (v: string | undefined) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) ?? [];

/**
 * Orders the caller may see, filtered, sorted and paged in SQL. The light is computed in SQL
 * from the stored handling deadline as of now (a reply freezes it; suspended orders keep the
 * light stored when they were suspended).
 */
export async function listTickets(ctx: AppContext, user: SessionUser, q: ListTicketsQuery) {
  const actor = await loadActor(ctx.db, user);
  const now = ctx.clock.now();
  const at = sql<Date>`coalesce(t.replied_at, ${now}::timestamptz)`;
  const lightExpr = sql<string>`case
      when d.due_at is null then 'green'
      when t.status = 'suspended' then t.light
      when d.red_at is not null and ${at} >= d.red_at then 'red'
      when ${at} > d.due_at then 'overdue'
      when d.warn_at is not null and ${at} >= d.warn_at then 'yellow'
      else 'green' end`;

  // A unit's to-do list is a subset of what it may see: the scope condition would only repeat it.
  const todoImpliesScope = q.scope === 'todo' && (actor.role === 'handler' || actor.role === 'unit-leader');
  let base = ctx.db
    .selectFrom('ticket as t')
    .leftJoin('ticket_deadline as d', (j) =>
      j.onRef('d.ticket_id', '=', 't.id').on('d.stage', '=', 'handleBy'),
    );
  if (!todoImpliesScope) base = base.where(visibleTo(actor));

  const statuses = csv(q.status);
  if (statuses.length) base = base.where('t.status', 'in', statuses);
  const types = csv(q.type);
  if (types.length) base = base.where('t.type', 'in', types);
  const chans = csv(q.channel);
  if (chans.length) base = base.where('t.channel', 'in', chans);
  if (q.category) base = base.where('t.category_code', 'like', `${q.category}%`);
  // Searching by the caller never finds an order the viewer's unit is complained about (a hit
  // would confirm who complained) [zibo §17].
  if (q.phone) base = base.where('t.caller_phone', '=', q.phone).where(notComplainedAbout(actor));
  const lights = csv(q.light);
  if (lights.length) base = base.where(sql<boolean>`(${lightExpr}) in (${sql.join(lights)})`);
  if (q.unitId) {
    const unitId = q.unitId;
    base = base.where((eb) =>
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
  if (q.q) base = base.where(searchCondition(actor, q.q));
  if (q.receivedFrom) base = base.where('t.received_at', '>=', startOfServiceDay(q.receivedFrom));
  if (q.receivedTo) base = base.where('t.received_at', '<', startOfServiceDay(q.receivedTo, 1));
  const regions = csv(q.region);
  if (regions.length) base = base.where('t.location_region', 'in', regions);
  if (q.leadUnitId) base = base.where('t.lead_unit_id', '=', q.leadUnitId);
  if (q.scope === 'mine') base = base.where('t.created_by', '=', user.id);
  if (q.scope === 'todo') base = base.where(todoCondition(actor));

  const totalRow = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
  const order =
    q.sort === 'due'
      ? sql`t.handle_due_at asc nulls last, t.id asc`
      : q.sort === '-due'
        ? sql`t.handle_due_at desc nulls last, t.id desc`
        : q.sort === 'received'
          ? sql`t.received_at asc, t.id asc`
          : sql`t.received_at desc, t.id desc`;
  const rows = await base
    .leftJoin('org_unit as lu', 'lu.id', 't.lead_unit_id')
    .leftJoin('category as c', 'c.code', 't.category_code')
    .leftJoin('org_unit as cu', 'cu.id', 't.complained_unit_id')
    .select([
      't.id',
      't.ticket_no',
      't.status',
      't.pending_request',
      't.type',
      't.channel',
      't.urgency',
      't.source_level',
      't.category_code',
      'c.name as category_name',
      't.content',
      't.caller_name',
      't.caller_phone',
      't.caller_address',
      't.confidential',
      'cu.path as complained_unit_path',
      't.location_region',
      't.lead_unit_id',
      'lu.name as lead_unit_name',
      't.received_at',
      't.dispatched_at',
      't.closed_at',
      'd.due_at',
      't.provisional',
      lightExpr.as('light'),
    ])
    .orderBy(order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();

  const items = rows.map((r) => {
    const view = callerViewFor(actor, { ...r, complainedUnitPath: r.complained_unit_path }, false);
    const caller = {
      name: r.caller_name,
      phone: r.caller_phone,
      address: r.caller_address,
      confidential: r.confidential,
    };
    const shown = showsUnmaskedCaller(view) && !!(r.caller_name || r.caller_phone || r.caller_address);
    return { r, view, caller, shown };
  });
  await auditUnmaskedList(
    ctx,
    user,
    q,
    items.filter((i) => i.shown).map((i) => i.r.id),
  );

  return {
    total: totalRow?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    items: items.map(({ r, view, caller }) => ({
      id: r.id,
      ticketNo: r.ticket_no,
      status: r.status,
      statusLabel: ticketStatusLabels[r.status as TicketStatus] ?? r.status,
      pendingRequest: r.pending_request,
      type: r.type,
      channel: r.channel,
      urgency: r.urgency,
      level: r.source_level,
      category: r.category_code,
      categoryName: r.category_name,
      summary: [...textFor(view, caller, r.content)].slice(0, 80).join(''),
      caller: presentCaller(view, caller),
      region: r.location_region,
      leadUnitId: r.lead_unit_id,
      leadUnitName: r.lead_unit_name,
      receivedAt: r.received_at,
      dispatchedAt: r.dispatched_at,
      closedAt: r.closed_at,
      handleBy: r.due_at ? formatInstant(r.due_at) : null,
      light: r.light,
      provisional: r.provisional,
    })),
  };
}

/**
 * One audit entry per list request that returned callers unmasked (who, which list, how many,
 * which orders) [SPEC §9; beijing-miyun §15]: one insert, whatever the page size.
 */
async function auditUnmaskedList(ctx: AppContext, user: SessionUser, q: ListTicketsQuery, ids: number[]) {
  if (ids.length === 0) return;
  const query = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));
  await appendAudit(ctx.db, {
    at: ctx.clock.now(),
    actorUserId: user.id,
    actorUsername: user.username,
    action: 'list-caller',
    targetType: 'ticket-list',
    targetId: null,
    details: { query, count: ids.length, ids },
  });
}

/** Orders that do not complain about the actor's unit or a unit above it. */
function notComplainedAbout(actor: Actor) {
  return (eb: Parameters<ReturnType<typeof visibleTo>>[0]) =>
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
function searchCondition(actor: Actor, entry: string) {
  const r = readSearch(entry);
  const callerSearch = actor.unit.is_platform && callerSearchRoles.has(actor.role);
  return (eb: Parameters<ReturnType<typeof visibleTo>>[0]) => {
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

/** What waits for this user's action, by role. */
function todoCondition(actor: Actor) {
  return (eb: Parameters<ReturnType<typeof visibleTo>>[0]) => {
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
        return eb.and([
          eb('t.status', 'in', ['dispatched', 'in_progress', 'unsatisfied']),
          eb(
            't.id',
            'in',
            eb
              .selectFrom('ticket_assignment as ma')
              .select('ma.ticket_id')
              .where('ma.status', 'in', ['dispatched', 'accepted'])
              .where(
                'ma.unit_id',
                'in',
                eb
                  .selectFrom('org_unit as mu')
                  .select('mu.id')
                  .where('mu.path', 'like', `${actor.unit.path}%`),
              ),
          ),
        ]);
      case 'supervisor':
      case 'leader':
        return eb('t.light', 'in', ['overdue', 'red']);
      case 'agent':
      case 'kb-editor':
        return eb('t.created_by', '=', actor.userId ?? 0);
    }
  };
}
