import { sql, type Kysely } from 'kysely';

/**
 * The words of each service day's orders, counted once (hot topics, server/features/trends): a
 * day's word counts over all orders, with the number of orders they were counted from. A day is
 * counted again when its number of orders has changed (orders taken or imported since). Hot topics
 * compare a window with the 28 days before it; without this, every request ran PostgreSQL's
 * `ts_stat` over five weeks of orders.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table term_day_stat (
      day date primary key,
      orders integer not null,
      terms text[] not null,
      counts integer[] not null,
      computed_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists term_day_stat`.execute(db);
}
