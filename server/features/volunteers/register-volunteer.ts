import type { z } from 'zod';
import type { createVolunteerBody, VolunteerDto } from '../../../common/contracts/volunteers';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { actedBy, appendAudit } from '../audit/audit';
import { loadActor } from '../tickets/standing';
import { mayReveal, requireCoordinator, requireReader, seesVolunteerPhone } from './volunteer-access';
import { presentVolunteer } from './volunteers.presenter';
import { findVolunteer, insertVolunteer, listVolunteers } from './volunteers.repository';

/** `POST /api/volunteers`: the center registers a volunteer (tianjin-wuqing §31-§40). */
export async function registerVolunteer(
  ctx: AppContext,
  user: SessionUser,
  body: z.output<typeof createVolunteerBody>,
): Promise<VolunteerDto> {
  const actor = await loadActor(ctx.db, user);
  requireCoordinator(actor);
  const id = await insertVolunteer(ctx.db, { ...body, by: user.id, at: ctx.clock.now() });
  const row = await findVolunteer(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '志愿者不存在');
  return presentVolunteer(row, true);
}

/** `GET /api/volunteers?skill=`: active volunteers, phones masked unless the role may see them. */
export async function findVolunteers(
  ctx: AppContext,
  user: SessionUser,
  skill: string | undefined,
): Promise<{ items: VolunteerDto[] }> {
  const actor = await loadActor(ctx.db, user);
  requireReader(actor);
  const show = seesVolunteerPhone(actor);
  const rows = await listVolunteers(ctx.db, skill ?? null);
  return { items: rows.map((r) => presentVolunteer(r, show)) };
}

/**
 * `POST /api/volunteers/:id/reveal-phone`: the volunteer's phone, on purpose, with a reason,
 * written to the audit log like a reveal of a caller (SPEC §9). Refused attempts are audited too.
 */
export async function revealVolunteerPhone(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  reason: string,
  ip: string | null,
): Promise<VolunteerDto> {
  const actor = await loadActor(ctx.db, user);
  const row = await findVolunteer(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '志愿者不存在');
  const allowed = mayReveal(actor);
  await appendAudit(ctx.db, {
    ...actedBy(user, ctx.clock.now()),
    action: allowed ? 'reveal-volunteer-phone' : 'reveal-volunteer-phone-refused',
    targetType: 'volunteer',
    targetId: id,
    details: { reason },
    ip,
  });
  if (!allowed) throw new AppError('FORBIDDEN', '当前角色无权查看志愿者联系电话');
  return presentVolunteer(row, true);
}
