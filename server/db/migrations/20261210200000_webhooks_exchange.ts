import { sql, type Kysely } from 'kysely';

/**
 * Webhooks (推送订阅) and the exchange between installations (平台间交换).
 *
 * `webhook_subscription`: an administrator's subscription (URL, events, the HMAC secret kept in
 * clear because every delivery is signed with it, an optional API key sent as `X-API-Key`).
 * Format `event` sends the event with the order's id and number only; format `exchange` reports
 * the orders that came from another installation (`exchange_order`) to that installation's
 * status endpoint, with the reply.
 * `webhook_delivery`: the outbox. Rows are written in the transaction of the order change (one
 * per matching subscription, and one per forward to a remote installation's unit); the elected
 * process delivers them, its id constant across retries.
 * `org_unit.exchange_endpoint` / `exchange_key`: a unit that is another installation of CivicLine;
 * dispatching an order to it also forwards the order there.
 * `exchange_order`: an order this installation received from another one (its number there).
 * `exchange_receipt`: status reports already applied (by delivery id), so a repeat does nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table webhook_subscription (
      id bigserial primary key,
      url text not null,
      events text[] not null check (cardinality(events) > 0),
      secret text not null,
      api_key text,
      format text not null default 'event' check (format in ('event', 'exchange')),
      active boolean not null default true,
      created_by bigint not null references app_user(id),
      created_at timestamptz not null,
      deleted_at timestamptz
    )`.execute(db);

  await sql`
    create table webhook_delivery (
      id uuid primary key,
      subscription_id bigint references webhook_subscription(id),
      unit_id bigint references org_unit(id),
      event text not null,
      ticket_id bigint not null,
      event_seq integer,
      body text,
      status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      last_attempt_at timestamptz,
      last_status integer,
      last_error text,
      created_at timestamptz not null,
      delivered_at timestamptz,
      check ((subscription_id is null) <> (unit_id is null))
    )`.execute(db);
  await sql`create index webhook_delivery_due_idx on webhook_delivery(next_attempt_at) where status = 'pending'`.execute(
    db,
  );
  await sql`create index webhook_delivery_subscription_idx on webhook_delivery(subscription_id, created_at)`.execute(
    db,
  );

  await sql`alter table org_unit add column exchange_endpoint text`.execute(db);
  await sql`alter table org_unit add column exchange_key text`.execute(db);

  await sql`
    create table exchange_order (
      ticket_id bigint primary key references ticket(id),
      external_no text not null unique,
      source text not null check (source in ('city', 'province')),
      api_key_id bigint references api_key(id),
      received_at timestamptz not null
    )`.execute(db);

  await sql`
    create table exchange_receipt (
      delivery_id text primary key,
      ticket_id bigint not null references ticket(id),
      received_at timestamptz not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table exchange_receipt`.execute(db);
  await sql`drop table exchange_order`.execute(db);
  await sql`alter table org_unit drop column exchange_key`.execute(db);
  await sql`alter table org_unit drop column exchange_endpoint`.execute(db);
  await sql`drop table webhook_delivery`.execute(db);
  await sql`drop table webhook_subscription`.execute(db);
}
