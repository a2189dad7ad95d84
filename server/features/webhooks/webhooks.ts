import type { CreateWebhookBody, WebhookDeliveryDto, WebhookDto } from '../../../common/contracts/webhooks';
import { createWebhookBody } from '../../../common/contracts/webhooks';
import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { adminWithdrawal } from '../audit/admin-withdrawal';
import { actedBy, appendAudit } from '../audit/audit';
import {
  deactivateSubscription,
  insertSubscription,
  listDeliveries,
  listSubscriptions,
  subscriptionExists,
} from './webhooks.repository';

/** Webhook subscriptions (推送订阅): administrators only; the secret is never shown again. */
function requireAdmin(user: SessionUser): void {
  if (user.role !== 'admin') throw new AppError('FORBIDDEN', '只有系统管理员可以管理推送订阅');
}

export async function createWebhook(
  ctx: AppContext,
  user: SessionUser,
  input: CreateWebhookBody,
  ip: string | null,
): Promise<WebhookDto> {
  requireAdmin(user);
  const body = createWebhookBody.parse(input);
  const now = systemClock.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertSubscription(trx, {
      url: body.url,
      events: body.events,
      secret: body.secret,
      apiKey: body.apiKey ?? null,
      format: body.format,
      createdBy: user.id,
      now,
    });
    await appendAudit(trx, {
      ...actedBy(user, now),
      action: 'webhook-created',
      targetType: 'webhook_subscription',
      targetId: id,
      details: { url: body.url, events: body.events, format: body.format },
      ip,
    });
    return id;
  });
  const created = (await findWebhooks(ctx, user)).items.find((w) => w.id === id);
  if (!created) throw new AppError('NOT_FOUND', '推送订阅不存在');
  return created;
}

export async function findWebhooks(ctx: AppContext, user: SessionUser): Promise<{ items: WebhookDto[] }> {
  requireAdmin(user);
  const rows = await listSubscriptions(ctx.db);
  return {
    items: rows.map((r) => ({
      id: r.id,
      url: r.url,
      events: r.events,
      format: r.format === 'exchange' ? 'exchange' : 'event',
      hasApiKey: r.hasApiKey,
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdBy,
      pending: Number(r.pending ?? 0),
      failed: Number(r.failed ?? 0),
      delivered: Number(r.delivered ?? 0),
    })),
  };
}

/** Ends a subscription (deleting it again is a no-op answered the same way). */
export const deleteWebhook = adminWithdrawal({
  requireAdmin,
  exists: subscriptionExists,
  notFound: '推送订阅不存在',
  withdraw: async (trx, id, now) =>
    (await deactivateSubscription(trx, id, now))
      ? { action: 'webhook-deleted', targetType: 'webhook_subscription', details: {} }
      : null,
});

/** The delivery log of one subscription (the latest 200). */
export async function findDeliveries(
  ctx: AppContext,
  user: SessionUser,
  id: number,
): Promise<{ items: WebhookDeliveryDto[] }> {
  requireAdmin(user);
  if (!(await subscriptionExists(ctx.db, id))) throw new AppError('NOT_FOUND', '推送订阅不存在');
  const rows = await listDeliveries(ctx.db, id, 200);
  return {
    items: rows.map((r) => ({
      id: r.id,
      event: r.event,
      ticketId: Number(r.ticketId),
      ticketNo: r.ticketNo,
      status: r.status as WebhookDeliveryDto['status'],
      attempts: r.attempts,
      lastStatus: r.lastStatus,
      lastError: r.lastError,
      lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
      nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt.toISOString() : null,
      createdAt: r.createdAt.toISOString(),
      deliveredAt: r.deliveredAt?.toISOString() ?? null,
    })),
  };
}
