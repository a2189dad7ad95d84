import { sql, type Kysely } from 'kysely';

/**
 * Supervision of a unit rather than of an order (zibo-12345 §15(4) 办结率、满意率不高，排名靠后;
 * §15(5) 知识库维护更新不及时): one record per unit, trigger and month, answered by the unit in
 * writing like an order's supervision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table unit_supervision (
      id bigserial primary key,
      unit_id bigint not null references org_unit(id),
      trigger text not null,
      period text not null,
      note text not null,
      office text,
      created_at timestamptz not null,
      respond_by timestamptz,
      responded_at timestamptz,
      response text,
      responded_by bigint references app_user(id),
      unique (unit_id, trigger, period)
    )`.execute(db);
  await sql`create index unit_supervision_open_idx on unit_supervision(created_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table unit_supervision`.execute(db);
}
