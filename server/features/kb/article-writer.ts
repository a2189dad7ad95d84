import { accumulateGramDelta } from '../../domain/kb/grams';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import {
  accumulateTermDelta,
  contentOfRow,
  diffContent,
  gramsOf,
  rowOfContent,
  termsOf,
  tokensOf,
  type ArticleContent,
  type ArticleTokens,
} from './article-content';
import {
  applyTermDeltas,
  categoryExists,
  insertArticles,
  insertVersions,
  unitExists,
  updateArticle,
  type ArticleRow,
  type ArticleUpdate,
} from './kb-article.repository';

/**
 * Writes of article content, each with its version row and document-frequency update, inside
 * the caller's transaction. Use cases decide who may do what; this keeps the three tables
 * consistent.
 */
export async function validateContent(db: Db, c: ArticleContent): Promise<void> {
  if (c.categoryCode && !(await categoryExists(db, c.categoryCode))) {
    throw new AppError('VALIDATION_FAILED', `分类 ${c.categoryCode} 不存在`, [
      { path: '/categoryCode', message: '分类不存在' },
    ]);
  }
  if (c.ownerUnitId && !(await unitExists(db, c.ownerUnitId))) {
    throw new AppError('VALIDATION_FAILED', '所属单位不存在', [
      { path: '/ownerUnitId', message: '单位不存在' },
    ]);
  }
  if (c.validFrom && c.validUntil && c.validUntil < c.validFrom) {
    throw new AppError('VALIDATION_FAILED', '失效日期不能早于生效日期', [
      { path: '/validUntil', message: '早于生效日期' },
    ]);
  }
}

/** What the search index keeps of an article: its tokens and the text its character bigrams come from. */
export type IndexedArticle = ArticleTokens & Pick<ArticleContent, 'title' | 'body' | 'keywords'>;

/**
 * Adds an article's change to the collection statistics into `acc`: the document frequencies of
 * its distinct terms and the counts of its character bigrams (`before` null for a new article).
 */
export function accumulateArticleDelta(
  acc: Map<string, number>,
  before: IndexedArticle | null,
  after: IndexedArticle,
): void {
  accumulateTermDelta(acc, before && termsOf(before), termsOf(after));
  accumulateGramDelta(acc, before && gramsOf(before), gramsOf(after));
}

export interface WriteMeta {
  userId: number | null;
  now: Date;
  action: string;
  note?: string | null;
}

export async function createArticleRow(
  db: Db,
  content: ArticleContent,
  opts: WriteMeta & { status: string; source: string; externalIdNumeric?: boolean },
): Promise<number> {
  const tokens = tokensOf(content);
  const [row] = await insertArticles(db, [
    {
      ...rowOfContent(content),
      ...tokens,
      external_id_numeric: opts.externalIdNumeric ?? false,
      status: opts.status,
      source: opts.source,
      version: 1,
      created_by: opts.userId,
      updated_by: opts.userId,
      created_at: opts.now,
      updated_at: opts.now,
      published_at: opts.status === 'published' ? opts.now : null,
    },
  ]);
  if (!row) throw new Error('insert returned no row');
  await insertVersions(db, [
    {
      article_id: row.id,
      version: 1,
      at: opts.now,
      actor_user_id: opts.userId,
      action: opts.action,
      status: opts.status,
      changes: JSON.stringify(diffContent(null, content)),
      snapshot: JSON.stringify(content),
      note: opts.note ?? null,
    },
  ]);
  const delta = new Map<string, number>();
  accumulateArticleDelta(delta, null, { ...content, ...tokens });
  await applyTermDeltas(db, delta, 1);
  return row.id;
}

/**
 * Applies new content and/or status to a locked row as the next version. Returns false when
 * nothing would change (no version is written then).
 */
export async function reviseArticleRow(
  db: Db,
  before: ArticleRow,
  change: {
    content?: ArticleContent;
    status?: string;
    set?: ArticleUpdate;
    extraChanges?: { field: string; from?: unknown; to?: unknown }[];
  },
  meta: WriteMeta,
): Promise<boolean> {
  const oldContent = contentOfRow(before);
  const content = change.content ?? oldContent;
  const changes = diffContent(oldContent, content);
  const status = change.status ?? before.status;
  if (status !== before.status) changes.push({ field: 'status', from: before.status, to: status });
  changes.push(...(change.extraChanges ?? []));
  if (changes.length === 0 && meta.action === 'edit') return false;

  const version = before.version + 1;
  const set: ArticleUpdate = {
    ...change.set,
    status,
    version,
    updated_by: meta.userId,
    updated_at: meta.now,
  };
  const textChanged = changes.some(
    (c) => c.field === 'title' || c.field === 'body' || c.field === 'keywords',
  );
  if (change.content) Object.assign(set, rowOfContent(content));
  if (textChanged) {
    const tokens = tokensOf(content);
    Object.assign(set, tokens);
    const delta = new Map<string, number>();
    accumulateArticleDelta(delta, before, { ...content, ...tokens });
    await applyTermDeltas(db, delta, 0);
  }
  await updateArticle(db, before.id, set);
  await insertVersions(db, [
    {
      article_id: before.id,
      version,
      at: meta.now,
      actor_user_id: meta.userId,
      action: meta.action,
      status,
      changes: JSON.stringify(changes),
      snapshot: JSON.stringify(content),
      note: meta.note ?? null,
    },
  ]);
  return true;
}
