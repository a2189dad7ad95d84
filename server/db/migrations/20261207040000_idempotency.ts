import { sql, type Kysely } from 'kysely';

/**
 * Idempotency keys of intake and actions: a client that retries after a cut connection sends
 * the same `Idempotency-Key` and gets the order it created, not a second one. The key is
 * claimed in the same transaction as the change it guards.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table idempotency_key (
      user_id bigint not null,
      key text not null,
      request_hash text not null,
      ticket_id bigint,
      created_at timestamptz not null,
      primary key (user_id, key)
    )`.execute(db);
  await sql`create index idempotency_key_created_idx on idempotency_key(created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists idempotency_key`.execute(db);
}
