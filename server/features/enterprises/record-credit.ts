import type { z } from 'zod';
import type { CreditRecordKind, creditRecordBody } from '../../../common/contracts/enterprises';
import { recentBadRecords, suspensionDue } from '../../domain/enterprise/star-rating';
import { BAD_RECORD_WINDOW_DAYS, SUSPENSION_BAD_RECORDS } from '../../domain/enterprise/star-rating';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import type { Trx } from '../tickets/tickets.repository';
import { changeEnterprise } from './enterprise-change';
import { badRecordTimes, insertCreditRecord, ticketExists } from './enterprises.repository';
import { markSuspended } from './suspend-enterprise';

export interface BadRecord {
  enterpriseId: number;
  kind: CreditRecordKind;
  ticketId: number | null;
  note: string | null;
  /** null when the platform records it itself (e.g. from an upheld complaint). */
  by: number | null;
  at: Date;
}

/**
 * Records a bad record (服务不良记录, wuqing §38) on an enterprise whose row the caller has locked,
 * inside the caller's transaction. From the SUSPENSION_BAD_RECORDS-th record within
 * BAD_RECORD_WINDOW_DAYS an approved enterprise is suspended at once. The order lifecycle calls
 * this when a complaint about a referred enterprise is upheld or it did not turn up.
 */
export async function recordBadRecord(
  trx: Trx,
  status: string,
  r: BadRecord,
): Promise<{ id: number; suspended: boolean }> {
  if (r.ticketId !== null && !(await ticketExists(trx, r.ticketId))) {
    throw new AppError('UNPROCESSABLE', '关联的工单不存在');
  }
  const id = await insertCreditRecord(trx, r);
  const since = new Date(r.at.getTime() - BAD_RECORD_WINDOW_DAYS * 86_400_000);
  const times = (await badRecordTimes(trx, [r.enterpriseId], since)).get(r.enterpriseId) ?? [];
  const due = status === 'approved' && suspensionDue(recentBadRecords(times, r.at));
  if (due) {
    await markSuspended(
      trx,
      r.enterpriseId,
      r.by,
      `一年内不良记录达 ${SUSPENSION_BAD_RECORDS} 次，自动暂停加盟`,
      r.at,
    );
  }
  return { id, suspended: due };
}

/** `POST /api/enterprises/:id/credit-records`: a center user records a bad record. */
export async function recordCredit(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  body: z.output<typeof creditRecordBody>,
): Promise<{ suspended: boolean }> {
  let suspended = false;
  await changeEnterprise(ctx, user, id, 'record-credit', { ...body }, async ({ trx, row, now }) => {
    const r = await recordBadRecord(trx, row.status, {
      enterpriseId: id,
      kind: body.kind,
      ticketId: body.ticketId ?? null,
      note: body.note,
      by: user.id,
      at: now,
    });
    suspended = r.suspended;
  });
  return { suspended };
}
