import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import type { Trx } from '../tickets/tickets.repository';
import { actedBy, appendAudit, type AuditEntry } from './audit';

/** What a withdrawal changed, for the audit log; null when it had been withdrawn before. */
export type Withdrawn = Required<Pick<AuditEntry, 'action' | 'targetType' | 'details'>> | null;

/**
 * An administrator withdraws something by its id (revokes a key, ends a subscription): only
 * administrators, an unknown id is NOT_FOUND, and the change and its audit entry are written in
 * one transaction. A second withdrawal is a no-op answered the same way (no audit entry).
 */
export function adminWithdrawal(spec: {
  requireAdmin: (user: SessionUser) => void;
  /** Anything truthy (a row, true) when the id exists. */
  exists: (db: Db, id: number) => Promise<unknown>;
  notFound: string;
  withdraw: (trx: Trx, id: number, now: Date) => Promise<Withdrawn>;
}): (ctx: AppContext, user: SessionUser, id: number, ip: string | null) => Promise<void> {
  return async (ctx, user, id, ip) => {
    spec.requireAdmin(user);
    if (!(await spec.exists(ctx.db, id))) throw new AppError('NOT_FOUND', spec.notFound);
    const now = systemClock.now();
    await ctx.db.transaction().execute(async (trx) => {
      const withdrawn = await spec.withdraw(trx, id, now);
      if (!withdrawn) return;
      await appendAudit(trx, { ...actedBy(user, now), ...withdrawn, targetId: id, ip });
    });
  };
}
