import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { KbArticleTable, KbArticleVersionTable } from '../../db/tables/kb';
import { isGramTerm } from '../../domain/kb/grams';
import type { Db } from '../../platform/db';

/** Articles, their versions and usage, and term statistics. The only SQL of these tables. */
/** A full row without its generated vectors (never read back into the application). */
export type ArticleRow = Omit<Selectable<KbArticleTable>, 'search_vector' | 'head_vector'>;

const rowColumns = [
  'id',
  'external_id',
  'external_id_numeric',
  'title',
  'body',
  'category_code',
  'category_label',
  'owner_unit_id',
  'unit_label',
  'keywords',
  'valid_from',
  'valid_until',
  'review_by',
  'status',
  'version',
  'usage_count',
  'source',
  'title_tokens',
  'keyword_tokens',
  'body_tokens',
  'status_note',
  'created_by',
  'updated_by',
  'reviewed_by',
  'created_at',
  'updated_at',
  'published_at',
] as const satisfies readonly (keyof ArticleRow)[];
export type NewArticleRow = Insertable<KbArticleTable>;
export type ArticleUpdate = Updateable<KbArticleTable>;
export type NewVersionRow = Insertable<KbArticleVersionTable>;

const articleColumns = [
  'a.id',
  'a.external_id',
  'a.external_id_numeric',
  'a.title',
  'a.body',
  'a.category_code',
  'a.category_label',
  'a.owner_unit_id',
  'a.unit_label',
  'a.keywords',
  'a.valid_from',
  'a.valid_until',
  'a.review_by',
  'a.status',
  'a.version',
  'a.usage_count',
  'a.source',
  'a.status_note',
  'a.created_by',
  'a.updated_by',
  'a.reviewed_by',
  'a.created_at',
  'a.updated_at',
  'a.published_at',
] as const;

function withNames(db: Db) {
  return db
    .selectFrom('kb_article as a')
    .leftJoin('category as c', 'c.code', 'a.category_code')
    .leftJoin('org_unit as u', 'u.id', 'a.owner_unit_id')
    .select(articleColumns)
    .select(['c.name as category_name', 'u.name as unit_name']);
}

export type ArticleWithNames = Awaited<ReturnType<typeof findArticle>> & {};

export function findArticle(db: Db, id: number) {
  return withNames(db).where('a.id', '=', id).executeTakeFirst();
}

/** The row with its tokens, locked for the rest of the transaction. */
export function lockArticle(db: Db, id: number) {
  return db.selectFrom('kb_article').select(rowColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export interface ArticleListFilter {
  status?: string | undefined;
  categoryCode?: string | undefined;
  unitId?: number | undefined;
  q?: string | undefined;
  reviewOverdueOn?: string | undefined;
  /** null: every article; otherwise published ones plus those owned by this unit (if any). */
  visibleToUnit: number | null | 'published-only';
  limit: number;
  offset: number;
}

function likePattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

export async function listArticles(db: Db, f: ArticleListFilter) {
  let q = withNames(db);
  if (f.visibleToUnit === 'published-only') q = q.where('a.status', '=', 'published');
  else if (f.visibleToUnit !== null) {
    const unit = f.visibleToUnit;
    q = q.where((eb) => eb.or([eb('a.status', '=', 'published'), eb('a.owner_unit_id', '=', unit)]));
  }
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.categoryCode) q = q.where('a.category_code', 'like', `${f.categoryCode.replace(/[\\%_]/g, '')}%`);
  if (f.unitId) q = q.where('a.owner_unit_id', '=', f.unitId);
  if (f.q) {
    const p = likePattern(f.q);
    q = q.where((eb) => eb.or([eb('a.title', 'ilike', p), eb('a.external_id', 'ilike', p)]));
  }
  if (f.reviewOverdueOn) {
    q = q.where('a.status', '=', 'published').where('a.review_by', '<', f.reviewOverdueOn);
  }
  const rows = await q
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function insertArticles(
  db: Db,
  rows: NewArticleRow[],
): Promise<{ id: number; external_id: string | null }[]> {
  if (rows.length === 0) return [];
  return db.insertInto('kb_article').values(rows).returning(['id', 'external_id']).execute();
}

export async function updateArticle(db: Db, id: number, set: ArticleUpdate): Promise<void> {
  await db.updateTable('kb_article').set(set).where('id', '=', id).execute();
}

export async function insertVersions(db: Db, rows: NewVersionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('kb_article_version').values(rows).execute();
}

/** An article's versions with the name of who made each. */
function versionsOf(db: Db, articleId: number) {
  return db
    .selectFrom('kb_article_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.actor_user_id')
    .select([
      'v.version',
      'v.at',
      'v.actor_user_id',
      'u.display_name as actor_name',
      'v.action',
      'v.status',
      'v.changes',
      'v.note',
    ])
    .where('v.article_id', '=', articleId);
}

export function listVersions(db: Db, articleId: number) {
  return versionsOf(db, articleId).orderBy('v.version', 'desc').execute();
}

export function findVersion(db: Db, articleId: number, version: number) {
  return versionsOf(db, articleId).select('v.snapshot').where('v.version', '=', version).executeTakeFirst();
}

/** Published articles whose validity ended before `today`, locked (skipping rows others hold). */
export function lockExpiredArticles(db: Db, today: string, limit: number) {
  return db
    .selectFrom('kb_article')
    .select(rowColumns)
    .where('status', '=', 'published')
    .where('valid_until', '<', today)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function recordUsage(
  db: Db,
  u: { articleId: number; userId: number | null; ticketId: number | null; at: Date },
): Promise<number | null> {
  const row = await db
    .updateTable('kb_article')
    .set((eb) => ({ usage_count: eb('usage_count', '+', 1) }))
    .where('id', '=', u.articleId)
    .returning('usage_count')
    .executeTakeFirst();
  if (!row) return null;
  await db
    .insertInto('kb_article_usage')
    .values({ article_id: u.articleId, at: u.at, user_id: u.userId, ticket_id: u.ticketId })
    .execute();
  return row.usage_count;
}

/** Rows of kb_term_stat that are not terms ('#' never occurs in a token). */
export const ARTICLE_COUNT_TERM = '#articles';
/** Sum over articles of their distinct lexemes (for the mean article length). */
export const LEXEME_COUNT_TERM = '#lexemes';

/**
 * Adds document-frequency deltas (and the article and lexeme count deltas) in one statement;
 * bigram collection-frequency deltas (grams.ts) ride along under their own prefix.
 * Terms are sorted so concurrent writers lock rows in the same order.
 */
export async function applyTermDeltas(
  db: Db,
  deltas: Map<string, number>,
  articleDelta: number,
): Promise<void> {
  const entries = [...deltas].filter(([, d]) => d !== 0);
  const lexemeDelta = entries.reduce((sum, [t, d]) => (isGramTerm(t) ? sum : sum + d), 0);
  if (articleDelta !== 0) entries.push([ARTICLE_COUNT_TERM, articleDelta]);
  if (lexemeDelta !== 0) entries.push([LEXEME_COUNT_TERM, lexemeDelta]);
  if (entries.length === 0) return;
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const terms = entries.map((e) => e[0]);
  const dfs = entries.map((e) => e[1]);
  await sql`
    insert into kb_term_stat (term, df)
    select t.term, t.df from unnest(${terms}::text[], ${dfs}::bigint[]) as t(term, df)
    on conflict (term) do update set df = kb_term_stat.df + excluded.df`.execute(db);
}

export function findArticlesByExternalIds(db: Db, externalIds: string[]) {
  if (externalIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('kb_article').select(rowColumns).where('external_id', 'in', externalIds).execute();
}

export async function updateArticlesBulk(db: Db, rows: { id: number; set: ArticleUpdate }[]): Promise<void> {
  for (const r of rows) await updateArticle(db, r.id, r.set);
}

export function allArticleIds(db: Db, afterId: number, limit: number) {
  return db
    .selectFrom('kb_article')
    .select(rowColumns)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function categoryRefs(db: Db) {
  return db.selectFrom('category').select(['code', 'name', 'level']).execute();
}

export function unitRefs(db: Db) {
  return db.selectFrom('org_unit').select(['id', 'code', 'name']).execute();
}

export function unitExists(db: Db, id: number) {
  return db.selectFrom('org_unit').select('id').where('id', '=', id).executeTakeFirst();
}

export function categoryExists(db: Db, code: string) {
  return db.selectFrom('category').select('code').where('code', '=', code).executeTakeFirst();
}

/**
 * After bulk writes: merge the GIN pending list into the index (the embedded database has no
 * autovacuum to do it) and refresh planner statistics, so searches plan with the index.
 */
export async function refreshSearchIndex(db: Db): Promise<void> {
  await sql`select gin_clean_pending_list(c.oid) from pg_class c
    where c.relname in ('kb_article_search_idx', 'kb_article_head_idx') and pg_table_is_visible(c.oid)`.execute(
    db,
  );
  await sql`analyze kb_article`.execute(db);
  await sql`analyze kb_term_stat`.execute(db);
}

/** The article holding an external id, if any. */
export function findArticleByExternalId(db: Db, externalId: string) {
  return db.selectFrom('kb_article').select('id').where('external_id', '=', externalId).executeTakeFirst();
}

/** Empties the document-frequency table, keeping only the article counter at zero. */
export async function resetTermStats(db: Db): Promise<void> {
  await sql`delete from kb_term_stat`.execute(db);
  await sql`insert into kb_term_stat (term, df) values (${ARTICLE_COUNT_TERM}, 0)`.execute(db);
}

/** Orders' content and stored tokens after `afterId`, ascending, at most `limit`. */
export function ticketContentAfter(db: Db, afterId: number, limit: number) {
  return db
    .selectFrom('ticket')
    .select(['id', 'content', 'content_tokens'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function setTicketContentTokens(db: Db, ticketId: number, tokens: string): Promise<void> {
  await db.updateTable('ticket').set({ content_tokens: tokens }).where('id', '=', ticketId).execute();
}
