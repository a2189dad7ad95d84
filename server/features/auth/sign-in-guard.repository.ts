import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db';

/**
 * Failure counts of sign-in, decided atomically in the database so that concurrent attempts
 * and several instances see one count. A reservation is taken *before* the password check;
 * the row lock of the UPDATE (or INSERT … ON CONFLICT) orders concurrent attempts.
 *
 * Per name (an account, or a name that is no account: same columns, same rules):
 * - `failed_logins` counts attempts reserved since the last success (checked failures and
 *   attempts still being checked); `locked_until` is the end of a lock.
 * - A reservation succeeds while the count is below the limit; otherwise, if no lock is set
 *   yet (every allowed attempt is still being checked), the name is locked from now.
 * - A lock that has ended, or a count whose last attempt is older than the forgetting time,
 *   starts again at one.
 */
export interface NameLimits {
  maxFailures: number;
  now: Date;
  lockUntil: Date;
  /** Failures older than this are forgotten. */
  forgetBefore: Date;
}

export interface Reservation {
  /** True when this attempt may check its password. */
  reserved: boolean;
  failures: number;
  lockedUntil: Date | null;
}

interface GuardRow {
  failures: number;
  lockedUntil: Date | null;
}

/** The SET list shared by accounts and unknown names; `t` names the row being updated. */
function reserveSet(t: string, l: NameLimits): RawBuilder<unknown> {
  const c = (col: string) => sql.ref(`${t}.${col}`);
  const fresh = sql`((${c('locked_until')} is not null and ${c('locked_until')} <= ${l.now})
    or (${c('locked_until')} is null and (${c('failed_login_at')} is null or ${c('failed_login_at')} <= ${l.forgetBefore})))`;
  const room = sql`(${c('locked_until')} is null and ${c('failed_logins')} < ${l.maxFailures})`;
  return sql`
    failed_logins = case when ${fresh} then 1 when ${room} then ${c('failed_logins')} + 1 else ${c('failed_logins')} end,
    locked_until = case
      when ${fresh} then null
      when ${room} then null
      when ${c('locked_until')} is null then ${l.lockUntil}::timestamptz
      else ${c('locked_until')} end,
    failed_login_at = case when ${fresh} or ${room} then ${l.now}::timestamptz else ${c('failed_login_at')} end`;
}

function toReservation(row: GuardRow | undefined): Reservation {
  if (!row) throw new Error('sign-in guard row missing');
  return { reserved: row.lockedUntil === null, failures: row.failures, lockedUntil: row.lockedUntil };
}

export async function reserveAccountAttempt(db: Db, userId: number, l: NameLimits): Promise<Reservation> {
  const { rows } = await sql<GuardRow>`
    update app_user as u set ${reserveSet('u', l)}
    where u.id = ${userId}
    returning u.failed_logins as failures, u.locked_until as "lockedUntil"`.execute(db);
  return toReservation(rows[0]);
}

export async function reserveUnknownNameAttempt(
  db: Db,
  nameHash: string,
  l: NameLimits,
): Promise<Reservation> {
  const { rows } = await sql<GuardRow>`
    insert into sign_in_unknown_name as g (name_hash, failed_logins, locked_until, failed_login_at)
    values (${nameHash}, 1, null, ${l.now})
    on conflict (name_hash) do update set ${reserveSet('g', l)}
    returning g.failed_logins as failures, g.locked_until as "lockedUntil"`.execute(db);
  return toReservation(rows[0]);
}

/** After a failed check: lock when the count has reached the limit (read at this moment). */
export async function concludeAccountFailure(db: Db, userId: number, l: NameLimits): Promise<Date | null> {
  const { rows } = await sql<{ lockedUntil: Date }>`
    update app_user set locked_until = ${l.lockUntil}
    where id = ${userId} and failed_logins >= ${l.maxFailures}
    returning locked_until as "lockedUntil"`.execute(db);
  return rows[0]?.lockedUntil ?? null;
}

export async function concludeUnknownNameFailure(
  db: Db,
  nameHash: string,
  l: NameLimits,
): Promise<Date | null> {
  const { rows } = await sql<{ lockedUntil: Date }>`
    update sign_in_unknown_name set locked_until = ${l.lockUntil}
    where name_hash = ${nameHash} and failed_logins >= ${l.maxFailures}
    returning locked_until as "lockedUntil"`.execute(db);
  return rows[0]?.lockedUntil ?? null;
}

/**
 * After a right password: clears the count unless the account was locked meanwhile by
 * concurrent failures (then the sign-in is refused). Returns the lock end when refused.
 */
export async function concludeAccountSuccess(
  db: Db,
  userId: number,
  now: Date,
): Promise<{ cleared: boolean; lockedUntil: Date | null }> {
  const cleared = await sql<{ id: number }>`
    update app_user set failed_logins = 0, locked_until = null, failed_login_at = null
    where id = ${userId} and (locked_until is null or locked_until <= ${now})
    returning id`.execute(db);
  if (cleared.rows.length > 0) return { cleared: true, lockedUntil: null };
  const row = await db
    .selectFrom('app_user')
    .select('locked_until')
    .where('id', '=', userId)
    .executeTakeFirst();
  return { cleared: false, lockedUntil: row?.locked_until ?? null };
}

/**
 * Takes one failure slot of the address in the current window; false when the window's
 * slots are used up (nothing is counted then).
 */
export async function reserveAddressAttempt(
  db: Db,
  addressHash: string,
  windowStart: Date,
  max: number,
): Promise<boolean> {
  const { rows } = await sql<{ failures: number }>`
    insert into sign_in_address as a (address_hash, window_start, failures)
    values (${addressHash}, ${windowStart}, 1)
    on conflict (address_hash, window_start) do update set failures = a.failures + 1
    where a.failures < ${max}
    returning a.failures as failures`.execute(db);
  return rows.length > 0 && (rows[0]?.failures ?? max + 1) <= max;
}

/** Gives a slot back: the attempt did not fail its password check (success, or refused as locked). */
export async function releaseAddressAttempt(db: Db, addressHash: string, windowStart: Date): Promise<void> {
  await sql`
    update sign_in_address set failures = failures - 1
    where address_hash = ${addressHash} and window_start = ${windowStart} and failures > 0`.execute(db);
}

/** Forgets counts that no longer matter (ended windows, forgotten unknown names). */
export async function pruneSignInGuard(db: Db, before: Date, now: Date): Promise<void> {
  await sql`delete from sign_in_address where window_start < ${before}`.execute(db);
  await sql`
    delete from sign_in_unknown_name
    where failed_login_at < ${before} and (locked_until is null or locked_until <= ${now})`.execute(db);
}
