import { sql, type Kysely } from 'kysely';

/**
 * The sweep found a stage line through three partial indexes (warning, due, red time, each
 * while that level was not alerted), and each alert level it stored was a new entry in up to
 * three of them. Now one stored generated column, `next_alert_at`, is the earliest boundary of
 * the line not alerted yet (null once met or fully alerted), with one partial index: a line is
 * found by one index range and each level stored touches one entry of it. Writers keep writing
 * `alert_level` and `met_at`; the column follows.
 *
 * `least` of the boundaries not yet alerted: a line has crossed one of them exactly when the
 * earliest has passed, so `next_alert_at <= now` is the old three-way condition. Adding the
 * column rewrites the table once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table ticket_deadline add column next_alert_at timestamptz generated always as (
      case when met_at is null then least(
        case when alert_level < 1 then warn_at end,
        case when alert_level < 2 then due_at end,
        case when alert_level < 3 then red_at end) end) stored`.execute(db);
  await sql`drop index if exists ticket_deadline_warn_idx`.execute(db);
  await sql`drop index if exists ticket_deadline_due_idx`.execute(db);
  await sql`drop index if exists ticket_deadline_red_idx`.execute(db);
  // The order id beside the time: the sweep's candidates are read from the index alone.
  await sql`
    create index ticket_deadline_next_alert_idx on ticket_deadline(next_alert_at, ticket_id)
      where next_alert_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists ticket_deadline_next_alert_idx`.execute(db);
  await sql`alter table ticket_deadline drop column next_alert_at`.execute(db);
  await sql`create index ticket_deadline_warn_idx on ticket_deadline(warn_at) where met_at is null and alert_level < 1`.execute(
    db,
  );
  await sql`create index ticket_deadline_due_idx on ticket_deadline(due_at) where met_at is null and alert_level < 2`.execute(
    db,
  );
  await sql`create index ticket_deadline_red_idx on ticket_deadline(red_at) where met_at is null and alert_level < 3`.execute(
    db,
  );
}
