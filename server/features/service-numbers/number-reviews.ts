import type { z } from 'zod';
import type { openReviewBody, ReviewDto } from '../../../common/contracts/service-numbers';
import { parseDay, msOfLocal, MS_PER_DAY } from '../../domain/calendar/time';
import {
  changesInPeriod,
  parseReviewPeriod,
  ReviewPeriodError,
} from '../../domain/service-number/service-number-rules';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { withRetry } from '../../platform/retry';
import type { Trx } from '../tickets/tickets.repository';
import { loadActor } from '../tickets/standing';
import { inScope, readScope, requireKeeper, requireMayAnswerReview } from './service-number-access';
import { presentReview, presentVersion } from './service-numbers.presenter';
import {
  answerReviewRow,
  findReview,
  insertReviews,
  listReviews,
  listVersions,
  numbersOfUnit,
  unitsWithNumbers,
  type ReviewRow,
} from './service-numbers.repository';

function periodOf(id: string) {
  try {
    return parseReviewPeriod(id);
  } catch (e) {
    if (e instanceof ReviewPeriodError) {
      throw new AppError('VALIDATION_FAILED', '审核周期格式应为 YYYY-H1 或 YYYY-H2');
    }
    throw e;
  }
}

/** The review with the versions of the unit's numbers that took effect within its period. */
async function withChanges(db: Trx, r: ReviewRow, now: Date): Promise<ReviewDto> {
  const ids = (await numbersOfUnit(db, r.unit_id)).map((n) => n.id);
  const versions = await listVersions(db, ids);
  const changes = changesInPeriod(
    versions.map((v) => ({ ...v, effectiveDate: v.effective_date, action: v.action as 'open' })),
    periodOf(r.period),
  ).map((v) => ({ ...presentVersion(v), serviceNumberId: v.service_number_id }));
  return presentReview(r, changes, now);
}

/**
 * `POST /api/service-numbers/reviews`: the center opens the semi-annual review (beijing-miyun
 * §10): one task per unit owning a number, due at the end of `dueDate` (service time zone).
 * Opening the same period again adds tasks only for units that have none yet.
 */
export async function openReview(
  ctx: AppContext,
  user: SessionUser,
  body: z.output<typeof openReviewBody>,
): Promise<{ period: string; created: number }> {
  const actor = await loadActor(ctx.db, user);
  requireKeeper(actor);
  const period = periodOf(body.period);
  const now = ctx.clock.now();
  let dueDay: number;
  try {
    dueDay = parseDay(body.dueDate);
  } catch {
    throw new AppError('VALIDATION_FAILED', '截止日期不是有效日期');
  }
  const dueAt = new Date(msOfLocal(dueDay, MS_PER_DAY - 1000));
  if (dueAt.getTime() <= now.getTime()) throw new AppError('UNPROCESSABLE', '截止日期须晚于今天');
  const created = await withRetry(ctx.db, async (trx) => {
    const units = await unitsWithNumbers(trx);
    return insertReviews(
      trx,
      units.map((unitId) => ({ period: period.id, unitId, dueAt, by: user.id, at: now })),
    );
  });
  return { period: period.id, created };
}

/** `GET /api/service-numbers/reviews`: review tasks in the viewer's scope, with each unit's changes. */
export async function listReviewsFor(
  ctx: AppContext,
  user: SessionUser,
  period: string | undefined,
): Promise<{ items: ReviewDto[] }> {
  const actor = await loadActor(ctx.db, user);
  const rows = await listReviews(ctx.db, {
    unitPath: readScope(actor),
    period: period ? periodOf(period).id : null,
  });
  const now = ctx.clock.now();
  const items: ReviewDto[] = [];
  for (const r of rows) items.push(await withChanges(ctx.db, r, now));
  return { items };
}

/** `POST /api/service-numbers/reviews/:id/answer`: the unit reports on its numbers, once. */
export async function answerReview(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  report: string,
): Promise<ReviewDto> {
  const actor = await loadActor(ctx.db, user);
  const now = ctx.clock.now();
  const review = await findReview(ctx.db, id);
  if (!review || !inScope(actor, review.unit_path)) throw new AppError('NOT_FOUND', '审核任务不存在');
  requireMayAnswerReview(actor, review.unit_path);
  const answered = await answerReviewRow(ctx.db, id, { report, by: user.id, at: now });
  if (!answered) throw new AppError('CONFLICT', '该审核任务已答复');
  const fresh = await findReview(ctx.db, id);
  if (!fresh) throw new AppError('NOT_FOUND', '审核任务不存在');
  return withChanges(ctx.db, fresh, now);
}
