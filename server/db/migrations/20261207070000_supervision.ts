import { sql, type Kysely } from 'kysely';

/**
 * Supervision as records the supervised unit answers [zibo-12345 §15; tianjin-wuqing §23-§24;
 * shanghai-962200 §12]: the supervising office by trigger and who answered; an index for the
 * unit's list and for the ignored-supervision report by due time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table supervision add column office text`.execute(db);
  await sql`alter table supervision add column responded_by bigint references app_user(id)`.execute(db);
  await sql`create index supervision_unit_idx on supervision(unit_id, created_at)`.execute(db);
  await sql`create index supervision_respond_by_idx on supervision(respond_by)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists supervision_respond_by_idx`.execute(db);
  await sql`drop index if exists supervision_unit_idx`.execute(db);
  await sql`alter table supervision drop column if exists responded_by`.execute(db);
  await sql`alter table supervision drop column if exists office`.execute(db);
}
