import { sql, type Kysely } from 'kysely';

/**
 * Franchise enterprises' own accounts (tianjin-wuqing §36: the enterprise receives the e-order,
 * contacts the citizen and reports back): a user of role `enterprise` names its enterprise.
 * Such users belong to the inactive unit 加盟企业 (created with the first account), which no order
 * is ever dispatched to, so the order lists show them nothing; their desk reads by enterprise.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app_user add column enterprise_id bigint references enterprise(id)`.execute(db);
  await sql`create index app_user_enterprise_idx on app_user(enterprise_id) where enterprise_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app_user drop column if exists enterprise_id`.execute(db);
}
