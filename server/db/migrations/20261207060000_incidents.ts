import { sql, type Kysely } from 'kysely';

/**
 * Major incidents (重大突发事项, shanghai-962200 §15; beijing-miyun §8): one outage or event that
 * many orders are about. Its report limits are stored with the profile that set them (DESIGN
 * rule 4); reports are rows (who, when, oral or written); the orders are linked through
 * `incident_ticket`, which carries `ticket_id` and has it first in its key (DESIGN rule 9); an
 * overdue report is alerted once (`incident_alert`'s primary key).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table incident (
      id bigserial primary key,
      title text not null,
      description text,
      occurred_at timestamptz not null,
      report_by timestamptz,
      written_report_by timestamptz,
      report_form text,
      report_article text,
      written_report_article text,
      profile_id text not null,
      profile_version text not null,
      status text not null default 'open' check (status in ('open', 'closed')),
      created_by bigint not null references app_user(id),
      created_at timestamptz not null,
      closed_by bigint references app_user(id),
      closed_at timestamptz,
      close_note text
    )`.execute(db);
  await sql`create index incident_open_idx on incident(occurred_at) where status = 'open'`.execute(db);
  await sql`create index incident_occurred_idx on incident(occurred_at desc, id desc)`.execute(db);

  await sql`
    create table incident_ticket (
      ticket_id bigint not null references ticket(id),
      incident_id bigint not null references incident(id),
      attached_by bigint not null references app_user(id),
      attached_at timestamptz not null,
      primary key (ticket_id, incident_id)
    )`.execute(db);
  await sql`create index incident_ticket_incident_idx on incident_ticket(incident_id)`.execute(db);

  await sql`
    create table incident_report (
      id bigserial primary key,
      incident_id bigint not null references incident(id),
      kind text not null check (kind in ('oral', 'written')),
      text text,
      reported_by bigint not null references app_user(id),
      reported_at timestamptz not null
    )`.execute(db);
  await sql`create index incident_report_incident_idx on incident_report(incident_id)`.execute(db);

  await sql`
    create table incident_alert (
      incident_id bigint not null references incident(id),
      deadline text not null,
      kind text not null,
      due_at timestamptz not null,
      created_at timestamptz not null,
      primary key (incident_id, deadline, kind)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['incident_alert', 'incident_report', 'incident_ticket', 'incident']) {
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  }
}
