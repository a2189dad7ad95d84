import { z } from 'zod';
import type { unitExchangeBody } from '../../../common/contracts/webhooks';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { systemClock } from '../../platform/clock';
import { actedBy, appendAudit } from '../audit/audit';
import { setUnitExchange, unitExchange } from './exchange.repository';

export interface UnitExchangeDto {
  unitId: number;
  endpoint: string | null;
  hasApiKey: boolean;
}

/**
 * Marks a unit as another installation of CivicLine (a district or sector platform): its base
 * URL and the exchange key it issued. Dispatching an order to the unit then also forwards it
 * there. A platform unit (which re-dispatches itself) cannot be one: the remote installation
 * dispatches. Null endpoint: an ordinary unit again.
 */
export async function configureUnitExchange(
  ctx: AppContext,
  user: SessionUser,
  unitId: number,
  body: z.infer<typeof unitExchangeBody>,
  ip: string | null,
): Promise<UnitExchangeDto> {
  if (user.role !== 'admin') throw new AppError('FORBIDDEN', '只有系统管理员可以设置平台交换');
  const unit = await unitExchange(ctx.db, unitId);
  if (!unit) throw new AppError('NOT_FOUND', '单位不存在');
  if (body.endpoint && unit.is_platform) {
    throw new AppError('UNPROCESSABLE', '分平台由本平台转派，不能设为下级平台安装');
  }
  const key = body.apiKey ?? unit.exchange_key;
  if (body.endpoint && !key) {
    throw new AppError('VALIDATION_FAILED', '请填写下级平台签发的交换密钥', [
      { path: '/apiKey', message: 'required' },
    ]);
  }
  await setUnitExchange(ctx.db, unitId, body.endpoint, key ?? null);
  await appendAudit(ctx.db, {
    ...actedBy(user, systemClock.now()),
    action: 'unit-exchange-set',
    targetType: 'org_unit',
    targetId: unitId,
    details: { endpoint: body.endpoint },
    ip,
  });
  return { unitId, endpoint: body.endpoint, hasApiKey: body.endpoint !== null };
}

export async function findUnitExchange(
  ctx: AppContext,
  user: SessionUser,
  unitId: number,
): Promise<UnitExchangeDto> {
  if (user.role !== 'admin') throw new AppError('FORBIDDEN', '只有系统管理员可以设置平台交换');
  const unit = await unitExchange(ctx.db, unitId);
  if (!unit) throw new AppError('NOT_FOUND', '单位不存在');
  return { unitId, endpoint: unit.exchange_endpoint, hasApiKey: unit.exchange_key !== null };
}
