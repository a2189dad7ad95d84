import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { canSee } from './article-access';
import { findArticle, recordUsage } from './kb-article.repository';

/** An agent used an article to answer (optionally for an order): one usage row, count + 1. */
export async function recordArticleUsage(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  ticketId: number | undefined,
) {
  const article = await findArticle(ctx.db, id);
  if (!article || !canSee(user, article)) throw new AppError('NOT_FOUND', '知识条目不存在');
  const usageCount = await recordUsage(ctx.db, {
    articleId: id,
    userId: user.id,
    ticketId: ticketId ?? null,
    at: ctx.clock.now(),
  });
  if (usageCount === null) throw new AppError('NOT_FOUND', '知识条目不存在');
  return { id, usageCount };
}
