import { articleActor, isKbManager, type ArticleActor } from '../../domain/kb/lifecycle';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { findArticle } from './kb-article.repository';
import type { ArticleView } from './kb.presenter';

/**
 * Who sees what: managers (kb-editor, admin) every article; handlers and unit leaders the
 * published ones and every entry of their own unit; everyone else published entries only.
 * An article the user may not see is reported as missing.
 */
export function canSee(user: SessionUser, a: { status: string; owner_unit_id: number | null }): boolean {
  if (a.status === 'published') return true;
  return articleActor(user, a.owner_unit_id) !== 'viewer';
}

export async function loadVisibleArticle(
  ctx: AppContext,
  user: SessionUser,
  id: number,
): Promise<{ article: ArticleView; actor: ArticleActor }> {
  const article = await findArticle(ctx.db, id);
  if (!article || !canSee(user, article)) throw new AppError('NOT_FOUND', '知识条目不存在');
  return { article, actor: articleActor(user, article.owner_unit_id) };
}

export function listScope(user: SessionUser): number | null | 'published-only' {
  if (isKbManager(user.role)) return null;
  if (user.role === 'handler' || user.role === 'unit-leader') return user.unitId;
  return 'published-only';
}
