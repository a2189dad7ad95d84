import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { withRetry } from '../../platform/retry';
import { loadActor } from '../tickets/standing';
import { requireMayDecide } from './service-number-access';
import type { Trx } from '../tickets/tickets.repository';
import {
  insertServiceNumber,
  insertVersion,
  listVersions,
  lockApplication,
  lockServiceNumber,
  recordDecision,
} from './service-numbers.repository';

type Application = NonNullable<Awaited<ReturnType<typeof lockApplication>>>;

/**
 * Locks a pending application the user may decide and runs `decide` on it in one transaction
 * (run again after a deadlock); an application already decided is refused.
 */
async function decidePending(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  decide: (trx: Trx, a: Application, now: Date) => Promise<void>,
): Promise<void> {
  const actor = await loadActor(ctx.db, user);
  const now = ctx.clock.now();
  await withRetry(ctx.db, async (trx) => {
    const a = await lockApplication(trx, id);
    if (!a) throw new AppError('NOT_FOUND', '号码申请不存在');
    requireMayDecide(actor, a);
    if (a.status !== 'pending') throw new AppError('TRANSITION_NOT_ALLOWED', '该申请已审核');
    await decide(trx, a, now);
  });
}

/**
 * `POST /api/service-numbers/applications/:id/approve`: the center approves a pending
 * application (beijing-miyun §11: it completes the opening, change or closing as applied). An
 * opening creates the number; every approval appends a version to the number's history, which
 * the public list shows from its effective date. Lock order: the application, then the number.
 */
export async function approveApplication(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  note: string | null,
): Promise<void> {
  await decidePending(ctx, user, id, async (trx, a, now) => {
    let numberId = a.service_number_id;
    if (numberId === null) {
      numberId = await insertServiceNumber(trx, a.unit_id, now);
    } else {
      const n = await lockServiceNumber(trx, numberId);
      if (!n) throw new AppError('NOT_FOUND', '号码不存在');
      const versions = await listVersions(trx, [numberId]);
      if (versions.some((v) => v.action === 'close')) {
        throw new AppError('TRANSITION_NOT_ALLOWED', '该号码已撤销');
      }
    }
    await insertVersion(trx, {
      service_number_id: numberId,
      action: a.action,
      number: a.number,
      name: a.name,
      kind: a.kind,
      duty_hours: a.duty_hours,
      duties: a.duties,
      effective_date: a.effective_date,
      application_id: a.id,
      approved_by: user.id,
      approved_at: now,
    });
    await recordDecision(trx, id, { status: 'approved', by: user.id, at: now, note, numberId });
  });
}

/** `POST /api/service-numbers/applications/:id/reject`: the center sends it back with a reason. */
export async function rejectApplication(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  note: string,
): Promise<void> {
  await decidePending(ctx, user, id, async (trx, _a, now) => {
    await recordDecision(trx, id, { status: 'rejected', by: user.id, at: now, note, numberId: null });
  });
}
