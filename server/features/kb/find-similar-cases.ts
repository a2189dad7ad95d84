import { analyzeQuery } from '../../domain/kb/query';
import { planQuery } from '../../domain/kb/ranking';
import { buildSnippet } from '../../domain/kb/snippet';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { similarTicketRows, termStats, ticketContent } from './kb-search.repository';
import { maskPersonalData } from './privacy';
import { synonymsFor } from './synonym-store';

/** Center staff who may read other orders' content (masked) for reference. */
const allowedRoles = [
  'admin',
  'agent',
  'dispatcher',
  'kb-editor',
  'supervisor',
  'leader',
  'callback',
] as const;

/**
 * Closed orders whose content best matches a text or another order (类似历史工单), with the
 * answer given and the units' replies. Orders are segmented the same way as articles (their
 * content_tokens column); term weights come from the knowledge base statistics, terms it has
 * never seen count as rare. Personal data in the texts is masked.
 */
export async function findSimilarCases(
  ctx: AppContext,
  user: SessionUser,
  input: { q?: string | undefined; ticketId?: number | undefined; limit: number },
) {
  if (!(allowedRoles as readonly string[]).includes(user.role)) {
    throw new AppError('FORBIDDEN', '当前角色无权查看历史工单');
  }
  let text = input.q ?? '';
  if (input.ticketId !== undefined) {
    const t = await ticketContent(ctx.db, input.ticketId);
    if (!t) throw new AppError('NOT_FOUND', '工单不存在');
    text = [t.content, t.demand ?? '', text].join(' ');
  }
  const concepts = analyzeQuery(text, await synonymsFor(ctx.db));
  const stats = await termStats(
    ctx.db,
    concepts.flatMap((c) => c.terms),
  );
  const plan = planQuery(
    concepts,
    { docs: Math.max(stats.docs, 1), df: (t) => stats.df.get(t) ?? 0 },
    { maxConcepts: 16, candidateBudget: Number.POSITIVE_INFINITY, keepUnseen: true },
  );
  const rows = await similarTicketRows(ctx.db, {
    scoring: plan.scoring.map((c) => ({ tsquery: c.tsquery, weight: c.weight, lexemes: c.terms.length })),
    candidateQuery: plan.candidateQuery,
    excludeTicketId: input.ticketId,
    limit: input.limit,
  });
  const terms = plan.scoring.flatMap((c) => c.terms);
  return {
    items: rows.map((r) => ({
      ticketId: r.id,
      ticketNo: r.ticket_no,
      status: r.status,
      categoryCode: r.category_code,
      snippet: buildSnippet(maskPersonalData(r.content), terms, 120),
      answer: r.answer === null ? null : maskPersonalData(r.answer),
      replies: (r.replies ?? []).map(maskPersonalData),
      closedAt: r.closed_at,
      score: r.score,
    })),
    total: rows.length,
  };
}
