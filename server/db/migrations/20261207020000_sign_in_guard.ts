import { sql, type Kysely } from 'kysely';

/**
 * Sign-in guard (docs/SECURITY.md, 8.1.4.1 b): failure counts that every instance shares.
 * - `app_user.failed_login_at`: the last counted attempt, so old failures are forgotten after a day.
 * - `sign_in_unknown_name`: the same count and lock for names that are no account, so a lock
 *   reveals nothing about which accounts exist (the name is stored hashed).
 * - `sign_in_address`: failed attempts per client address (hashed) and 15-minute window.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app_user add column failed_login_at timestamptz`.execute(db);
  await sql`
    create table sign_in_unknown_name (
      name_hash text primary key,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      failed_login_at timestamptz not null
    )`.execute(db);
  await sql`create index sign_in_unknown_name_at_idx on sign_in_unknown_name(failed_login_at)`.execute(db);
  await sql`
    create table sign_in_address (
      address_hash text not null,
      window_start timestamptz not null,
      failures integer not null,
      primary key (address_hash, window_start)
    )`.execute(db);
  await sql`create index sign_in_address_window_idx on sign_in_address(window_start)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists sign_in_address`.execute(db);
  await sql`drop table if exists sign_in_unknown_name`.execute(db);
  await sql`alter table app_user drop column if exists failed_login_at`.execute(db);
}
