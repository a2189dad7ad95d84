import { sql, type Kysely } from 'kysely';

/**
 * Append-only, tamper-evident audit log (SPEC §9; beijing-miyun §6: kept at least 3 years).
 * Each entry's hash covers the previous entry's hash, so editing or deleting a row breaks the
 * chain (`civicline audit verify`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_log (
      id bigserial primary key,
      at timestamptz not null,
      actor_user_id bigint,
      actor_username text,
      action text not null,
      target_type text,
      target_id text,
      details jsonb not null default '{}',
      ip text,
      prev_hash text not null,
      hash text not null unique
    )`.execute(db);
  await sql`create index audit_log_target_idx on audit_log(target_type, target_id)`.execute(db);
  await sql`create index audit_log_actor_idx on audit_log(actor_user_id, at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists audit_log`.execute(db);
}
