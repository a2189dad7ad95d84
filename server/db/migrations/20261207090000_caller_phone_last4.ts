import { sql, type Kysely } from 'kysely';

/** The search box finds orders by the last four digits of the caller's phone (尾号). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index ticket_caller_phone_last4_idx on ticket (right(caller_phone, 4))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists ticket_caller_phone_last4_idx`.execute(db);
}
