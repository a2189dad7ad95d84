import { sql, type Insertable } from 'kysely';
import type { TicketTable } from '../../db/tables/core';
import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';
import type { UnitInfo } from './unit-directory';

/** SQL of the history import. No decisions here. */

export async function listImportUnits(db: Trx): Promise<UnitInfo[]> {
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'path', 'kind', 'is_platform', 'active'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    path: r.path,
    kind: r.kind,
    isPlatform: r.is_platform,
    active: r.active,
  }));
}

/** Which of these order numbers exist already (with their ids). */
export async function existingTicketNos(db: Trx, ticketNos: readonly string[]): Promise<Map<string, number>> {
  if (ticketNos.length === 0) return new Map();
  const rows = await db
    .selectFrom('ticket')
    .select(['id', 'ticket_no'])
    .where('ticket_no', 'in', [...ticketNos])
    .execute();
  return new Map(rows.map((r) => [r.ticket_no, r.id]));
}

export const IMPORT_USERNAME = 'history-import';

/**
 * The account imported events are recorded under (the file names no users): disabled, it can
 * never sign in; its id marks every imported event as such.
 */
export async function ensureImportUser(db: Db, centerId: number): Promise<number> {
  const found = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', IMPORT_USERNAME)
    .executeTakeFirst();
  if (found) return found.id;
  const r = await db
    .insertInto('app_user')
    .values({
      username: IMPORT_USERNAME,
      display_name: '历史数据导入',
      role: 'dispatcher',
      unit_id: centerId,
      password_hash: '!disabled',
      active: false,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (r) return r.id;
  return (
    await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', IMPORT_USERNAME)
      .executeTakeFirstOrThrow()
  ).id;
}

export async function insertImportedTicket(trx: Trx, row: Insertable<TicketTable>): Promise<number> {
  const r = await trx.insertInto('ticket').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Keeps the daily order-number counter ahead of imported numbers of the platform's own shape
 * (YYYYMMDD + 5 digits), so that new orders never collide with imported ones.
 */
export async function bumpTicketCounters(trx: Trx, days: ReadonlyMap<string, number>): Promise<void> {
  if (days.size === 0) return;
  await trx
    .insertInto('ticket_counter')
    .values([...days].map(([day, last]) => ({ day, last_value: last })))
    .onConflict((oc) =>
      oc
        .column('day')
        .doUpdateSet({ last_value: sql`greatest(ticket_counter.last_value, excluded.last_value)` }),
    )
    .execute();
}

/** Holder of an order while it is replayed: the platform that holds it and its lead unit. */
export async function orderHolders(
  trx: Trx,
  ticketId: number,
): Promise<{ platformUnitId: number | null; leadUnitId: number | null }> {
  const t = await trx
    .selectFrom('ticket')
    .select(['platform_unit_id', 'lead_unit_id'])
    .where('id', '=', ticketId)
    .executeTakeFirstOrThrow();
  return { platformUnitId: t.platform_unit_id, leadUnitId: t.lead_unit_id };
}
