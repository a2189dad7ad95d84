import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import { insertUnit } from '../org/org.repository';
import type { Trx } from '../tickets/tickets.repository';

/** SQL of franchise enterprises' accounts and desk (tianjin-wuqing §36). No decisions here. */

export const FRANCHISE_UNIT_CODE = 'FRANCHISE';

/** The unit of enterprise accounts: inactive (never dispatched to), created with the first account. */
export async function franchiseUnit(db: Db): Promise<number> {
  const row = await db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', FRANCHISE_UNIT_CODE)
    .executeTakeFirst();
  if (row) return row.id;
  const { id } = await insertUnit(db, {
    code: FRANCHISE_UNIT_CODE,
    name: '加盟企业',
    kind: 'sub-unit',
    parentId: null,
  });
  await db.updateTable('org_unit').set({ active: false }).where('id', '=', id).execute();
  return id;
}

export async function enterpriseOfUser(db: Trx, userId: number): Promise<number | null> {
  const row = await db
    .selectFrom('app_user')
    .select('enterprise_id')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.enterprise_id ?? null;
}

/** Whether the order was referred to the enterprise of this account (one statement). */
export async function isReferredToUser(db: Trx, ticketId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('enterprise_referral as r')
    .innerJoin('app_user as u', 'u.enterprise_id', 'r.enterprise_id')
    .select('r.ticket_id')
    .where('r.ticket_id', '=', ticketId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The enterprise's e-orders, newest first, with what it needs to contact the citizen. */
export function deskOrders(db: Trx, enterpriseId: number, ticketId?: number) {
  let q = db
    .selectFrom('enterprise_referral as r')
    .innerJoin('ticket as t', 't.id', 'r.ticket_id')
    .leftJoin('category as c', 'c.code', 't.category_code')
    .select([
      't.id',
      't.ticket_no',
      't.status',
      't.content',
      't.demand',
      't.category_code',
      'c.name as category_name',
      't.caller_name',
      't.caller_phone',
      't.confidential',
      't.location_address',
      't.received_at',
      'r.referred_at',
      'r.rating',
    ])
    .select(
      sql<Record<
        string,
        unknown
      > | null>`(select e.payload from ticket_event e where e.ticket_id = t.id and e.action = 'report-referral' order by e.seq desc limit 1)`.as(
        'report',
      ),
    )
    .where('r.enterprise_id', '=', enterpriseId);
  if (ticketId !== undefined) q = q.where('t.id', '=', ticketId);
  return q.orderBy('r.referred_at', 'desc').limit(500).execute();
}

/** Links an existing account to its enterprise (demo data). */
export async function linkDemoAccount(db: Trx, username: string, enterpriseId: number): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ enterprise_id: enterpriseId })
    .where('username', '=', username)
    .execute();
}
