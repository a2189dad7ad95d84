import { sql, type Kysely } from 'kysely';

/**
 * Core reference tables (units, users, sessions, categories, calendar versions) and the
 * work-order spine (tickets, assignments, events, stage deadlines, alerts, supervision).
 * Written to the PostgreSQL 15 subset. Every table owned by an order carries ticket_id and
 * its unique keys include it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table org_unit (
      id bigserial primary key,
      code text not null unique,
      name text not null,
      kind text not null,
      parent_id bigint references org_unit(id),
      path text not null default '/',
      region text,
      is_platform boolean not null default false,
      duty_categories text[] not null default '{}',
      phone text,
      duty_contact text,
      active boolean not null default true,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index org_unit_parent_idx on org_unit(parent_id)`.execute(db);
  await sql`create index org_unit_path_idx on org_unit(path text_pattern_ops)`.execute(db);

  await sql`
    create table app_user (
      id bigserial primary key,
      username text not null unique,
      display_name text not null,
      password_hash text not null,
      role text not null,
      unit_id bigint not null references org_unit(id),
      active boolean not null default true,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      must_change_password boolean not null default false,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table auth_session (
      id bigserial primary key,
      token_hash text not null unique,
      user_id bigint not null references app_user(id),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      last_seen_at timestamptz not null,
      revoked_at timestamptz
    )`.execute(db);

  await sql`
    create table category (
      code text primary key,
      name text not null,
      parent_code text references category(code),
      level smallint not null,
      sort integer not null default 0,
      active boolean not null default true
    )`.execute(db);

  await sql`
    create table calendar_version (
      id bigserial primary key,
      created_at timestamptz not null default now(),
      source text not null,
      note text,
      days jsonb not null
    )`.execute(db);

  await sql`
    create table ticket_counter (
      day date primary key,
      last_value integer not null
    )`.execute(db);

  await sql`
    create table ticket (
      id bigserial primary key,
      ticket_no text not null unique,
      status text not null,
      version integer not null default 1,
      channel text not null,
      type text not null,
      category_code text,
      urgency text not null default 'normal',
      source_level text not null default 'city',
      caller_name text,
      caller_phone text,
      caller_address text,
      confidential boolean not null default false,
      location_address text,
      location_region text,
      content text not null,
      demand text,
      channel_ref text,
      tags text[] not null default '{}',
      answer text,
      not_accepted_reason text,
      suggested_channel text,
      platform_unit_id bigint references org_unit(id),
      lead_unit_id bigint references org_unit(id),
      status_before_suspend text,
      pending_request text,
      merged_into_id bigint,
      complex boolean not null default false,
      emergency_result_days smallint,
      process_satisfaction text,
      result_satisfaction text,
      contacted_by_unit boolean,
      redo_count integer not null default 0,
      profile_id text not null,
      profile_version text not null,
      calendar_version bigint,
      light text not null default 'green',
      provisional boolean not null default false,
      handle_due_at timestamptz,
      received_at timestamptz not null,
      dispatched_at timestamptz,
      replied_at timestamptz,
      callback_at timestamptz,
      closed_at timestamptz,
      created_by bigint references app_user(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index ticket_status_idx on ticket(status, received_at desc)`.execute(db);
  await sql`create index ticket_lead_unit_idx on ticket(lead_unit_id, status)`.execute(db);
  await sql`create index ticket_platform_unit_idx on ticket(platform_unit_id, status)`.execute(db);
  await sql`create index ticket_caller_phone_idx on ticket(caller_phone)`.execute(db);
  await sql`create index ticket_received_idx on ticket(received_at desc)`.execute(db);
  await sql`create index ticket_handle_due_idx on ticket(handle_due_at)`.execute(db);

  await sql`
    create table ticket_assignment (
      ticket_id bigint not null references ticket(id),
      id bigserial,
      unit_id bigint not null references org_unit(id),
      role text not null,
      status text not null,
      dispatched_by_unit_id bigint references org_unit(id),
      parent_assignment_id bigint,
      dispatched_at timestamptz not null,
      accepted_at timestamptz,
      contacted_at timestamptz,
      replied_at timestamptz,
      reply text,
      ended_at timestamptz,
      primary key (ticket_id, id)
    )`.execute(db);
  // Covers the scope and to-do sub-queries (units → their orders) as index-only scans.
  await sql`create index ticket_assignment_unit_idx on ticket_assignment(unit_id, status, ticket_id)`.execute(
    db,
  );

  await sql`
    create table ticket_event (
      ticket_id bigint not null references ticket(id),
      seq integer not null,
      id bigserial,
      at timestamptz not null,
      actor_user_id bigint references app_user(id),
      actor_unit_id bigint references org_unit(id),
      action text not null,
      party text,
      payload jsonb not null default '{}',
      from_status text,
      to_status text not null,
      primary key (ticket_id, seq)
    )`.execute(db);
  await sql`create index ticket_event_at_idx on ticket_event(at)`.execute(db);

  await sql`
    create table ticket_deadline (
      ticket_id bigint not null references ticket(id),
      stage text not null,
      unit_id bigint references org_unit(id),
      start_at timestamptz not null,
      due_at timestamptz not null,
      warn_at timestamptz,
      red_at timestamptz,
      met_at timestamptz,
      alert_level smallint not null default 0,
      provisional boolean not null default false,
      explain text not null,
      profile_id text not null,
      profile_version text not null,
      calendar_version bigint,
      primary key (ticket_id, stage)
    )`.execute(db);
  // The sweep's range scans: what turned yellow / overdue / red and was not alerted yet.
  await sql`create index ticket_deadline_warn_idx on ticket_deadline(warn_at) where met_at is null and alert_level < 1`.execute(
    db,
  );
  await sql`create index ticket_deadline_due_idx on ticket_deadline(due_at) where met_at is null and alert_level < 2`.execute(
    db,
  );
  await sql`create index ticket_deadline_red_idx on ticket_deadline(red_at) where met_at is null and alert_level < 3`.execute(
    db,
  );

  await sql`
    create table ticket_alert (
      ticket_id bigint not null references ticket(id),
      stage text not null,
      kind text not null,
      due_at timestamptz not null,
      created_at timestamptz not null,
      primary key (ticket_id, stage, kind, due_at)
    )`.execute(db);

  await sql`
    create table supervision (
      ticket_id bigint not null references ticket(id),
      id bigserial,
      trigger text not null,
      mode text not null,
      note text,
      unit_id bigint references org_unit(id),
      created_by bigint references app_user(id),
      created_at timestamptz not null,
      respond_by timestamptz,
      responded_at timestamptz,
      response text,
      primary key (ticket_id, id)
    )`.execute(db);
  await sql`create index supervision_open_idx on supervision(created_at) where responded_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'supervision',
    'ticket_alert',
    'ticket_deadline',
    'ticket_event',
    'ticket_assignment',
    'ticket',
    'ticket_counter',
    'calendar_version',
    'category',
    'auth_session',
    'app_user',
    'org_unit',
  ]) {
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  }
}
