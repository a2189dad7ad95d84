import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { changeEnterprise } from './enterprise-change';
import { updateEnterprise } from './enterprises.repository';

/** `POST /api/enterprises/:id/reject`: the center turns an application down, with its reason. */
export async function rejectEnterprise(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  reason: string,
): Promise<void> {
  await changeEnterprise(ctx, user, id, 'reject', { reason }, async ({ trx, now }) => {
    await updateEnterprise(trx, id, {
      status: 'rejected',
      decided_at: now,
      decided_by: user.id,
      decision_note: reason,
    });
  });
}
