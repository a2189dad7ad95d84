import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { insertCitizenRating } from './portal.repository';
import { trackPublicRequest, orderByCode } from './track-request';

/**
 * The citizen's own rating of the reply (满意 / 基本满意 / 不满意), once per order, with the
 * tracking code. A separate record (`citizen_rating`) the callback clerk sees on the order: it does
 * not record the callback (回访) itself, which the regulations give to the center, by phone where
 * the profile says so (zibo-12345 §11(8)), and which decides closing and the unit's satisfaction rate.
 */
export async function ratePublicRequest(
  ctx: AppContext,
  ticketNo: string,
  body: {
    code: string;
    rating: 'satisfied' | 'basically-satisfied' | 'unsatisfied';
    comment?: string | undefined;
  },
) {
  const row = await orderByCode(ctx, ticketNo, body.code);
  const status = await trackPublicRequest(ctx, ticketNo, body.code);
  if (status.rating) throw new AppError('CONFLICT', '您已评价过该工单');
  if (!status.canRate) throw new AppError('UNPROCESSABLE', '该工单尚未答复，答复后才能评价');
  const at = ctx.clock.now();
  const ok = await insertCitizenRating(ctx.db, {
    ticket_id: row.id,
    rating: body.rating,
    comment: body.comment || null,
    created_at: at,
  });
  if (!ok) throw new AppError('CONFLICT', '您已评价过该工单');
  return { rating: body.rating, at: at.toISOString() };
}
