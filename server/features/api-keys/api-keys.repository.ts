import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';

export async function insertApiKey(
  trx: Trx,
  row: {
    name: string;
    prefix: string;
    keyHash: string;
    scopes: string[];
    unitId: number | null;
    actorUserId: number | null;
    createdBy: number;
    now: Date;
  },
): Promise<number> {
  const r = await trx
    .insertInto('api_key')
    .values({
      name: row.name,
      prefix: row.prefix,
      key_hash: row.keyHash,
      scopes: row.scopes,
      unit_id: row.unitId,
      actor_user_id: row.actorUserId,
      created_by: row.createdBy,
      created_at: row.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The account a `unit` key acts as: a handler of the unit that cannot sign in (no password). */
export async function insertKeyActor(
  trx: Trx,
  u: { username: string; displayName: string; unitId: number; now: Date },
): Promise<number> {
  const r = await trx
    .insertInto('app_user')
    .values({
      username: u.username,
      display_name: u.displayName,
      role: 'handler',
      unit_id: u.unitId,
      // Not a scrypt hash: no password ever matches it.
      password_hash: '!api-key',
      must_change_password: false,
      created_at: u.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export function findUnit(db: Db, unitId: number) {
  return db.selectFrom('org_unit').select(['id', 'name', 'code']).where('id', '=', unitId).executeTakeFirst();
}

export function listApiKeys(db: Db) {
  return db
    .selectFrom('api_key as k')
    .innerJoin('app_user as c', 'c.id', 'k.created_by')
    .leftJoin('org_unit as u', 'u.id', 'k.unit_id')
    .select([
      'k.id',
      'k.name',
      'k.prefix',
      'k.scopes',
      'k.unit_id as unitId',
      'u.name as unitName',
      'k.created_at as createdAt',
      'c.username as createdBy',
      'k.last_used_at as lastUsedAt',
      'k.revoked_at as revokedAt',
    ])
    .orderBy('k.id', 'desc')
    .execute();
}

export function findApiKeyByHash(db: Db, keyHash: string) {
  return db
    .selectFrom('api_key as k')
    .leftJoin('app_user as a', 'a.id', 'k.actor_user_id')
    .select([
      'k.id',
      'k.name',
      'k.scopes',
      'k.unit_id as unitId',
      'k.revoked_at as revokedAt',
      'k.last_used_at as lastUsedAt',
      'a.id as actorId',
      'a.username as actorUsername',
      'a.display_name as actorDisplayName',
      'a.unit_id as actorUnitId',
      'a.active as actorActive',
    ])
    .where('k.key_hash', '=', keyHash)
    .executeTakeFirst();
}

export async function touchApiKey(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('api_key').set({ last_used_at: now }).where('id', '=', id).execute();
}

/** Revokes a key (and disables the account it acts as); the key's row, or undefined. */
export async function revokeApiKey(trx: Trx, id: number, now: Date) {
  const row = await trx
    .updateTable('api_key')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name', 'actor_user_id'])
    .executeTakeFirst();
  if (row?.actor_user_id) {
    await trx.updateTable('app_user').set({ active: false }).where('id', '=', row.actor_user_id).execute();
  }
  return row;
}

export function apiKeyExists(db: Db, id: number) {
  return db.selectFrom('api_key').select(['id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
}
