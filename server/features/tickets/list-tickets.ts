import type { ListTicketsQuery } from '../../../common/contracts/tickets';
import { formatInstant } from '../../domain/calendar';
import { ticketStatusLabels, type TicketStatus } from '../../domain/ticket/statuses';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { actedBy, appendAudit } from '../audit/audit';
import { callerViewFor, presentCaller, showsUnmaskedCaller, textFor } from './caller-privacy';
import { decodeCursor, encodeCursor } from './list-cursor';
import {
  coTodo,
  filterConditions,
  isUnitTodo,
  leadTodo,
  todoCondition,
  unitTodoAny,
  type Cond,
} from './list-filters.repository';
import { listPage, unitTreeIds } from './list.repository';
import { loadActor, type Actor } from './standing';
import { seesAll } from './visibility';
import { visibleToUnits } from './visibility.repository';

/** Counts stop here: the pager shows "10,000+" rather than counting a city's orders. */
export const LIST_COUNT_CAP = 10_000;

/** A unit tree with more units than this is read in one branch rather than one per unit. */
const MAX_UNIT_BRANCHES = 32;

/**
 * Orders the caller may see, filtered, sorted and paged in SQL, each desk list from an index that
 * matches its filter and sort: keyset paging (`cursor` in, `nextCursor` out; `page` still works,
 * by offset), a count that stops at LIST_COUNT_CAP (`totalIsCapped`), and the light as stored
 * (the actions and the sweep keep it; a reply freezes it, a suspension keeps it).
 *
 * A unit's to-do is read in branches, one per unit of its tree over the lead index plus one for
 * co-handling, each already in deadline order, so a page never sorts the unit's open orders.
 */
export async function listTickets(
  ctx: AppContext,
  user: SessionUser,
  q: ListTicketsQuery,
  /** count false: no count (an export walking every page needs none). */
  opts: { count?: boolean } = {},
) {
  const actor = await loadActor(ctx.db, user);
  const cursor = q.cursor ? decodeCursor(q.sort, q.cursor) : null;
  const tree = seesAll(actor) ? [] : await unitTreeIds(ctx.db, actor.unit.path);
  const scope: Cond[] = [(eb) => visibleToUnits(actor, tree)(eb)];
  if (q.scope === 'todo') scope.push(todoCondition(actor));
  const { counted, rows } = await listPage(ctx.db, {
    sort: q.sort,
    cursor,
    offset: cursor ? 0 : (q.page - 1) * q.pageSize,
    pageSize: q.pageSize,
    countCap: LIST_COUNT_CAP,
    count: opts.count !== false,
    filters: filterConditions(actor, user, q),
    branches: isUnitTodo(actor, q) ? unitTodoBranches(actor, tree) : null,
    scope,
  });
  const more = rows.length > q.pageSize;
  const shownRows = rows.slice(0, q.pageSize);
  const last = shownRows[shownRows.length - 1];

  const items = shownRows.map((r) => {
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
    total: Math.min(counted, LIST_COUNT_CAP),
    totalIsCapped: counted > LIST_COUNT_CAP,
    page: q.page,
    pageSize: q.pageSize,
    nextCursor: more && last ? encodeCursor(q.sort, { key: last.sort_key, id: last.id }) : null,
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
      handleBy: r.handle_due_at ? formatInstant(r.handle_due_at) : null,
      light: r.light,
      provisional: r.provisional,
    })),
  };
}

/** The to-do's branches: the lead index once per unit of the tree, then co-handling. */
function unitTodoBranches(actor: Actor, units: number[]): Cond[] {
  const lead = units.length <= MAX_UNIT_BRANCHES ? units.map((id) => leadTodo(id)) : [unitTodoAny(actor)];
  return [...lead, coTodo(actor)];
}

/**
 * One audit entry per list request that returned callers unmasked (who, which list, how many,
 * which orders) [SPEC §9; beijing-miyun §15]: one insert, whatever the page size.
 */
async function auditUnmaskedList(ctx: AppContext, user: SessionUser, q: ListTicketsQuery, ids: number[]) {
  if (ids.length === 0) return;
  const query = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));
  await appendAudit(ctx.db, {
    ...actedBy(user, ctx.clock.now()),
    ip: user.ip ?? null,
    action: 'list-caller',
    targetType: 'ticket-list',
    targetId: null,
    details: { query, count: ids.length, ids },
  });
}
