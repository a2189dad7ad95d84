import { sql, type Kysely } from 'kysely';

/**
 * The editable category tree (问题分类). `category_version` is its history: one row per change
 * (create, rename, move, disable, enable, mapping), the newest id being the version in force,
 * so a running instance can tell that another one changed the tree. `category_mapping` maps a
 * profile's abstract category keys (`heating`, `service-number-complaint`, ...) onto the
 * installation's codes. Codes are never deleted (orders keep theirs); a code is disabled.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table category_version (
      id bigserial primary key,
      created_at timestamptz not null default now(),
      actor_user_id bigint references app_user(id),
      change text not null,
      details jsonb not null default '{}'::jsonb
    )`.execute(db);
  await sql`
    create table category_mapping (
      profile_key text not null,
      category_code text not null references category(code),
      primary key (profile_key, category_code)
    )`.execute(db);
  await sql`create index category_parent_idx on category(parent_code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists category_parent_idx`.execute(db);
  await sql`drop table if exists category_mapping`.execute(db);
  await sql`drop table if exists category_version`.execute(db);
}
