import { sql, type Kysely } from 'kysely';

/**
 * The sweep writes an order's light when a stage turns yellow, overdue or red. An update of an
 * order is cheap (HOT: the row is rewritten in its page, no index is touched) only when no
 * indexed column changes and the page has room: with the light in the late index's predicate,
 * every light written added an entry to each of the order table's fourteen indexes.
 *
 * So the late index keys on `late` (overdue or red, a stored generated column) instead of the
 * light: a yellow light changes no indexed column; only the turn to overdue / red, which moves
 * the order into the late list, touches the indexes. The order pages keep 20 % free (three rows of a typical order) for the
 * rewritten rows (fillfactor applies to pages written from now on).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table ticket set (fillfactor = 80)`.execute(db);
  await sql`
    alter table ticket add column late boolean generated always as (light in ('overdue', 'red')) stored`.execute(
    db,
  );
  await sql`drop index if exists ticket_late_received_idx`.execute(db);
  await sql`create index ticket_late_received_idx on ticket(received_at desc, id desc) where late`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists ticket_late_received_idx`.execute(db);
  await sql`alter table ticket drop column late`.execute(db);
  await sql`alter table ticket reset (fillfactor)`.execute(db);
  await sql`
    create index ticket_late_received_idx on ticket(received_at desc, id desc)
      where light in ('overdue', 'red')`.execute(db);
}
