import { sql, type Kysely } from 'kysely';

/**
 * Franchise enterprises (加盟企业, wuqing §31-§38): the online application with its business
 * licence, on-site verification visits, associations' recommendations, the center's decision,
 * referrals of orders to an enterprise with the callback's rating (the stars come from them),
 * and the credit record of bad records. `enterprise_referral` is owned by an order: it carries
 * `ticket_id` first in its key (DESIGN rule 9).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table enterprise (
      id bigserial primary key,
      name text not null,
      credit_code text not null,
      services text[] not null,
      address text not null,
      lng double precision,
      lat double precision,
      contact_name text not null,
      contact_phone text not null,
      description text,
      licence_file text not null,
      licence_type text not null,
      licence_size integer not null,
      status text not null default 'pending'
        check (status in ('pending', 'approved', 'rejected', 'suspended')),
      applied_at timestamptz not null,
      decided_at timestamptz,
      decided_by bigint references app_user(id),
      decision_note text,
      suspended_at timestamptz,
      suspended_by bigint references app_user(id),
      suspend_reason text,
      check ((lng is null) = (lat is null))
    )`.execute(db);
  // One live application or membership per credit code; a rejected one may apply again.
  await sql`create unique index enterprise_credit_code_live on enterprise(credit_code) where status <> 'rejected'`.execute(
    db,
  );
  await sql`create index enterprise_status_idx on enterprise(status, applied_at)`.execute(db);

  await sql`
    create table enterprise_visit (
      id bigserial primary key,
      enterprise_id bigint not null references enterprise(id),
      visited_on date not null,
      result text not null check (result in ('confirmed', 'failed')),
      note text,
      recorded_by bigint not null references app_user(id),
      recorded_at timestamptz not null
    )`.execute(db);
  await sql`create index enterprise_visit_enterprise_idx on enterprise_visit(enterprise_id)`.execute(db);

  await sql`
    create table enterprise_recommendation (
      id bigserial primary key,
      enterprise_id bigint not null references enterprise(id),
      association text not null,
      note text,
      recorded_by bigint references app_user(id),
      recorded_at timestamptz not null
    )`.execute(db);
  await sql`create index enterprise_recommendation_enterprise_idx on enterprise_recommendation(enterprise_id)`.execute(
    db,
  );

  await sql`
    create table enterprise_referral (
      ticket_id bigint not null references ticket(id),
      enterprise_id bigint not null references enterprise(id),
      referred_by bigint references app_user(id),
      referred_at timestamptz not null,
      rating text check (rating in ('satisfied', 'basically-satisfied', 'unsatisfied')),
      rated_at timestamptz,
      primary key (ticket_id, enterprise_id)
    )`.execute(db);
  await sql`create index enterprise_referral_enterprise_idx on enterprise_referral(enterprise_id)`.execute(
    db,
  );

  await sql`
    create table enterprise_credit_record (
      id bigserial primary key,
      enterprise_id bigint not null references enterprise(id),
      kind text not null check (kind in ('complaint-upheld', 'no-show', 'violation')),
      ticket_id bigint references ticket(id),
      note text,
      recorded_by bigint references app_user(id),
      recorded_at timestamptz not null
    )`.execute(db);
  await sql`create index enterprise_credit_record_enterprise_idx on enterprise_credit_record(enterprise_id, recorded_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'enterprise_credit_record',
    'enterprise_referral',
    'enterprise_recommendation',
    'enterprise_visit',
    'enterprise',
  ]) {
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  }
}
