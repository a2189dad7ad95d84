import { sql, type Kysely } from 'kysely';

/**
 * Assessment facts (server/domain/kpi): one row per order and lead assignment, derived from the
 * order's record by the use cases after every action and by the history import, so that
 * reports aggregate indexed rows instead of replaying events and calendars. The order's slice
 * columns (channel, type, category, region, level) are copied for grouping without joins.
 * PostgreSQL 15 subset; owned by the order (ticket_id leads the key).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table ticket_fact (
      ticket_id bigint not null references ticket(id),
      assignment_id bigint not null,
      unit_id bigint not null references org_unit(id),
      period_month integer not null,
      dispatched_at timestamptz not null,
      channel text not null,
      type text not null,
      category_code text,
      region text,
      source_level text not null,
      urgency text not null,
      confidential boolean not null,
      outcome text not null,
      handle_due_at timestamptz,
      receive_due_at timestamptz,
      accepted_at timestamptz,
      first_contact_due_at timestamptz,
      contacted_at timestamptz,
      replied_at timestamptz,
      reply_late boolean,
      completed_at timestamptz,
      on_time boolean,
      factual text,
      return_requests integer not null default 0,
      extension_requests integer not null default 0,
      extensions_approved integer not null default 0,
      redo_count integer not null default 0,
      supervision_count integer not null default 0,
      reminder_count integer not null default 0,
      callback_attempts integer not null default 0,
      callback_at timestamptz,
      contacted_by_unit boolean,
      process_satisfaction text,
      result_satisfaction text,
      appeal_upheld boolean,
      primary key (ticket_id, assignment_id)
    )`.execute(db);
  // Reports scan one period (a run of months), grouped by unit.
  await sql`create index ticket_fact_period_idx on ticket_fact (period_month, unit_id)`.execute(db);
  await sql`create index ticket_fact_unit_idx on ticket_fact (unit_id, period_month)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists ticket_fact`.execute(db);
}
