import { sql, type Kysely } from 'kysely';

/**
 * A unit's to-do, co-handling part: its co-handling assignments still waiting for it, without
 * reading every assignment of the unit to find the few co-handling ones.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index ticket_assignment_co_open_idx on ticket_assignment(unit_id, ticket_id)
      where role = 'co' and status in ('dispatched', 'accepted')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists ticket_assignment_co_open_idx`.execute(db);
}
