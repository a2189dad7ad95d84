import { articleActor, decideArticleAction, type ArticleStatus } from '../../domain/kb/lifecycle';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { contentOfRow, type ArticleContent } from './article-content';
import { canSee } from './article-access';
import { reviseArticleRow, validateContent } from './article-writer';
import { assertExternalIdFree, normalizeKeywords } from './create-article';
import { findArticle, lockArticle } from './kb-article.repository';
import type { ArticlePatch } from './kb.schemas';

/** Edits an article's content as a new version. Owners edit drafts; managers edit in any status. */
export async function updateArticle(ctx: AppContext, user: SessionUser, id: number, patch: ArticlePatch) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockArticle(trx, id);
    if (!row || !canSee(user, row)) throw new AppError('NOT_FOUND', '知识条目不存在');
    const actor = articleActor(user, row.owner_unit_id);
    const decision = decideArticleAction(row.status as ArticleStatus, 'edit', actor);
    if (!decision.ok) {
      throw decision.reason === 'forbidden'
        ? new AppError('FORBIDDEN', '无权修改该知识条目')
        : new AppError('TRANSITION_NOT_ALLOWED', '本单位只能修改草稿状态的条目，请先重新打开为草稿');
    }
    if (patch.version !== undefined && patch.version !== row.version) {
      throw new AppError('CONFLICT', '条目已被他人修改，请刷新后重试', { currentVersion: row.version });
    }
    if (patch.ownerUnitId !== undefined && patch.ownerUnitId !== row.owner_unit_id && actor !== 'manager') {
      throw new AppError('FORBIDDEN', '只有知识库维护员可以变更所属单位');
    }
    const old = contentOfRow(row);
    const content: ArticleContent = {
      ...old,
      ...defined({
        title: patch.title,
        body: patch.body,
        categoryCode: patch.categoryCode,
        ownerUnitId: patch.ownerUnitId,
        keywords: patch.keywords ? normalizeKeywords(patch.keywords) : undefined,
        validFrom: patch.validFrom,
        validUntil: patch.validUntil,
        reviewBy: patch.reviewBy,
        externalId: patch.externalId,
      }),
    };
    if (patch.categoryCode !== undefined) content.categoryLabel = null;
    if (patch.ownerUnitId !== undefined) content.unitLabel = null;
    await validateContent(trx, content);
    await assertExternalIdFree(trx, content.externalId, row.id);
    await reviseArticleRow(trx, row, { content }, { userId: user.id, now, action: 'edit' });
  });
  const article = await findArticle(ctx.db, id);
  if (!article) throw new AppError('NOT_FOUND', '知识条目不存在');
  return article;
}

function defined<T extends object>(o: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<{
    [K in keyof T]: Exclude<T[K], undefined>;
  }>;
}
