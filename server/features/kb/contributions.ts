import crypto from 'node:crypto';
import { z } from 'zod';
import { isKbManager } from '../../domain/kb/lifecycle';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { createArticleRow, validateContent } from './article-writer';
import type { Trx } from '../tickets/tickets.repository';
import { categoryExists } from './kb-article.repository';
import {
  countRecentByClient,
  insertContribution,
  listContributions,
  lockContribution,
  markContributionReviewed,
} from './kb-contribution.repository';

/**
 * Citizens and social organisations propose answers (wuqing §15); the center reviews them:
 * accepting turns one into a draft article that then goes through the normal review, rejecting
 * records the reason. The public endpoint needs no login and is limited per client address.
 */
export const contributionInput = z.object({
  title: z.string().trim().min(2, '请填写标题').max(200),
  question: z.string().trim().max(2000).optional(),
  answer: z.string().trim().min(5, '答案内容过短').max(20_000),
  contributorType: z.enum(['citizen', 'organisation']).default('citizen'),
  contributorName: z.string().trim().max(100).optional(),
  organisation: z.string().trim().max(200).optional(),
  contact: z.string().trim().max(100).optional().describe('联系方式，仅审核人员可见'),
  categoryCode: z.string().max(20).optional(),
});
export type ContributionInput = z.infer<typeof contributionInput>;

export const CONTRIBUTIONS_PER_HOUR = 5;
export const CONTRIBUTIONS_PER_DAY = 20;

/** A stable, non-reversible key for the client address (the address itself is not stored). */
export function clientKey(ip: string): string {
  return crypto.createHash('sha256').update(`kb-contribution:${ip}`).digest('hex').slice(0, 32);
}

export async function submitContribution(ctx: AppContext, input: ContributionInput, ip: string) {
  const now = ctx.clock.now();
  const key = clientKey(ip);
  const lastHour = await countRecentByClient(ctx.db, key, new Date(now.getTime() - 3_600_000));
  const lastDay = await countRecentByClient(ctx.db, key, new Date(now.getTime() - 86_400_000));
  if (lastHour >= CONTRIBUTIONS_PER_HOUR || lastDay >= CONTRIBUTIONS_PER_DAY) {
    throw new AppError('RATE_LIMITED', '提交过于频繁，请稍后再试');
  }
  if (input.contributorType === 'organisation' && !input.organisation) {
    throw new AppError('VALIDATION_FAILED', '社会组织提交请填写组织名称', [
      { path: '/organisation', message: '必填' },
    ]);
  }
  const categoryCode =
    input.categoryCode && (await categoryExists(ctx.db, input.categoryCode)) ? input.categoryCode : null;
  const id = await insertContribution(ctx.db, {
    title: input.title,
    question: input.question ?? null,
    answer: input.answer,
    contributor_type: input.contributorType,
    contributor_name: input.contributorName ?? null,
    organisation: input.organisation ?? null,
    contact: input.contact ?? null,
    category_code: categoryCode,
    client_key: key,
    created_at: now,
  });
  return { id, status: 'pending' as const };
}

function requireManager(user: SessionUser): void {
  if (!isKbManager(user.role)) throw new AppError('FORBIDDEN', '只有知识库维护员可以审核公众贡献');
}

export async function listContributionsFor(
  ctx: AppContext,
  user: SessionUser,
  f: { status?: string | undefined; page: number; pageSize: number },
) {
  requireManager(user);
  const { rows, total } = await listContributions(ctx.db, {
    status: f.status,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      question: r.question,
      answer: r.answer,
      contributorType: r.contributor_type,
      contributorName: r.contributor_name,
      organisation: r.organisation,
      contact: r.contact,
      categoryCode: r.category_code,
      status: r.status,
      createdAt: r.created_at,
      reviewedAt: r.reviewed_at,
      reviewerName: r.reviewer_name,
      reviewNote: r.review_note,
      articleId: r.article_id,
    })),
  };
}

type Contribution = NonNullable<Awaited<ReturnType<typeof lockContribution>>>;

/**
 * Locks a contribution still pending review and runs `review` on it in one transaction
 * (knowledge-base managers only); one already reviewed is refused.
 */
async function reviewPending<T>(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  review: (trx: Trx, c: Contribution, now: Date) => Promise<T>,
): Promise<T> {
  requireManager(user);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await lockContribution(trx, id);
    if (!c) throw new AppError('NOT_FOUND', '贡献记录不存在');
    if (c.status !== 'pending') throw new AppError('TRANSITION_NOT_ALLOWED', '该贡献已审核');
    return review(trx, c, now);
  });
}

export async function acceptContribution(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  input: {
    title?: string | undefined;
    body?: string | undefined;
    categoryCode?: string | null | undefined;
    ownerUnitId?: number | null | undefined;
    note?: string | undefined;
  },
) {
  return reviewPending(ctx, user, id, async (trx, c, now) => {
    const body = input.body ?? (c.question ? `**问：**${c.question}\n\n**答：**${c.answer}` : c.answer);
    const content = {
      title: input.title ?? c.title,
      body,
      categoryCode: input.categoryCode !== undefined ? input.categoryCode : c.category_code,
      categoryLabel: null,
      ownerUnitId: input.ownerUnitId ?? null,
      unitLabel: null,
      keywords: [],
      validFrom: null,
      validUntil: null,
      reviewBy: null,
      externalId: null,
    };
    await validateContent(trx, content);
    const articleId = await createArticleRow(trx, content, {
      userId: user.id,
      now,
      action: 'create',
      status: 'draft',
      source: 'contribution',
      note: `采纳公众贡献 #${id}`,
    });
    await markContributionReviewed(trx, id, {
      status: 'accepted',
      reviewedBy: user.id,
      reviewedAt: now,
      note: input.note ?? null,
      articleId,
    });
    return { id, status: 'accepted' as const, articleId };
  });
}

export async function rejectContribution(ctx: AppContext, user: SessionUser, id: number, reason: string) {
  return reviewPending(ctx, user, id, async (trx, _c, now) => {
    await markContributionReviewed(trx, id, {
      status: 'rejected',
      reviewedBy: user.id,
      reviewedAt: now,
      note: reason,
      articleId: null,
    });
    return { id, status: 'rejected' as const, articleId: null };
  });
}
