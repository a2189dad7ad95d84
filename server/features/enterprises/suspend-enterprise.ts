import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import type { Trx } from '../tickets/tickets.repository';
import { changeEnterprise } from './enterprise-change';
import { updateEnterprise } from './enterprises.repository';

/** Marks the enterprise suspended (it leaves the public directory and takes no referrals). */
export async function markSuspended(
  trx: Trx,
  id: number,
  by: number | null,
  reason: string,
  now: Date,
): Promise<void> {
  await updateEnterprise(trx, id, {
    status: 'suspended',
    suspended_at: now,
    suspended_by: by,
    suspend_reason: reason,
  });
}

/** `POST /api/enterprises/:id/suspend`: the center suspends a member, with its reason. */
export async function suspendEnterprise(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  reason: string,
): Promise<void> {
  await changeEnterprise(ctx, user, id, 'suspend', { reason }, async ({ trx, now }) => {
    await markSuspended(trx, id, user.id, reason, now);
  });
}

/** `POST /api/enterprises/:id/reinstate`: a suspended member is listed again. */
export async function reinstateEnterprise(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  reason: string,
): Promise<void> {
  await changeEnterprise(ctx, user, id, 'reinstate', { reason }, async ({ trx }) => {
    await updateEnterprise(trx, id, {
      status: 'approved',
      suspended_at: null,
      suspended_by: null,
      suspend_reason: null,
    });
  });
}
