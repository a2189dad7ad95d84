import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { changeEnterprise } from './enterprise-change';
import { latestVisit, updateEnterprise } from './enterprises.repository';

/**
 * `POST /api/enterprises/:id/approve`: the center admits a pending applicant (完成加盟, wuqing §33).
 * When an on-site visit was recorded, the latest one must have confirmed the application.
 */
export async function approveEnterprise(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  note: string | null,
): Promise<void> {
  await changeEnterprise(ctx, user, id, 'approve', { note }, async ({ trx, now }) => {
    const visit = await latestVisit(trx, id);
    if (visit?.result === 'failed') {
      throw new AppError('UNPROCESSABLE', '最近一次现场核实结果为“核实不符”，不能批准加盟');
    }
    await updateEnterprise(trx, id, {
      status: 'approved',
      decided_at: now,
      decided_by: user.id,
      decision_note: note,
    });
  });
}
