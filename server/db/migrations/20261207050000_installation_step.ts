import { sql, type Kysely } from 'kysely';

/**
 * Steps of the first start (the demo city, its knowledge base, its orders): begun, and done for
 * good. A step begun and not completed was interrupted and is redone at the next start. An
 * installation that already has units took every step before this table existed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table installation_step (
      step text primary key,
      begun_at timestamptz not null,
      completed_at timestamptz
    )`.execute(db);
  await sql`
    insert into installation_step (step, begun_at, completed_at)
    select s, now(), now() from unnest(array['demo-city', 'demo-knowledge', 'demo-orders']) as s
    where exists (select 1 from org_unit)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists installation_step`.execute(db);
}
