import { sql, type Expression, type SqlBool } from 'kysely';
import type { Open311Tables } from '../../db/tables/open311';
import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';

/** Open311 GeoReport v2: the only SQL of the feature. */

const o311 = (db: Trx) => db.withTables<Open311Tables>();

/** Statuses an Open311 client sees as `closed`; every other status is `open`. */
export const closedStatuses = ['closed', 'answered', 'not_accepted', 'merged'] as const;

/** The agent account an `open311` key submits as, made on its first request. */
export async function clientActor(
  db: Db,
  key: { id: number; name: string },
  now: Date,
): Promise<{ id: number; username: string; displayName: string; unitId: number }> {
  const found = await o311(db)
    .selectFrom('open311_client as c')
    .innerJoin('app_user as u', 'u.id', 'c.actor_user_id')
    .select(['u.id', 'u.username', 'u.display_name as displayName', 'u.unit_id as unitId'])
    .where('c.api_key_id', '=', key.id)
    .executeTakeFirst();
  if (found) return found;
  return db.transaction().execute(async (trx) => {
    // One account per key even when its first requests arrive together.
    await sql`select pg_advisory_xact_lock(${0x4f_33_31_31}, ${key.id})`.execute(trx);
    const again = await o311(trx)
      .selectFrom('open311_client as c')
      .innerJoin('app_user as u', 'u.id', 'c.actor_user_id')
      .select(['u.id', 'u.username', 'u.display_name as displayName', 'u.unit_id as unitId'])
      .where('c.api_key_id', '=', key.id)
      .executeTakeFirst();
    if (again) return again;
    const center = await trx
      .selectFrom('org_unit')
      .select('id')
      .where('is_platform', '=', true)
      .where('kind', '=', 'center')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const username = `open311-key-${key.id}`;
    const displayName = `开放接口：${key.name}`.slice(0, 100);
    const user = await trx
      .insertInto('app_user')
      .values({
        username,
        display_name: displayName,
        role: 'agent',
        unit_id: center.id,
        // Not a scrypt hash: no password ever matches it.
        password_hash: '!api-key',
        must_change_password: false,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await o311(trx)
      .insertInto('open311_client')
      .values({ api_key_id: key.id, actor_user_id: user.id })
      .execute();
    return { id: user.id, username, displayName, unitId: center.id };
  });
}

export async function insertOpen311Request(
  trx: Trx,
  row: {
    ticketId: number;
    token: string;
    apiKeyId: number;
    serviceCode: string;
    lat: number | null;
    long: number | null;
    addressId: string | null;
    email: string | null;
    deviceId: string | null;
    accountId: string | null;
    mediaUrl: string | null;
    attributes: Record<string, string | string[]>;
    requestedAt: Date;
  },
): Promise<void> {
  await o311(trx)
    .insertInto('open311_request')
    .values({
      ticket_id: row.ticketId,
      token: row.token,
      api_key_id: row.apiKeyId,
      service_code: row.serviceCode,
      lat: row.lat,
      long: row.long,
      address_id: row.addressId,
      email: row.email,
      device_id: row.deviceId,
      account_id: row.accountId,
      media_url: row.mediaUrl,
      attributes: JSON.stringify(row.attributes),
      requested_at: row.requestedAt,
    })
    .execute();
}

export interface RequestFilter {
  ticketNos?: string[];
  serviceCodes?: string[];
  from?: Date;
  to?: Date;
  status?: ('open' | 'closed')[];
  limit: number;
}

/**
 * Requests submitted over Open311 (never a confidential order), newest first, with what the
 * public may read: the order's state, its unit's name and the handling deadline.
 */
export function findRequests(db: Db, f: RequestFilter) {
  return o311(db)
    .selectFrom('open311_request as o')
    .innerJoin('ticket as t', 't.id', 'o.ticket_id')
    .leftJoin('category as c', (j) => j.on(sql<SqlBool>`c.code = coalesce(t.category_code, o.service_code)`))
    .leftJoin('org_unit as lead', 'lead.id', 't.lead_unit_id')
    .innerJoin('org_unit as platform', 'platform.id', 't.platform_unit_id')
    .select((eb) => [
      't.id',
      't.ticket_no as ticketNo',
      't.status',
      't.content',
      't.caller_name as callerName',
      't.caller_phone as callerPhone',
      't.caller_address as callerAddress',
      't.location_address as address',
      't.received_at as receivedAt',
      't.updated_at as updatedAt',
      sql<string>`coalesce(t.category_code, o.service_code)`.as('serviceCode'),
      'c.name as serviceName',
      eb.fn.coalesce('lead.name', 'platform.name').as('agency'),
      'o.lat',
      'o.long',
      'o.address_id as addressId',
      'o.media_url as mediaUrl',
      eb
        .selectFrom('ticket_deadline as d')
        .select((d) => d.fn.max('d.due_at').as('due'))
        .whereRef('d.ticket_id', '=', 't.id')
        .where('d.stage', '=', 'handleBy')
        .where((d) => d.or([d('d.unit_id', 'is', null), d('d.unit_id', '=', d.ref('t.lead_unit_id'))]))
        .as('expectedAt'),
    ])
    .where('t.confidential', '=', false)
    .where((eb) => {
      const conds: Expression<SqlBool>[] = [];
      if (f.ticketNos) conds.push(eb('t.ticket_no', 'in', f.ticketNos));
      if (f.serviceCodes) {
        conds.push(eb(sql<string>`coalesce(t.category_code, o.service_code)`, 'in', f.serviceCodes));
      }
      if (f.from) conds.push(eb('o.requested_at', '>=', f.from));
      if (f.to) conds.push(eb('o.requested_at', '<=', f.to));
      if (f.status && f.status.length === 1) {
        conds.push(eb('t.status', f.status[0] === 'closed' ? 'in' : 'not in', [...closedStatuses]));
      }
      return eb.and(conds);
    })
    .orderBy('o.requested_at', 'desc')
    .orderBy('o.ticket_id', 'desc')
    .limit(f.limit)
    .execute();
}
export type RequestRow = Awaited<ReturnType<typeof findRequests>>[number];

/** The order a token was issued for. */
export function findByToken(db: Db, token: string) {
  return o311(db)
    .selectFrom('open311_request as o')
    .innerJoin('ticket as t', 't.id', 'o.ticket_id')
    .select(['t.ticket_no as ticketNo', 'o.token'])
    .where('o.token', '=', token)
    .executeTakeFirst();
}
