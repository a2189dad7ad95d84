import type { z } from 'zod';
import type { createSupervisionBody, SupervisionMode } from '../../../common/contracts/supervision';
import type { Profile } from '../../domain/policy';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { performAction } from '../tickets/perform-action';
import { supervisingRoles } from './supervision-access';
import { latestSupervisionBy } from './supervision.repository';

/** Written supervision unless the regulation's modes exclude it (shanghai-962200 §12). */
function defaultMode(profile: Profile): SupervisionMode {
  const modes = profile.supervision?.modes;
  if (!modes || modes.includes('written')) return 'written';
  return modes[0] ?? 'written';
}

/**
 * A supervision recorded directly on an order, e.g. a leader's instruction (领导批示,
 * tianjin-wuqing §23(1), shanghai-962200 §12(5)), by a leader, supervisor or administrator.
 * It goes through the lifecycle's `supervise` action (the order's lock, its event, its rules).
 */
export async function createSupervision(
  ctx: AppContext,
  user: SessionUser,
  body: z.infer<typeof createSupervisionBody>,
): Promise<number> {
  if (!supervisingRoles.includes(user.role)) {
    throw new AppError('FORBIDDEN', '只有领导、督办员或管理员可以督办');
  }
  const before = ctx.clock.now();
  await performAction(ctx, user, body.ticketId, 'supervise', {
    trigger: body.trigger,
    mode: body.mode ?? defaultMode(ctx.rules.profile),
    note: body.note,
    ...(body.dueAt ? { dueAt: body.dueAt } : {}),
  });
  const id = await latestSupervisionBy(ctx.db, { ticketId: body.ticketId, userId: user.id, since: before });
  if (id === undefined) throw new AppError('INTERNAL', '督办未记录');
  return id;
}
