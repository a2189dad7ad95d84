import { articleActor, decideArticleAction, isLive, type ArticleStatus } from '../../domain/kb/lifecycle';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { canSee } from './article-access';
import { reviseArticleRow } from './article-writer';
import { findArticle, lockArticle, type ArticleUpdate } from './kb-article.repository';
import { addMonths, todayOf } from './kb-time';

export type StatusAction =
  'submit' | 'approve' | 'reject' | 'withdraw' | 'reopen' | 'expire' | 'confirm-review';

const actionLabels: Record<StatusAction, string> = {
  submit: '提交审核',
  approve: '审核通过',
  reject: '退回修改',
  withdraw: '撤回',
  reopen: '重新打开',
  expire: '设为过期',
  'confirm-review': '确认复核',
};

/** Months until the next review when a review is confirmed without a date. */
export const DEFAULT_REVIEW_MONTHS = 6;

/**
 * Moves an article through its lifecycle (the transition table in server/domain/kb/lifecycle.ts),
 * under a row lock, writing the version row in the same transaction.
 */
export async function changeArticleStatus(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  action: StatusAction,
  input: { reason?: string | undefined; note?: string | undefined; reviewBy?: string | undefined } = {},
) {
  const now = ctx.clock.now();
  const today = todayOf(now);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockArticle(trx, id);
    if (!row || !canSee(user, row)) throw new AppError('NOT_FOUND', '知识条目不存在');
    const decision = decideArticleAction(
      row.status as ArticleStatus,
      action,
      articleActor(user, row.owner_unit_id),
    );
    if (!decision.ok) {
      throw decision.reason === 'forbidden'
        ? new AppError('FORBIDDEN', `当前角色无权${actionLabels[action]}`)
        : new AppError('TRANSITION_NOT_ALLOWED', `条目当前状态不能${actionLabels[action]}`, {
            status: row.status,
          });
    }
    const set: ArticleUpdate = {};
    const extra: { field: string; from?: unknown; to?: unknown }[] = [];
    let note = input.reason ?? input.note ?? null;
    switch (action) {
      case 'submit':
        if (!row.body.trim()) throw new AppError('UNPROCESSABLE', '正文为空，不能提交审核');
        set.status_note = null;
        break;
      case 'approve':
        if (!isLive({ status: 'published', validFrom: null, validUntil: row.valid_until }, today)) {
          throw new AppError('UNPROCESSABLE', '该条目的有效期已过，请先修改失效日期');
        }
        set.published_at = now;
        set.reviewed_by = user.id;
        set.status_note = input.note ?? null;
        break;
      case 'reject':
      case 'withdraw':
        set.status_note = input.reason ?? null;
        if (action === 'reject') set.reviewed_by = user.id;
        break;
      case 'reopen':
      case 'expire':
        set.status_note = input.note ?? null;
        break;
      case 'confirm-review': {
        const reviewBy = input.reviewBy ?? addMonths(today, DEFAULT_REVIEW_MONTHS);
        if (reviewBy <= today) throw new AppError('VALIDATION_FAILED', '下次复核日期应晚于今天');
        set.review_by = reviewBy;
        extra.push({ field: 'reviewBy', from: row.review_by, to: reviewBy });
        note = input.note ?? null;
        break;
      }
    }
    await reviseArticleRow(
      trx,
      row,
      { status: decision.to, set, extraChanges: extra },
      { userId: user.id, now, action, note },
    );
  });
  const article = await findArticle(ctx.db, id);
  if (!article) throw new AppError('NOT_FOUND', '知识条目不存在');
  return article;
}
