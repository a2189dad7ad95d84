import { sql, type Kysely } from 'kysely';

/**
 * The citizen portal and attachments:
 * - `attachment`: photos and documents of an order, of a reply or of an appeal; the bytes live in
 *   the file store (DATA_DIR/attachments or an S3 bucket) under `storage_key`, checked by `sha256`;
 * - `citizen_rating`: the citizen's own rating of the reply on the portal (one per order), which
 *   the callback clerk sees beside the callback;
 * - `public_request_quota`: portal submissions per phone (sha256) and service day, shared by every
 *   server process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table attachment (
      id bigserial primary key,
      ticket_id bigint not null references ticket(id),
      kind text not null check (kind in ('order', 'reply', 'appeal')),
      file_name text not null,
      content_type text not null,
      size_bytes integer not null,
      sha256 text not null,
      storage_key text not null unique,
      source text not null check (source in ('staff', 'portal')),
      uploaded_by bigint references app_user(id),
      uploaded_by_unit_id bigint references org_unit(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index attachment_ticket_idx on attachment(ticket_id, id)`.execute(db);
  await sql`
    create table citizen_rating (
      ticket_id bigint primary key references ticket(id),
      rating text not null check (rating in ('satisfied', 'basically-satisfied', 'unsatisfied')),
      comment text,
      created_at timestamptz not null
    )`.execute(db);
  await sql`
    create table public_request_quota (
      phone_hash text not null,
      day date not null,
      count integer not null,
      primary key (phone_hash, day)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table public_request_quota`.execute(db);
  await sql`drop table citizen_rating`.execute(db);
  await sql`drop table attachment`.execute(db);
}
