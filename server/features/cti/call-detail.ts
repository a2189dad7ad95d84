import type { CallDetail, CallEventType } from '../../../common/contracts/cti';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { maskPhone } from '../tickets/caller-privacy';
import { figureRoles } from './call-figures';
import { findCall, listCallEvents, listCallOrders } from './cti.repository';

/** Who sees a caller's number unmasked at the center (as on orders: caller-privacy.ts). */
const unmasked = new Set(['agent', 'callback', 'dispatcher', 'admin']);

/** 呼叫详情: a call with its events in time order and the orders taken on it (center roles). */
export async function callDetail(ctx: AppContext, user: SessionUser, callId: string): Promise<CallDetail> {
  if (!figureRoles.includes(user.role)) throw new AppError('FORBIDDEN', '当前角色无权查看话务记录');
  const call = await findCall(ctx.db, callId);
  if (!call) throw new AppError('NOT_FOUND', '话务记录不存在');
  const [events, orders] = await Promise.all([
    listCallEvents(ctx.db, callId),
    listCallOrders(ctx.db, callId),
  ]);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    callId: call.callId,
    caller: unmasked.has(user.role) ? call.caller : maskPhone(call.caller),
    queue: call.queue,
    agent: call.agentName ?? call.agentUsername,
    offeredAt: iso(call.offeredAt),
    answeredAt: iso(call.answeredAt),
    abandonedAt: iso(call.abandonedAt),
    endedAt: iso(call.endedAt),
    events: events.map((e) => ({
      type: e.type as CallEventType,
      at: e.at.toISOString(),
      receivedAt: e.receivedAt.toISOString(),
    })),
    orders,
  };
}
