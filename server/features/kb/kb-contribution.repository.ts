import { sql, type Insertable } from 'kysely';
import type { KbContributionTable } from '../../db/tables/kb';
import type { Db } from '../../platform/db';

/** Public contributions (群众/社会力量贡献的答案). */
export async function insertContribution(db: Db, row: Insertable<KbContributionTable>): Promise<number> {
  const r = await db.insertInto('kb_contribution').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function countRecentByClient(db: Db, clientKey: string, since: Date): Promise<number> {
  const r = await db
    .selectFrom('kb_contribution')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('client_key', '=', clientKey)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function listContributions(
  db: Db,
  f: { status?: string | undefined; limit: number; offset: number },
) {
  let q = db
    .selectFrom('kb_contribution as k')
    .leftJoin('app_user as u', 'u.id', 'k.reviewed_by')
    .select([
      'k.id',
      'k.title',
      'k.question',
      'k.answer',
      'k.contributor_type',
      'k.contributor_name',
      'k.organisation',
      'k.contact',
      'k.category_code',
      'k.status',
      'k.created_at',
      'k.reviewed_at',
      'k.review_note',
      'k.article_id',
      'u.display_name as reviewer_name',
    ]);
  if (f.status) q = q.where('k.status', '=', f.status);
  const rows = await q
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('k.created_at', 'desc')
    .orderBy('k.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: rows[0]?.total ?? 0 };
}

export function lockContribution(db: Db, id: number) {
  return db.selectFrom('kb_contribution').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function markContributionReviewed(
  db: Db,
  id: number,
  set: {
    status: string;
    reviewedBy: number;
    reviewedAt: Date;
    note: string | null;
    articleId: number | null;
  },
): Promise<void> {
  await db
    .updateTable('kb_contribution')
    .set({
      status: set.status,
      reviewed_by: set.reviewedBy,
      reviewed_at: set.reviewedAt,
      review_note: set.note,
      article_id: set.articleId,
    })
    .where('id', '=', id)
    .execute();
}
