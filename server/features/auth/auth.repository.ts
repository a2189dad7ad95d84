import type { Db } from '../../platform/db';

export function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findSessionUser(db: Db, tokenHash: string) {
  return db
    .selectFrom('auth_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId',
      's.expires_at as expiresAt',
      's.revoked_at as revokedAt',
      's.last_seen_at as lastSeenAt',
      'u.must_change_password as mustChangePassword',
      'u.id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'u.unit_id as unitId',
      'u.active',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function insertSession(
  db: Db,
  row: { userId: number; tokenHash: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('auth_session')
    .values({
      user_id: row.userId,
      token_hash: row.tokenHash,
      created_at: row.now,
      last_seen_at: row.now,
      expires_at: row.expiresAt,
    })
    .execute();
}

export async function revokeSession(db: Db, sessionId: number, now: Date): Promise<void> {
  await db.updateTable('auth_session').set({ revoked_at: now }).where('id', '=', sessionId).execute();
}

export async function touchSession(db: Db, sessionId: number, now: Date): Promise<void> {
  await db.updateTable('auth_session').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function setPassword(db: Db, userId: number, hash: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: hash, must_change_password: false, failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

export async function revokeOtherSessions(
  db: Db,
  userId: number,
  keepSessionId: number,
  now: Date,
): Promise<void> {
  await db
    .updateTable('auth_session')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('id', '!=', keepSessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** A user's recent sign-ins, failures, sign-outs and password changes, newest first. */
export function listSignInHistory(db: Db, username: string, limit: number) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'action', 'ip', 'details'])
    .where('actor_username', '=', username)
    .where('action', 'in', ['login', 'login-failed', 'login-refused', 'logout', 'password-changed'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The name, kind and platform flag of a user's unit. */
export function findUnitSummary(db: Db, unitId: number) {
  return db
    .selectFrom('org_unit')
    .select(['name', 'kind', 'is_platform'])
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
}
