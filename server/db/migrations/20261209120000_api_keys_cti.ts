import { sql, type Kysely } from 'kysely';

/**
 * API keys (open platform) and the telephone system (CTI).
 *
 * `api_key`: only the sha256 of a key is stored; a `unit` key acts through its own account
 * (`actor_user_id`, role handler of the key's unit, no password), so what it does is recorded
 * like any handler's action. `call_record` is derived from the set of `call_event` rows (one per
 * call and type, whatever their arrival order); `call_ticket` links orders to the call they were
 * taken on; `cti_stream_ticket` holds the one-time tickets that open a screen-pop stream.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table api_key (
      id bigserial primary key,
      name text not null,
      prefix text not null,
      key_hash text not null unique,
      scopes text[] not null,
      unit_id bigint references org_unit(id),
      actor_user_id bigint references app_user(id),
      created_by bigint not null references app_user(id),
      created_at timestamptz not null,
      last_used_at timestamptz,
      revoked_at timestamptz,
      check (scopes <@ array['open311', 'unit', 'cti', 'exchange']::text[] and cardinality(scopes) > 0),
      check (not ('unit' = any(scopes)) or unit_id is not null)
    )`.execute(db);

  await sql`
    create table call_record (
      call_id text primary key,
      caller_phone text,
      queue text,
      offered_at timestamptz,
      answered_at timestamptz,
      abandoned_at timestamptz,
      ended_at timestamptz,
      transferred_at timestamptz,
      agent_user_id bigint references app_user(id),
      agent_username text,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index call_record_offered_idx on call_record(offered_at)`.execute(db);
  await sql`create index call_record_agent_idx on call_record(agent_user_id, answered_at)`.execute(db);

  await sql`
    create table call_event (
      call_id text not null references call_record(call_id),
      type text not null check (type in ('offered', 'answered', 'abandoned', 'ended', 'transferred')),
      at timestamptz not null,
      caller_phone text,
      agent_username text,
      queue text,
      received_at timestamptz not null,
      primary key (call_id, type)
    )`.execute(db);

  await sql`
    create table call_ticket (
      ticket_id bigint primary key references ticket(id),
      call_id text not null,
      linked_by text not null check (linked_by in ('intake', 'agent-window')),
      linked_at timestamptz not null
    )`.execute(db);
  await sql`create index call_ticket_call_idx on call_ticket(call_id)`.execute(db);

  await sql`
    create table cti_stream_ticket (
      ticket_hash text primary key,
      user_id bigint not null references app_user(id),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists cti_stream_ticket`.execute(db);
  await sql`drop table if exists call_ticket`.execute(db);
  await sql`drop table if exists call_event`.execute(db);
  await sql`drop table if exists call_record`.execute(db);
  await sql`drop table if exists api_key`.execute(db);
}
