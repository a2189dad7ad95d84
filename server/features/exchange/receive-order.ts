import { createTicketBody, type CreateTicketBody } from '../../../common/contracts/tickets';
import type { ExchangeOrderBody } from '../../../common/contracts/webhooks';
import { exchangeOrderBody } from '../../../common/contracts/webhooks';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import type { ApiKeyPrincipal } from '../api-keys/authenticate-api-key';
import { createTicket } from '../tickets/create-ticket';
import { centerUnit } from '../org/org.repository';
import { findExchangeOrder, insertExchangeOrder, keyIssuer } from './exchange.repository';

/**
 * An order forwarded by the city installation (channel hotline-12345) or sent by the province
 * (channel province): taken as a local order waiting for dispatch, its number there kept as the
 * external reference. A provincial order is level `province`, so the profile's stricter limits
 * apply (zibo-12345 §11(4): the lead unit asked within 1 working day; §11(6): results within 1
 * working day of dispatch). Idempotent on the external number: a repeated forward (at least once
 * delivery) answers the order already taken.
 */
export async function receiveExchangeOrder(
  ctx: AppContext,
  key: ApiKeyPrincipal,
  input: ExchangeOrderBody,
): Promise<{ id: number; ticketNo: string; created: boolean }> {
  const body = exchangeOrderBody.parse(input);
  const earlier = await findExchangeOrder(ctx.db, body.externalNo);
  if (earlier) return { id: earlier.id, ticketNo: earlier.ticket_no, created: false };
  const province = body.channel === 'province';
  const issuer = await keyIssuer(ctx.db, key.id);
  const center = await centerUnit(ctx.db);
  // Recorded as taken by the administrator who issued the key, at the installation's center.
  const intake: SessionUser = {
    id: issuer.id,
    username: issuer.username,
    displayName: `平台交换：${key.name}`,
    role: 'agent',
    unitId: center.id,
    sessionId: 0,
  };
  const order: CreateTicketBody = createTicketBody.parse({
    channel: province ? 'province' : body.channel,
    type: body.type,
    ...(body.category ? { category: body.category } : {}),
    urgency: body.urgency,
    level: province ? 'province' : (body.level ?? 'city'),
    caller: body.caller,
    location: body.location,
    content: body.content,
    ...(body.demand ? { demand: body.demand.slice(0, 1000) } : {}),
    channelRef: body.externalNo,
    tags: [province ? '省级工单' : '上级平台转办'],
  });
  try {
    const id = await createTicket(ctx, intake, order, {
      within: (trx, ticketId) =>
        insertExchangeOrder(trx, {
          ticketId,
          externalNo: body.externalNo,
          source: province ? 'province' : 'city',
          apiKeyId: key.id,
          at: ctx.clock.now(),
        }),
    });
    const made = await findExchangeOrder(ctx.db, body.externalNo);
    return { id, ticketNo: made?.ticket_no ?? '', created: true };
  } catch (err) {
    // The same forward arriving twice at once: the second finds the first's order.
    if ((err as { code?: string }).code === '23505') {
      const first = await findExchangeOrder(ctx.db, body.externalNo);
      if (first) return { id: first.id, ticketNo: first.ticket_no, created: false };
    }
    throw err;
  }
}
