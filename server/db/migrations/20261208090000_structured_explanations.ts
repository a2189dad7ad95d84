import { sql, type Kysely } from 'kysely';

/**
 * Deadline explanations as data (common/contracts/deadline-explanation.ts): the steps the deadline
 * engine took, rendered in Chinese where they are shown. Texts stored before are kept as one
 * `text` step; recomputing an order's deadlines replaces them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table ticket_deadline rename column explain to explanation`.execute(db);
  await sql`
    alter table ticket_deadline alter column explanation type jsonb
      using jsonb_build_array(jsonb_build_object('kind', 'text', 'text', explanation))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table ticket_deadline alter column explanation type text using explanation::text`.execute(
    db,
  );
  await sql`alter table ticket_deadline rename column explanation to explain`.execute(db);
}
