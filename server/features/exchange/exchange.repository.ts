import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';

/** SQL of the exchange between installations. */

export function findExchangeOrder(db: Db, externalNo: string) {
  return db
    .selectFrom('exchange_order as x')
    .innerJoin('ticket as t', 't.id', 'x.ticket_id')
    .select(['t.id', 't.ticket_no'])
    .where('x.external_no', '=', externalNo)
    .executeTakeFirst();
}

export async function insertExchangeOrder(
  trx: Trx,
  row: { ticketId: number; externalNo: string; source: 'city' | 'province'; apiKeyId: number; at: Date },
): Promise<void> {
  await trx
    .insertInto('exchange_order')
    .values({
      ticket_id: row.ticketId,
      external_no: row.externalNo,
      source: row.source,
      api_key_id: row.apiKeyId,
      received_at: row.at,
    })
    .execute();
}

/** Who issued a key (orders received with it are recorded as taken by that administrator). */
export function keyIssuer(db: Db, keyId: number) {
  return db
    .selectFrom('api_key as k')
    .innerJoin('app_user as u', 'u.id', 'k.created_by')
    .select(['u.id', 'u.username'])
    .where('k.id', '=', keyId)
    .executeTakeFirstOrThrow();
}

export function ticketByNo(db: Db, ticketNo: string) {
  return db
    .selectFrom('ticket')
    .select(['id', 'status'])
    .where('ticket_no', '=', ticketNo)
    .executeTakeFirst();
}

/** Records a status report as applied; false when its delivery was applied before. */
export async function claimReceipt(
  trx: Trx,
  r: { deliveryId: string; ticketId: number; at: Date },
): Promise<boolean> {
  const row = await trx
    .insertInto('exchange_receipt')
    .values({ delivery_id: r.deliveryId, ticket_id: r.ticketId, received_at: r.at })
    .onConflict((oc) => oc.column('delivery_id').doNothing())
    .returning('delivery_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setUnitExchange(
  db: Db,
  unitId: number,
  endpoint: string | null,
  key: string | null,
): Promise<boolean> {
  const r = await db
    .updateTable('org_unit')
    .set({ exchange_endpoint: endpoint, exchange_key: endpoint ? key : null })
    .where('id', '=', unitId)
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export function unitExchange(db: Db, unitId: number) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'kind', 'is_platform', 'exchange_endpoint', 'exchange_key'])
    .where('id', '=', unitId)
    .executeTakeFirst();
}

/** The unit holds (or held) an assignment of the order. */
export async function isAssignedTo(trx: Trx, ticketId: number, unitId: number): Promise<boolean> {
  const r = await trx
    .selectFrom('ticket_assignment')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return r !== undefined;
}
