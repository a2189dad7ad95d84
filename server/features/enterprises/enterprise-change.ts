import type { EnterpriseAction } from '../../../common/contracts/enterprises';
import { isMembershipState } from '../../domain/enterprise/membership';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { withRetry } from '../../platform/retry';
import { actedBy, appendAudit } from '../audit/audit';
import { loadActor } from '../tickets/standing';
import type { Trx } from '../tickets/tickets.repository';
import { requireAction } from './enterprise-access';
import { lockEnterprise, type EnterpriseRow } from './enterprises.repository';

export interface ChangeContext {
  trx: Trx;
  row: EnterpriseRow;
  now: Date;
}

/**
 * One change to an enterprise by a center user: the row locked, the role and the membership state
 * checked, the change and its audit entry (with the given details) in one transaction.
 */
export async function changeEnterprise(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  action: EnterpriseAction,
  details: Record<string, unknown>,
  apply: (c: ChangeContext) => Promise<void>,
  ip: string | null = null,
): Promise<void> {
  const actor = await loadActor(ctx.db, user);
  await withRetry(ctx.db, async (trx) => {
    const row = await lockEnterprise(trx, id);
    if (!row || !isMembershipState(row.status)) throw new AppError('NOT_FOUND', '企业不存在');
    requireAction(actor, row.status, action);
    const now = ctx.clock.now();
    await apply({ trx, row, now });
    await appendAudit(trx, {
      ...actedBy(user, now),
      action: `enterprise-${action}`,
      targetType: 'enterprise',
      targetId: id,
      details,
      ip,
    });
  });
}
