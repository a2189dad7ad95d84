import type { CallbackRating } from '../../domain/enterprise/star-rating';
import { isMembershipState, takesReferrals } from '../../domain/enterprise/membership';
import { AppError } from '../../platform/errors';
import type { Trx } from '../tickets/tickets.repository';
import { insertReferral, lockEnterprise, rateReferrals } from './enterprises.repository';

/**
 * The enterprise side of referring an order to a franchise enterprise (派发电子工单, wuqing §35-§36).
 * The order lifecycle calls these inside its own transaction, after it has locked the order
 * (lock order: the order first, then the enterprise row).
 */

/**
 * Records that the order was referred to the enterprise; refuses an enterprise that is not an
 * approved member (pending, rejected, suspended). Referring the same order to the same
 * enterprise twice records it once. Returns whether this call recorded it.
 */
export async function recordReferral(
  trx: Trx,
  r: { ticketId: number; enterpriseId: number; by: number | null; at: Date },
): Promise<boolean> {
  const row = await lockEnterprise(trx, r.enterpriseId);
  if (!row || !isMembershipState(row.status)) throw new AppError('NOT_FOUND', '企业不存在');
  if (!takesReferrals(row.status)) {
    throw new AppError('UNPROCESSABLE', '该企业不是正常加盟状态（待审核、未通过或已暂停），不能派单');
  }
  return insertReferral(trx, r);
}

/**
 * The callback's satisfaction rating of a referred order, counted in the stars of every
 * enterprise the order was referred to (a later callback, e.g. after a redo, replaces it).
 * Returns those enterprises; none when the order was not referred.
 */
export async function rateReferral(
  trx: Trx,
  r: { ticketId: number; rating: CallbackRating; at: Date },
): Promise<number[]> {
  return rateReferrals(trx, r);
}
