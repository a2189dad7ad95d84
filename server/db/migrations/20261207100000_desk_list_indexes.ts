import { sql, type Kysely } from 'kysely';

/**
 * Desk lists answer from indexes that match their filter and sort, paged by keyset (the sort key
 * and the id): newest first (every order, one status, the late ones), and a unit's open orders by
 * handling deadline. The indexes they replace served the same lists without the id tie-break,
 * so a page had to sort every matching row.
 *
 * The to-do index keys the lead unit's open orders (dispatched, in progress: the lead assignment
 * is active exactly then) by `coalesce(handle_due_at, 'infinity')`, the deadline order with
 * orders without a deadline last. The late index holds only overdue and red orders (the stored
 * light, kept by the actions and the sweep).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists ticket_status_idx`.execute(db);
  await sql`drop index if exists ticket_received_idx`.execute(db);
  await sql`drop index if exists ticket_handle_due_idx`.execute(db);
  await sql`create index ticket_received_id_idx on ticket(received_at desc, id desc)`.execute(db);
  await sql`create index ticket_status_received_idx on ticket(status, received_at desc, id desc)`.execute(db);
  await sql`
    create index ticket_todo_lead_idx on ticket(lead_unit_id, (coalesce(handle_due_at, 'infinity'::timestamptz)), id)
      where status in ('dispatched', 'in_progress')`.execute(db);
  await sql`
    create index ticket_late_received_idx on ticket(received_at desc, id desc)
      where light in ('overdue', 'red')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists ticket_late_received_idx`.execute(db);
  await sql`drop index if exists ticket_todo_lead_idx`.execute(db);
  await sql`drop index if exists ticket_status_received_idx`.execute(db);
  await sql`drop index if exists ticket_received_id_idx`.execute(db);
  await sql`create index ticket_status_idx on ticket(status, received_at desc)`.execute(db);
  await sql`create index ticket_received_idx on ticket(received_at desc)`.execute(db);
  await sql`create index ticket_handle_due_idx on ticket(handle_due_at)`.execute(db);
}
