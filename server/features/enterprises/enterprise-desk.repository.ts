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

export async function insertEnterpriseUser(
  db: Db,
  u: { username: string; displayName: string; unitId: number; enterpriseId: number; passwordHash: string },
): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({
      username: u.username,
      display_name: u.displayName,
      role: 'enterprise',
      unit_id: u.unitId,
      enterprise_id: u.enterpriseId,
      password_hash: u.passwordHash,
      must_change_password: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function usernameExists(db: Db, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  return row !== undefined;
}

export async function enterpriseOfUser(db: Trx, userId: number): Promise<number | null> {
  const row = await db
    .selectFrom('app_user')
    .select('enterprise_id')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.enterprise_id ?? null;
}

export async function isReferredTo(db: Trx, ticketId: number, enterpriseId: number): Promise<boolean> {
  const row = await db
    .selectFrom('enterprise_referral')
    .select('ticket_id')
    .where('ticket_id', '=', ticketId)
    .where('enterprise_id', '=', enterpriseId)
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
