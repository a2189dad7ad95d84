import type { Updateable } from 'kysely';
import type { AppUserTable, OrgUnitTable } from '../../db/tables/core';
import type { NotificationUserColumns } from '../../db/tables/notifications';
import type { Db } from '../../platform/db';

/** Users with their unit's name, by id. */
export function listUsersWithUnits(db: Db) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('org_unit as o', 'o.id', 'u.unit_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'u.unit_id as unitId',
      'o.name as unitName',
      'u.active',
      'u.locked_until as lockedUntil',
      'u.must_change_password as mustChangePassword',
      'u.created_at as createdAt',
    ])
    .orderBy('u.id')
    .execute();
}

export function findUnitActive(db: Db, unitId: number) {
  return db.selectFrom('org_unit').select(['id', 'active']).where('id', '=', unitId).executeTakeFirst();
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  return row !== undefined;
}

export async function unitCodeTaken(db: Db, code: string): Promise<boolean> {
  const row = await db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(
  db: Db,
  u: {
    username: string;
    displayName: string;
    role: string;
    unitId: number;
    passwordHash: string;
    /** The franchise enterprise of an `enterprise` account. */
    enterpriseId?: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      unit_id: u.unitId,
      password_hash: u.passwordHash,
      enterprise_id: u.enterpriseId ?? null,
      must_change_password: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findUserRow(db: Db, id: number) {
  return db
    .selectFrom('app_user')
    .select(['username', 'display_name', 'role', 'unit_id', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateUserRow(
  db: Db,
  id: number,
  set: Updateable<AppUserTable & NotificationUserColumns>,
): Promise<void> {
  await db.updateTable('app_user').set(set).where('id', '=', id).execute();
}

/** Ends every open session of a user. */
export async function revokeUserSessions(db: Db, userId: number, now: Date): Promise<void> {
  await db
    .updateTable('auth_session')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

export function findUnitRow(db: Db, id: number) {
  return db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateUnitRow(db: Db, id: number, set: Updateable<OrgUnitTable>): Promise<void> {
  await db.updateTable('org_unit').set(set).where('id', '=', id).execute();
}

/** Whether a unit still holds an order it was dispatched or accepted. */
export async function unitHasOpenAssignment(db: Db, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom('ticket_assignment')
    .select('ticket_id')
    .where('unit_id', '=', unitId)
    .where('status', 'in', ['dispatched', 'accepted'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
