import { sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema';
import type { Db } from '../../platform/db';
import type { ListCursor, ListSort } from './list-cursor';
import type { Cond } from './list-filters.repository';

/**
 * SQL of the desk lists: the sort keys and the keyset comparison, the capped count and the page.
 * Which conditions apply (scope, filters, to-do branches) is decided by list-tickets.ts and
 * list-filters.repository.ts.
 */

/** The sort key of each order, as an expression on `ticket as t`, and its direction. */
export function sortKeyOf(sort: ListSort): { key: RawBuilder<Date>; desc: boolean } {
  switch (sort) {
    case 'received':
      return { key: sql<Date>`t.received_at`, desc: false };
    case '-received':
      return { key: sql<Date>`t.received_at`, desc: true };
    case 'due':
      return { key: sql<Date>`coalesce(t.handle_due_at, 'infinity'::timestamptz)`, desc: false };
    case '-due':
      return { key: sql<Date>`coalesce(t.handle_due_at, '-infinity'::timestamptz)`, desc: true };
  }
}

/** ORDER BY of a sort (the id breaks ties, so the order is total). */
export function orderOf(sort: ListSort): RawBuilder<unknown> {
  const { key, desc } = sortKeyOf(sort);
  return desc ? sql`${key} desc, t.id desc` : sql`${key} asc, t.id asc`;
}

/** Rows after the cursor in the sort's order. */
export function afterCursor(sort: ListSort, c: ListCursor): RawBuilder<boolean> {
  const { key, desc } = sortKeyOf(sort);
  const at = sql`(${c.key}::timestamptz, ${c.id}::bigint)`;
  return desc ? sql<boolean>`(${key}, t.id) < ${at}` : sql<boolean>`(${key}, t.id) > ${at}`;
}

type TicketQuery = SelectQueryBuilder<Database & { t: Database['ticket'] }, 't', object>;

const where = (qb: TicketQuery, conds: Cond[]): TicketQuery =>
  conds.length ? qb.where((eb) => eb.and(conds.map((c) => c(eb)))) : qb;

/** The ids of a unit and every unit below it, in id order. */
export async function unitTreeIds(db: Db, path: string): Promise<number[]> {
  const rows = await db
    .selectFrom('org_unit')
    .select('id')
    .where('path', 'like', `${path}%`)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export interface ListSpec {
  sort: ListSort;
  cursor: ListCursor | null;
  /** Rows skipped (page-number paging); 0 with a cursor. */
  offset: number;
  pageSize: number;
  /** The count stops after this many rows. */
  countCap: number;
  /** False: no count (an export walking every page needs none). */
  count: boolean;
  /** Conditions of every branch (the list's own filters). */
  filters: Cond[];
  /**
   * Disjoint branches read one by one, each from an index already in sort order (a unit's to-do:
   * one per unit of its tree, then co-handling), or null: one query with `scope`.
   */
  branches: Cond[] | null;
  scope: Cond[];
}

/**
 * The count (stopping at `countCap` + 1: the first rows any index gives, in no order) and the
 * page (`pageSize` + 1 rows: one more tells that a next page exists), each one statement.
 * Branches are disjoint, so they are appended (`union all`) and the count stops early.
 */
export async function listPage(db: Db, s: ListSpec) {
  const from = (): TicketQuery => db.selectFrom('ticket as t');
  const after: Cond[] = s.cursor ? [afterCursorCond(s.sort, s.cursor)] : [];
  let counting: Expression<unknown>;
  let page: TicketQuery;
  if (s.branches) {
    const branches = s.branches;
    const ids = (conds: Cond[], limit: number, ordered: boolean) =>
      sql.join(
        branches.map((b) => {
          const q = where(from(), [...conds, b]).select('t.id');
          return ordered ? sql`(${q.orderBy(orderOf(s.sort)).limit(limit)})` : sql`(${q.limit(limit)})`;
        }),
        sql` union all `,
      );
    counting = sql`select s.id from (${ids(s.filters, s.countCap + 1, false)}) as s limit ${s.countCap + 1}`;
    const pageIds = ids([...s.filters, ...after], s.offset + s.pageSize + 1, true);
    page = from().where(sql<SqlBool>`t.id in (${pageIds})`);
  } else {
    const base = where(from(), [...s.scope, ...s.filters]);
    counting = base.select('t.id').limit(s.countCap + 1);
    page = where(base, after);
  }
  const countRow = s.count
    ? await sql<{ n: number }>`select count(*)::int as n from (${counting}) as c`.execute(db)
    : null;
  const rows = await page
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
      't.handle_due_at',
      't.provisional',
      't.light',
      sql<string>`(${sortKeyOf(s.sort).key})::text`.as('sort_key'),
    ])
    .orderBy(orderOf(s.sort))
    .limit(s.pageSize + 1)
    .offset(s.offset)
    .execute();
  return { counted: countRow?.rows[0]?.n ?? 0, rows };
}

function afterCursorCond(sort: ListSort, c: ListCursor): Cond {
  return () => afterCursor(sort, c);
}
