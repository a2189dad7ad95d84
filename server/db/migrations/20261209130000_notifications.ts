import { sql, type Kysely } from 'kysely';

/**
 * Notifications (通知), text messages (短信) and emergency paging (紧急呼叫, 值班).
 * - `notification`: one row per user, written in the transaction of the change that causes it.
 * - `stream_ticket`: short-lived one-time tickets that open a browser's event stream (never the
 *   session token in a URL); only the hash is stored.
 * - `sms_outbox`: messages written with the order change, delivered by the job with retries;
 *   `sms_opt_out`: phones that asked for no messages.
 * - `ticket.tracking_code_hash`: sha256 of the tracking code the citizen gets at intake.
 * - `app_user.mobile`: a staff member's mobile for pages and unit messages.
 * - `duty_roster`: the duty leader (值班领导) of each day, holidays included; `page`: an emergency
 *   page that must be acknowledged, escalated when it is not.
 * - `deadline_notice`: the reminders before deadlines already sent (one per stage and due time).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification (
      id bigserial primary key,
      user_id bigint not null references app_user(id),
      kind text not null,
      ticket_id bigint references ticket(id),
      title text not null,
      body text,
      created_at timestamptz not null,
      read_at timestamptz
    )`.execute(db);
  await sql`create index notification_user_idx on notification(user_id, id desc)`.execute(db);
  await sql`create index notification_unread_idx on notification(user_id) where read_at is null`.execute(db);

  await sql`
    create table stream_ticket (
      token_hash text primary key,
      user_id bigint not null references app_user(id),
      expires_at timestamptz not null
    )`.execute(db);

  await sql`
    create table sms_outbox (
      id bigserial primary key,
      ticket_id bigint references ticket(id),
      recipient text not null,
      audience text not null check (audience in ('citizen', 'staff')),
      template text not null,
      text text not null,
      params jsonb not null default '{}',
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'suppressed')),
      attempts int not null default 0,
      next_attempt_at timestamptz not null,
      last_error text,
      provider text,
      created_at timestamptz not null,
      sent_at timestamptz
    )`.execute(db);
  await sql`create index sms_outbox_due_idx on sms_outbox(next_attempt_at) where status = 'pending'`.execute(
    db,
  );
  await sql`create index sms_outbox_ticket_idx on sms_outbox(ticket_id)`.execute(db);

  await sql`
    create table sms_opt_out (
      phone text primary key,
      reason text,
      created_by bigint references app_user(id),
      created_at timestamptz not null
    )`.execute(db);

  await sql`alter table ticket add column tracking_code_hash text`.execute(db);
  await sql`alter table app_user add column mobile text`.execute(db);

  await sql`
    create table duty_roster (
      day date primary key,
      user_id bigint not null references app_user(id),
      set_by bigint references app_user(id),
      set_at timestamptz not null
    )`.execute(db);

  await sql`
    create table page (
      id bigserial primary key,
      ticket_id bigint not null references ticket(id),
      user_id bigint not null references app_user(id),
      level int not null default 0,
      created_at timestamptz not null,
      escalate_at timestamptz not null,
      acked_at timestamptz,
      escalated_at timestamptz
    )`.execute(db);
  await sql`create index page_open_idx on page(escalate_at) where acked_at is null and escalated_at is null`.execute(
    db,
  );
  await sql`create index page_ticket_idx on page(ticket_id)`.execute(db);

  await sql`
    create table deadline_notice (
      ticket_id bigint not null references ticket(id),
      stage text not null,
      due_at timestamptz not null,
      sent_at timestamptz not null,
      primary key (ticket_id, stage, due_at)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists deadline_notice`.execute(db);
  await sql`drop table if exists page`.execute(db);
  await sql`drop table if exists duty_roster`.execute(db);
  await sql`alter table app_user drop column if exists mobile`.execute(db);
  await sql`alter table ticket drop column if exists tracking_code_hash`.execute(db);
  await sql`drop table if exists sms_opt_out`.execute(db);
  await sql`drop table if exists sms_outbox`.execute(db);
  await sql`drop table if exists stream_ticket`.execute(db);
  await sql`drop table if exists notification`.execute(db);
}
