import { sql, type Kysely } from 'kysely';

/**
 * Open311 GeoReport v2 (issue 13).
 *
 * `open311_client`: the account an `open311` API key submits requests as (role agent of the
 * platform, no password), so the order's timeline names the application. `open311_request`: what
 * a GeoReport request carries beyond the order (its token, coordinates, the application's own
 * ids, the attributes it answered, the media URL); the citizen's contact fields go to the order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table open311_client (
      api_key_id bigint primary key references api_key(id),
      actor_user_id bigint not null references app_user(id)
    )`.execute(db);
  await sql`
    create table open311_request (
      ticket_id bigint primary key references ticket(id),
      token text not null unique,
      api_key_id bigint not null references api_key(id),
      service_code text not null,
      lat double precision,
      long double precision,
      address_id text,
      email text,
      device_id text,
      account_id text,
      media_url text,
      attributes jsonb not null default '{}'::jsonb,
      requested_at timestamptz not null
    )`.execute(db);
  await sql`create index open311_request_requested_idx on open311_request(requested_at desc, ticket_id desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table open311_request`.execute(db);
  await sql`drop table open311_client`.execute(db);
}
