import type { z } from 'zod';
import type { applyServiceNumberBody } from '../../../common/contracts/service-numbers';
import { checkNotice } from '../../domain/service-number/service-number-rules';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { withRetry } from '../../platform/retry';
import { loadActor } from '../tickets/standing';
import { requireMayApplyFor } from './service-number-access';
import {
  findUnit,
  hasPendingFor,
  insertApplication,
  listVersions,
  lockServiceNumber,
} from './service-numbers.repository';

function validDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * `POST /api/service-numbers/applications`: a unit (its leader, or the center on its behalf)
 * applies to open, change or close a number (beijing-miyun §11). The effective date must leave
 * 45 natural days of notice from the day of the application (422 `NOTICE_TOO_SHORT`). A number
 * changed or closed must be the unit's, not closed, and without another pending application.
 */
export async function applyForNumber(
  ctx: AppContext,
  user: SessionUser,
  body: z.output<typeof applyServiceNumberBody>,
): Promise<number> {
  const actor = await loadActor(ctx.db, user);
  const unit = await findUnit(ctx.db, body.unitId);
  if (!unit || !unit.active) throw new AppError('UNPROCESSABLE', '单位不存在或已停用');
  requireMayApplyFor(actor, unit.path);
  if (!validDate(body.effectiveDate)) throw new AppError('VALIDATION_FAILED', '生效日期不是有效日期');
  const now = ctx.clock.now();
  const notice = checkNotice(now, body.effectiveDate);
  if (!notice.ok) {
    throw new AppError(
      'NOTICE_TOO_SHORT',
      `开通、变更、撤销号码须提前45天申请，生效日期最早为 ${notice.earliest}`,
      { days: notice.days, required: 45, earliest: notice.earliest },
    );
  }
  if (body.action === 'open' && body.serviceNumberId !== undefined) {
    throw new AppError('VALIDATION_FAILED', '开通新号码时不应指定已有号码');
  }
  if (body.action !== 'open' && body.serviceNumberId === undefined) {
    throw new AppError('VALIDATION_FAILED', '变更或撤销须指明原号码');
  }
  return withRetry(ctx.db, async (trx) => {
    if (body.serviceNumberId !== undefined) {
      const n = await lockServiceNumber(trx, body.serviceNumberId);
      if (!n || n.unit_id !== body.unitId) throw new AppError('UNPROCESSABLE', '该单位没有这个号码');
      const versions = await listVersions(trx, [n.id]);
      if (versions.some((v) => v.action === 'close')) {
        throw new AppError('TRANSITION_NOT_ALLOWED', '该号码已撤销，不能再变更或撤销');
      }
      if (await hasPendingFor(trx, n.id)) {
        throw new AppError('CONFLICT', '该号码已有待审核的申请，请等待审核后再提交');
      }
    }
    return insertApplication(trx, {
      unit_id: body.unitId,
      action: body.action,
      service_number_id: body.serviceNumberId ?? null,
      number: body.number,
      name: body.name,
      kind: body.kind,
      duty_hours: body.dutyHours,
      duties: body.duties,
      effective_date: body.effectiveDate,
      reason: body.reason ?? null,
      applied_by: user.id,
      applied_at: now,
    });
  });
}
