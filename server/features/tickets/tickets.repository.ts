import { sql, type Insertable, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { TicketAssignmentTable, TicketDeadlineTable, TicketTable } from '../../db/tables/core';
import type { Database } from '../../db/schema';
import type { Db } from '../../platform/db';

/** The only SQL of work orders. No decisions here. */
export type Trx = Transaction<Database> | Db;
export type TicketRow = Selectable<Database['ticket']>;
export type AssignmentRow = Selectable<TicketAssignmentTable>;
export type DeadlineRow = Selectable<TicketDeadlineTable>;

export async function insertTicket(trx: Trx, row: Insertable<Database['ticket']>): Promise<number> {
  const r = await trx.insertInto('ticket').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function lockTicket(trx: Trx, id: number): Promise<TicketRow | undefined> {
  return trx.selectFrom('ticket').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Locks several orders in ascending id order, one statement each so the order is certain
 * (decision 0006: two transactions that lock the same orders can never wait on each other in a
 * circle). Returns the orders that exist, in id order.
 */
export async function lockTicketsInOrder(trx: Trx, ids: number[]): Promise<TicketRow[]> {
  const rows: TicketRow[] = [];
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
    const row = await lockTicket(trx, id);
    if (row) rows.push(row);
  }
  return rows;
}

export function findTicket(db: Trx, id: number): Promise<TicketRow | undefined> {
  return db.selectFrom('ticket').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateTicket(trx: Trx, id: number, patch: Updateable<TicketTable>): Promise<void> {
  await trx
    .updateTable('ticket')
    .set({ ...patch, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function appendEvent(
  trx: Trx,
  e: {
    ticketId: number;
    at: Date;
    actorUserId: number | null;
    actorUnitId: number | null;
    action: string;
    party: string | null;
    payload: Record<string, unknown>;
    from: string | null;
    to: string;
  },
): Promise<number> {
  // Callers hold the order's row lock, so max(seq)+1 is race-free.
  const r = await trx
    .insertInto('ticket_event')
    .values((eb) => ({
      ticket_id: e.ticketId,
      seq: eb
        .selectFrom('ticket_event')
        .select(sql<number>`coalesce(max(seq), 0) + 1`.as('n'))
        .where('ticket_id', '=', e.ticketId),
      at: e.at,
      actor_user_id: e.actorUserId,
      actor_unit_id: e.actorUnitId,
      action: e.action,
      party: e.party,
      payload: JSON.stringify(e.payload),
      from_status: e.from,
      to_status: e.to,
    }))
    .returning('seq')
    .executeTakeFirstOrThrow();
  return r.seq;
}

export function listEvents(db: Trx, ticketId: number) {
  return db
    .selectFrom('ticket_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_user_id')
    .leftJoin('org_unit as o', 'o.id', 'e.actor_unit_id')
    .select([
      'e.seq',
      'e.at',
      'e.action',
      'e.party',
      'e.payload',
      'e.from_status as fromStatus',
      'e.to_status as toStatus',
      'e.actor_user_id as actorUserId',
      'u.display_name as actorName',
      'e.actor_unit_id as actorUnitId',
      'o.name as actorUnitName',
    ])
    .where('e.ticket_id', '=', ticketId)
    .orderBy('e.seq')
    .execute();
}

export function listAssignments(db: Trx, ticketId: number): Promise<AssignmentRow[]> {
  return db
    .selectFrom('ticket_assignment')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .execute();
}

export async function insertAssignment(trx: Trx, row: Insertable<TicketAssignmentTable>): Promise<number> {
  const r = await trx.insertInto('ticket_assignment').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateAssignment(
  trx: Trx,
  ticketId: number,
  id: number,
  patch: Updateable<TicketAssignmentTable>,
): Promise<void> {
  await trx
    .updateTable('ticket_assignment')
    .set(patch)
    .where('ticket_id', '=', ticketId)
    .where('id', '=', id)
    .execute();
}

export function listDeadlines(db: Trx, ticketId: number): Promise<DeadlineRow[]> {
  return db.selectFrom('ticket_deadline').selectAll().where('ticket_id', '=', ticketId).execute();
}

/** Replaces the order's stage deadlines; alert levels survive when a stage's due time is unchanged. */
export async function replaceDeadlines(
  trx: Trx,
  ticketId: number,
  rows: Insertable<TicketDeadlineTable>[],
): Promise<void> {
  const old = await listDeadlines(trx, ticketId);
  const keep = new Map(old.map((r) => [r.stage, r]));
  await trx.deleteFrom('ticket_deadline').where('ticket_id', '=', ticketId).execute();
  if (rows.length === 0) return;
  await trx
    .insertInto('ticket_deadline')
    .values(
      rows.map((r) => {
        const prev = keep.get(r.stage);
        const same = prev && new Date(prev.due_at).getTime() === new Date(r.due_at).getTime();
        return { ...r, alert_level: r.alert_level ?? (same ? prev.alert_level : 0) };
      }),
    )
    .execute();
}

export function unitsByIds(db: Trx, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'kind', 'path', 'is_platform', 'parent_id', 'region'])
    .where('id', 'in', ids)
    .execute();
}

/** One unit's id, name, path, kind and state. */
export function findUnit(db: Trx, id: number) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path', 'kind', 'active', 'is_platform'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** An order's events in sequence, as the rules read them. */
export async function listOrderEvents(db: Trx, ticketId: number) {
  const rows = await db
    .selectFrom('ticket_event')
    .select(['at', 'action', 'party', 'payload'])
    .where('ticket_id', '=', ticketId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    action: r.action,
    party: r.party,
    payload: r.payload,
  }));
}

/** Writes an order's deadline summary (light, due time, rules' versions); not a new version. */
export async function writeTicketSummary(
  trx: Trx,
  id: number,
  summary: Updateable<TicketTable>,
): Promise<void> {
  await trx.updateTable('ticket').set(summary).where('id', '=', id).execute();
}
