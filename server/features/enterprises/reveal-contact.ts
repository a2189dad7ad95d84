import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { actedBy, appendAudit } from '../audit/audit';
import { loadActor } from '../tickets/standing';
import { allowedActions, mayRead } from './enterprise-access';
import { findEnterprise } from './enterprises.repository';
import { isMembershipState } from '../../domain/enterprise/membership';

/**
 * `POST /api/enterprises/:id/reveal-contact`: the contact person's name and phone in full, for a
 * role that may see them, with a reason; every reveal and every refusal is in the audit log
 * (SPEC §9, as for callers in tickets/caller-privacy.ts).
 */
export async function revealContact(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  reason: string,
  ip: string | null,
): Promise<{ contactName: string; contactPhone: string }> {
  const actor = await loadActor(ctx.db, user);
  const row = mayRead(actor) ? await findEnterprise(ctx.db, id) : undefined;
  if (mayRead(actor) && (!row || !isMembershipState(row.status))) {
    throw new AppError('NOT_FOUND', '企业不存在');
  }
  const allowed =
    !!row && isMembershipState(row.status) && allowedActions(actor, row.status).includes('reveal-contact');
  await appendAudit(ctx.db, {
    ...actedBy(user, ctx.clock.now()),
    action: allowed ? 'reveal-enterprise-contact' : 'reveal-enterprise-contact-refused',
    targetType: 'enterprise',
    targetId: id,
    details: { reason },
    ip,
  });
  if (!allowed || !row) throw new AppError('FORBIDDEN', '当前角色无权查看企业联系人完整信息');
  return { contactName: row.contact_name, contactPhone: row.contact_phone };
}
