import { sql, type Kysely } from 'kysely';

/**
 * Volunteers (志愿者, tianjin-wuqing §31-§40; SPEC §7): doctors, lawyers, counsellors, students
 * the center registers and assigns to orders. Their phone is personal data (masked in every
 * response, revealed through an audited reveal). `ticket_volunteer` is owned by the order
 * (`ticket_id` first in its key, DESIGN rule 9): one row per assignment with its outcome.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table volunteer (
      id bigserial primary key,
      name text not null,
      skills text[] not null default '{}',
      phone text not null,
      availability text not null,
      active boolean not null default true,
      created_by bigint not null references app_user(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index volunteer_skills_idx on volunteer using gin (skills)`.execute(db);

  await sql`
    create table ticket_volunteer (
      ticket_id bigint not null references ticket(id),
      id bigserial,
      volunteer_id bigint not null references volunteer(id),
      note text,
      assigned_by bigint not null references app_user(id),
      assigned_at timestamptz not null,
      outcome text check (outcome in ('helped', 'not-reached', 'declined', 'referred')),
      outcome_note text,
      outcome_by bigint references app_user(id),
      outcome_at timestamptz,
      primary key (ticket_id, id)
    )`.execute(db);
  await sql`create index ticket_volunteer_volunteer_idx on ticket_volunteer(volunteer_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists ticket_volunteer`.execute(db);
  await sql`drop table if exists volunteer`.execute(db);
}
