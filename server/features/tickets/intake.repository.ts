import { sql, type Insertable } from 'kysely';
import type { Database } from '../../db/schema';
import type { StageRow } from '../../domain/ticket/order';
import type { Db } from '../../platform/db';
import type { TicketRow, Trx } from './tickets.repository';

/**
 * SQL of intake (decision 0011): one read of what intake checks, the day's number taken in a
 * statement of its own, and one statement that writes the order, its first event and its stage
 * deadlines. No decisions here. Whatever else must be written with every new order belongs in
 * `insertIntake` (the one place intake persists an order).
 */

export interface IntakeReferences {
  /** The actor's unit (null for a citizen's own request, taken by the center). */
  unit: { id: number; is_platform: boolean; kind: string } | null;
  /** The first hotline center (the platform of an order taken outside a platform unit). */
  centerId: number | null;
  /** The category named by the request: null when there is none with that code. */
  category: { active: boolean } | null;
  /** The id the new order will take (reserved from the order table's sequence). */
  newId: number;
}

/** One statement: the actor's unit, the center, the category's state, and a fresh order id. */
export async function intakeReferences(
  db: Trx,
  o: { unitId: number | null; category: string | undefined },
): Promise<IntakeReferences> {
  const row = await db
    .selectFrom('org_unit as u')
    .select((eb) => [
      'u.id',
      'u.is_platform',
      'u.kind',
      eb
        .selectFrom('org_unit as c')
        .select('c.id')
        .where('c.kind', '=', 'center')
        .orderBy('c.id')
        .limit(1)
        .as('center_id'),
      eb
        .selectFrom('category')
        .select('active')
        .where('code', '=', o.category ?? '')
        .as('category_active'),
      sql<string>`nextval(pg_get_serial_sequence('ticket', 'id'))`.as('new_id'),
    ])
    // Without an actor's unit the row read is the center's own (its unit is then not the actor's).
    .$if(o.unitId !== null, (q) => q.where('u.id', '=', o.unitId as number))
    .$if(o.unitId === null, (q) => q.where('u.kind', '=', 'center').orderBy('u.id').limit(1))
    .executeTakeFirstOrThrow();
  return {
    unit: o.unitId === null ? null : { id: row.id, is_platform: row.is_platform, kind: row.kind },
    centerId: row.center_id ?? null,
    category:
      o.category && row.category_active !== null && row.category_active !== undefined
        ? { active: row.category_active }
        : null,
    newId: Number(row.new_id),
  };
}

/**
 * The next number of the day, YYYYMMDD + 5 digits (e.g. 2026112200001), in a statement that is
 * its own transaction: the day's counter row is locked only while this statement runs, never
 * while an intake's transaction does (decision 0011). Its commit does not wait for the disk:
 * the order that uses the number commits later, and its commit record makes this one durable
 * too (the log is written in order). A number taken by an intake that then fails is not reused
 * (a gap in the day's numbers).
 */
export async function takeTicketNo(db: Db, day: string): Promise<string> {
  const r = await sql<{ n: number }>`with c as (
      insert into ticket_counter (day, last_value) values (${day}, 1)
      on conflict (day) do update set last_value = ticket_counter.last_value + 1
      returning last_value)
    select (select last_value from c) as n, set_config('synchronous_commit', 'off', true) as s`.execute(db);
  const n = r.rows[0]?.n;
  if (n === undefined) throw new Error('no order number');
  return `${day.replaceAll('-', '')}${String(n).padStart(5, '0')}`;
}

export type NewOrderRow = Insertable<Database['ticket']> & { id: number };

/** The columns of a new order that only later steps fill: lead unit, suspension, merge, ratings. */
export const laterOrderColumns = {
  lead_unit_id: null,
  status_before_suspend: null,
  pending_request: null,
  merged_into_id: null,
  emergency_result_days: null,
  process_satisfaction: null,
  result_satisfaction: null,
  contacted_by_unit: null,
} as const;
export type FirstEventRow = Omit<Insertable<Database['ticket_event']>, 'payload'> & {
  payload: Record<string, unknown>;
};

/**
 * Writes a new order, its first event and its stage deadlines in one statement (the foreign keys
 * are checked at its end, when all three are in) and returns the stored order row.
 */
export async function insertIntake(
  trx: Trx,
  o: { order: NewOrderRow; event: FirstEventRow; deadlines: StageRow[] },
): Promise<TicketRow> {
  const withOrder = trx
    .with('t', (db) => db.insertInto('ticket').values(o.order).returningAll())
    .with('e', (db) =>
      db.insertInto('ticket_event').values({ ...o.event, payload: JSON.stringify(o.event.payload) }),
    );
  const deadlines = o.deadlines.map((r) => ({
    ...r,
    alert_level: r.alert_level ?? 0,
    explanation: JSON.stringify(r.explanation),
  }));
  const stored =
    deadlines.length > 0
      ? await withOrder
          .with('d', (db) => db.insertInto('ticket_deadline').values(deadlines))
          .selectFrom('t')
          .selectAll()
          .executeTakeFirstOrThrow()
      : await withOrder.selectFrom('t').selectAll().executeTakeFirstOrThrow();
  return stored;
}
