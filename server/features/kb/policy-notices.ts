import { z } from 'zod';
import { localDay, formatDay } from '../../domain/calendar/time';
import { canDraftForUnit, isKbManager } from '../../domain/kb/lifecycle';
import { policyNoticeDueOn, policyNoticeState, type WorkingDayCalendar } from '../../domain/kb/timeliness';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { findArticle } from './kb-article.repository';
import { findNotice, insertNotice, linkNotice, listNotices } from './kb-report.repository';
import { todayOf } from './kb-time';

/**
 * Policy notices (政策发布登记): a unit's newly announced policy must be answered by a published
 * article within 5 working days (shanghai §14). The due date is computed once, with the working
 * calendar in force, and stored.
 */
export const noticeInput = z.object({
  unitId: z.number().int().positive().optional().describe('默认为当前用户所在单位'),
  title: z.string().trim().min(2).max(300),
  documentNo: z.string().trim().max(100).optional().describe('文号'),
  announcedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  articleId: z.number().int().positive().nullable().optional(),
  note: z.string().trim().max(1000).optional(),
});
export type NoticeInput = z.infer<typeof noticeInput>;

/** The working-day calendar in force (official holidays and make-up days). */
export function workingCalendar(ctx: AppContext): WorkingDayCalendar {
  return ctx.rules.calendar;
}

async function checkArticle(
  ctx: AppContext,
  articleId: number | null | undefined,
  unitId: number,
): Promise<void> {
  if (!articleId) return;
  const a = await findArticle(ctx.db, articleId);
  if (!a) {
    throw new AppError('VALIDATION_FAILED', '关联的知识条目不存在', [
      { path: '/articleId', message: '不存在' },
    ]);
  }
  if (a.owner_unit_id !== null && a.owner_unit_id !== unitId) {
    throw new AppError('VALIDATION_FAILED', '关联的知识条目不属于该单位', [
      { path: '/articleId', message: '单位不符' },
    ]);
  }
}

export async function createNotice(ctx: AppContext, user: SessionUser, input: NoticeInput) {
  const unitId = input.unitId ?? user.unitId;
  if (!canDraftForUnit(user.role, user.unitId, unitId)) {
    throw new AppError('FORBIDDEN', '只能登记本单位发布的政策');
  }
  await checkArticle(ctx, input.articleId, unitId);
  const id = await insertNotice(ctx.db, {
    unit_id: unitId,
    title: input.title,
    document_no: input.documentNo ?? null,
    announced_on: input.announcedOn,
    due_on: policyNoticeDueOn(input.announcedOn, workingCalendar(ctx)),
    article_id: input.articleId ?? null,
    note: input.note ?? null,
    created_by: user.id,
    created_at: ctx.clock.now(),
  });
  return (await noticesFor(ctx, user, {})).find((n) => n.id === id);
}

export async function linkNoticeArticle(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  articleId: number | null,
) {
  const notice = await findNotice(ctx.db, id);
  if (!notice) throw new AppError('NOT_FOUND', '政策登记不存在');
  if (!canDraftForUnit(user.role, user.unitId, notice.unit_id)) {
    throw new AppError('FORBIDDEN', '只能维护本单位的政策登记');
  }
  await checkArticle(ctx, articleId, notice.unit_id);
  await linkNotice(ctx.db, id, articleId);
  return (await noticesFor(ctx, user, {})).find((n) => n.id === id);
}

/** Notices visible to the user (units see their own), with their state on today's date. */
export async function noticesFor(ctx: AppContext, user: SessionUser, f: { unitId?: number | undefined }) {
  const unitId =
    isKbManager(user.role) || ['leader', 'supervisor'].includes(user.role) ? f.unitId : user.unitId;
  return noticesOf(ctx, unitId);
}

/** Notices of one unit (every unit when undefined), with their state on today's date. */
export async function noticesOf(ctx: AppContext, unitId: number | undefined) {
  const today = todayOf(ctx.clock.now());
  const rows = await listNotices(ctx.db, { unitId });
  return rows.map((r) => {
    const answeredOn = r.article_published_at ? formatDay(localDay(r.article_published_at)) : null;
    return {
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      title: r.title,
      documentNo: r.document_no,
      announcedOn: r.announced_on,
      dueOn: r.due_on,
      articleId: r.article_id,
      articleTitle: r.article_title,
      articleStatus: r.article_status,
      answeredOn,
      state: policyNoticeState(r.due_on, answeredOn, today),
      note: r.note,
    };
  });
}
