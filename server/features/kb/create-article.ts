import { canDraftForUnit, isKbManager } from '../../domain/kb/lifecycle';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import type { ArticleContent } from './article-content';
import { createArticleRow, validateContent } from './article-writer';
import { findArticle, findArticleByExternalId } from './kb-article.repository';
import type { ArticleInput } from './kb.schemas';

/** Drafts a new article. Units draft for themselves; managers for any unit or the center (no unit). */
export async function createArticle(ctx: AppContext, user: SessionUser, input: ArticleInput) {
  const ownerUnitId =
    input.ownerUnitId !== undefined ? input.ownerUnitId : isKbManager(user.role) ? null : user.unitId;
  if (!canDraftForUnit(user.role, user.unitId, ownerUnitId)) {
    throw new AppError('FORBIDDEN', '只能为本单位起草知识条目');
  }
  const content: ArticleContent = {
    title: input.title,
    body: input.body,
    categoryCode: input.categoryCode ?? null,
    categoryLabel: null,
    ownerUnitId,
    unitLabel: null,
    keywords: normalizeKeywords(input.keywords ?? []),
    validFrom: input.validFrom ?? null,
    validUntil: input.validUntil ?? null,
    reviewBy: input.reviewBy ?? null,
    externalId: input.externalId ?? null,
  };
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    await validateContent(trx, content);
    await assertExternalIdFree(trx, content.externalId, null);
    return createArticleRow(trx, content, {
      userId: user.id,
      now,
      action: 'create',
      status: 'draft',
      source: 'manual',
    });
  });
  const article = await findArticle(ctx.db, id);
  if (!article) throw new Error('created article not found');
  return article;
}

export function normalizeKeywords(keywords: string[]): string[] {
  return [...new Set(keywords.map((k) => k.trim()).filter((k) => k.length > 0))];
}

export async function assertExternalIdFree(
  db: AppContext['db'],
  externalId: string | null,
  selfId: number | null,
): Promise<void> {
  if (!externalId) return;
  const other = await findArticleByExternalId(db, externalId);
  if (other && other.id !== selfId) throw new AppError('CONFLICT', `外部编号 ${externalId} 已被其他条目使用`);
}
