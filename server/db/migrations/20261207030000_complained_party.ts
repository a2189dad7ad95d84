import { sql, type Kysely } from 'kysely';

/**
 * The party complained about (被投诉单位 / 被投诉人) of an order: its caller is never shown to
 * that unit or its sub-units [zibo-12345 §17; tianjin-wuqing §30(4); beijing-miyun §25(7)].
 * Lists ask "is this order about the viewer's unit or one above it", hence the partial index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table ticket add column complained_unit_id bigint references org_unit(id)`.execute(db);
  await sql`alter table ticket add column complained_person text`.execute(db);
  await sql`
    create index ticket_complained_unit_idx on ticket(complained_unit_id)
      where complained_unit_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists ticket_complained_unit_idx`.execute(db);
  await sql`alter table ticket drop column if exists complained_person`.execute(db);
  await sql`alter table ticket drop column if exists complained_unit_id`.execute(db);
}
