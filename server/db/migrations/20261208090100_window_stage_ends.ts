import { sql, type Kysely } from 'kysely';

/**
 * Windows end when they no longer apply (server/domain/ticket/order-deadlines.ts `metAt`): the
 * return window once the lead unit signed for the order after the window opened (a window that
 * runs from the sign-for ends at the reply), the extension request
 * window once the unit replied; either at closing. Stored orders get the same ends here; their
 * lights are checked against the stages still owed at the first tick (`refreshLights`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update ticket_deadline as d set met_at = coalesce(
      (select min(a.accepted_at) from ticket_assignment a
        where a.ticket_id = d.ticket_id and a.role = 'lead' and a.accepted_at > d.start_at),
      t.replied_at, t.closed_at)
    from ticket as t
    where t.id = d.ticket_id and d.stage = 'returnBy' and d.met_at is null`.execute(db);
  await sql`
    update ticket_deadline as d set met_at = coalesce(t.replied_at, t.closed_at)
    from ticket as t
    where t.id = d.ticket_id and d.stage = 'extensionRequestBy' and d.met_at is null`.execute(db);
}

export async function down(): Promise<void> {
  // The ends are facts of the orders; nothing to undo.
}
