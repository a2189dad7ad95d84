import type { ExchangeStatusBody } from '../../../common/contracts/webhooks';
import { exchangeStatusBody } from '../../../common/contracts/webhooks';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { withRetry } from '../../platform/retry';
import type { ApiKeyPrincipal } from '../api-keys/authenticate-api-key';
import { parseActionPayload, performActionIn } from '../tickets/perform-action';
import { loadActor } from '../tickets/standing';
import { appendEvent, lockTicket } from '../tickets/tickets.repository';
import { claimReceipt, isAssignedTo, ticketByNo } from './exchange.repository';

/** The event that records a remote installation's progress on the order (下级平台进展). */
export const EXCHANGE_PROGRESS = 'exchange-progress';

/**
 * A status change reported back by the installation that handles a forwarded order. Recorded on
 * the order as 下级平台进展; its signing for the order is the unit's `accept`, its reply the
 * unit's `reply` (so the city's review, callback and close go on as for any unit). The key must
 * be bound to the remote unit (scopes exchange + unit): it acts as that unit's handler. A report
 * whose delivery id was applied before is answered without effect (deliveries come at least once).
 */
export async function receiveExchangeStatus(
  ctx: AppContext,
  key: ApiKeyPrincipal,
  externalNo: string,
  deliveryId: string | undefined,
  input: ExchangeStatusBody,
): Promise<{ ticketId: number; applied: string[]; duplicate: boolean }> {
  const body = exchangeStatusBody.parse(input);
  if (!key.actor) {
    throw new AppError('API_KEY_SCOPE', '平台交换密钥须绑定下级平台所在单位（权限范围含承办单位系统）');
  }
  const found = await ticketByNo(ctx.db, externalNo);
  if (!found) throw new AppError('NOT_FOUND', '工单不存在');
  const user = key.actor;
  const actor = await loadActor(ctx.db, user);
  const now = ctx.clock.now();
  return withRetry(ctx.db, async (trx) => {
    const ticket = await lockTicket(trx, found.id);
    if (!ticket || !(await isAssignedTo(trx, ticket.id, user.unitId))) {
      throw new AppError('NOT_FOUND', '工单不存在');
    }
    if (deliveryId && !(await claimReceipt(trx, { deliveryId, ticketId: ticket.id, at: now }))) {
      return { ticketId: ticket.id, applied: [], duplicate: true };
    }
    await appendEvent(trx, {
      ticketId: ticket.id,
      at: now,
      actorUserId: user.id,
      actorUnitId: user.unitId,
      action: EXCHANGE_PROGRESS,
      party: 'lead',
      payload: {
        remoteNo: body.ticketNo,
        remoteEvent: body.event,
        remoteAction: body.action,
        remoteStatus: body.status,
        remoteAt: body.occurredAt,
        ...(body.note ? { note: body.note } : {}),
      },
      from: ticket.status,
      to: ticket.status,
    });
    const applied: string[] = [];
    let status = ticket.status;
    const act = async (action: 'accept' | 'reply', payload: Record<string, unknown>) => {
      const parsed = parseActionPayload(action, payload);
      const r = await performActionIn(ctx, trx, actor, ticket.id, action, parsed);
      status = r.status;
      applied.push(action);
    };
    if ((body.action === 'accept' || body.action === 'reply') && status === 'dispatched') {
      await act('accept', {});
    }
    if (body.action === 'reply' && status === 'in_progress') {
      await act('reply', {
        result: body.result?.trim() || '下级平台已办理答复',
        contacted: body.contacted ?? false,
      });
    }
    return { ticketId: ticket.id, applied, duplicate: false };
  });
}
