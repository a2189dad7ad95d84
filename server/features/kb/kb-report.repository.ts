import { sql, type Insertable } from 'kysely';
import type { KbPolicyNoticeTable } from '../../db/tables/kb';
import type { Db } from '../../platform/db';

/** Policy notices and the timeliness report. */
export async function insertNotice(db: Db, row: Insertable<KbPolicyNoticeTable>): Promise<number> {
  const r = await db.insertInto('kb_policy_notice').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function findNotice(db: Db, id: number) {
  return db.selectFrom('kb_policy_notice').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function linkNotice(db: Db, id: number, articleId: number | null): Promise<void> {
  await db.updateTable('kb_policy_notice').set({ article_id: articleId }).where('id', '=', id).execute();
}

/** Notices with their unit and answering article (publication instant, if published). */
export function listNotices(db: Db, f: { unitId?: number | undefined }) {
  let q = db
    .selectFrom('kb_policy_notice as n')
    .innerJoin('org_unit as u', 'u.id', 'n.unit_id')
    .leftJoin('kb_article as a', 'a.id', 'n.article_id')
    .select([
      'n.id',
      'n.unit_id',
      'u.name as unit_name',
      'n.title',
      'n.document_no',
      'n.announced_on',
      'n.due_on',
      'n.article_id',
      'n.note',
      'n.created_at',
      'a.title as article_title',
      'a.status as article_status',
      'a.published_at as article_published_at',
    ]);
  if (f.unitId) q = q.where('n.unit_id', '=', f.unitId);
  return q.orderBy('n.due_on', 'desc').orderBy('n.id', 'desc').execute();
}

/** Published articles past their review date. */
export function reviewOverdueArticles(db: Db, today: string, unitId: number | undefined) {
  let q = db
    .selectFrom('kb_article as a')
    .leftJoin('org_unit as u', 'u.id', 'a.owner_unit_id')
    .select(['a.id', 'a.title', 'a.review_by', 'a.owner_unit_id', 'u.name as unit_name', 'a.updated_at'])
    .where('a.status', '=', 'published')
    .where('a.review_by', '<', today)
    .where((eb) => eb.or([eb('a.valid_until', 'is', null), eb('a.valid_until', '>=', today)]));
  if (unitId) q = q.where('a.owner_unit_id', '=', unitId);
  return q.orderBy('a.review_by').orderBy('a.id').execute();
}

/** Articles per owning unit and status (for the report's totals). */
export function articleCountsByUnit(db: Db, unitId: number | undefined) {
  let q = db
    .selectFrom('kb_article as a')
    .select([
      'a.owner_unit_id',
      sql<number>`count(*) filter (where a.status = 'published')::int`.as('published'),
      sql<number>`count(*)::int`.as('total'),
    ])
    .groupBy('a.owner_unit_id');
  if (unitId) q = q.where('a.owner_unit_id', '=', unitId);
  return q.execute();
}

export function unitNames(db: Db) {
  return db.selectFrom('org_unit').select(['id', 'name']).execute();
}
