import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { listScope } from './article-access';
import { listArticles } from './kb-article.repository';
import { toSummary } from './kb.presenter';
import type { articleListQuery } from './kb.schemas';
import { todayOf } from './kb-time';

/** `GET /api/kb/articles`: one page of the articles the user may see, with the list's filters. */
export async function listArticlesFor(
  ctx: AppContext,
  user: SessionUser,
  q: z.output<typeof articleListQuery>,
) {
  const today = todayOf(ctx.clock.now());
  const { rows, total } = await listArticles(ctx.db, {
    status: q.status,
    categoryCode: q.categoryCode,
    unitId: q.unitId,
    q: q.q,
    reviewOverdueOn: q.reviewOverdue === 'true' ? today : undefined,
    visibleToUnit: listScope(user),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map((r) => toSummary(r, today)), total };
}
