import { sql, type Kysely } from 'kysely';

/**
 * The registry of public service and emergency-repair numbers (beijing-miyun §9-§12, §26-§30).
 * `service_number` is a number's identity and owning unit; `service_number_version` its history,
 * one row per approved application with the date it takes effect (the registry publishes, on a
 * date, the latest version effective by then unless it closed the number);
 * `service_number_application` the applications to open, change or close, and the center's
 * decision; `service_number_review` the semi-annual review task of each unit (§10).
 * Orders that complain about a number (§26) name it in `ticket.service_number_id`, with the kind
 * of complaint in `ticket.number_complaint_kind`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table service_number (
      id bigserial primary key,
      unit_id bigint not null references org_unit(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index service_number_unit_idx on service_number(unit_id)`.execute(db);

  await sql`
    create table service_number_application (
      id bigserial primary key,
      unit_id bigint not null references org_unit(id),
      action text not null check (action in ('open', 'change', 'close')),
      service_number_id bigint references service_number(id),
      number text not null,
      name text not null,
      kind text not null check (kind in ('service', 'emergency-repair')),
      duty_hours text not null,
      duties text not null,
      effective_date date not null,
      reason text,
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
      applied_by bigint not null references app_user(id),
      applied_at timestamptz not null,
      decided_by bigint references app_user(id),
      decided_at timestamptz,
      decision_note text,
      check (action = 'open' or service_number_id is not null)
    )`.execute(db);
  await sql`create index service_number_application_pending_idx on service_number_application(applied_at)
    where status = 'pending'`.execute(db);
  await sql`create index service_number_application_unit_idx on service_number_application(unit_id, applied_at desc)`.execute(
    db,
  );
  // One pending application per number at a time.
  await sql`create unique index service_number_application_one_pending on service_number_application(service_number_id)
    where status = 'pending' and service_number_id is not null`.execute(db);

  await sql`
    create table service_number_version (
      service_number_id bigint not null references service_number(id),
      seq integer not null,
      action text not null check (action in ('open', 'change', 'close')),
      number text not null,
      name text not null,
      kind text not null,
      duty_hours text not null,
      duties text not null,
      effective_date date not null,
      application_id bigint references service_number_application(id),
      approved_by bigint references app_user(id),
      approved_at timestamptz not null,
      primary key (service_number_id, seq)
    )`.execute(db);
  await sql`create index service_number_version_effective_idx on service_number_version(effective_date)`.execute(
    db,
  );

  await sql`
    create table service_number_review (
      id bigserial primary key,
      period text not null,
      unit_id bigint not null references org_unit(id),
      due_at timestamptz not null,
      created_by bigint not null references app_user(id),
      created_at timestamptz not null,
      report text,
      answered_by bigint references app_user(id),
      answered_at timestamptz,
      unique (period, unit_id)
    )`.execute(db);

  await sql`alter table ticket add column service_number_id bigint references service_number(id)`.execute(db);
  await sql`alter table ticket add column number_complaint_kind text check (number_complaint_kind in
    ('unanswered', 'busy', 'forwarded-to-mobile', 'rude', 'no-name-or-id', 'cannot-answer', 'shirking', 'late',
     'wrong-published', 'other'))`.execute(db);
  await sql`create index ticket_service_number_idx on ticket(service_number_id) where service_number_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists ticket_service_number_idx`.execute(db);
  await sql`alter table ticket drop column if exists number_complaint_kind`.execute(db);
  await sql`alter table ticket drop column if exists service_number_id`.execute(db);
  for (const t of [
    'service_number_review',
    'service_number_version',
    'service_number_application',
    'service_number',
  ]) {
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  }
}
