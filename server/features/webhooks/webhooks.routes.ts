import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createWebhookBody,
  webhookDeliveryList,
  webhookDto,
  webhookList,
} from '../../../common/contracts/webhooks';
import type { AppContext } from '../../platform/context';
import { idParam, requireUser } from '../../platform/http';
import { createWebhook, deleteWebhook, findDeliveries, findWebhooks } from './webhooks';

/** Webhook subscriptions (推送订阅) and their delivery log: administrators only. */
export function webhookRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/admin/webhooks',
      {
        schema: {
          tags: ['webhooks'],
          summary: '创建推送订阅 Subscribe a URL to order events (signed with the secret)',
          description:
            'events: ticket.created, ticket.dispatched, ticket.replied, ticket.closed, ticket.overdue, any other action as ticket.<action>, or * for all. Each delivery: POST JSON {event, occurredAt, ticket: {id, number, status}} (no personal data) with X-CivicLine-Event, X-CivicLine-Delivery (kept on retries) and X-CivicLine-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>. Retried with backoff (30 s, 2 min, 10 min, …) for a day. format exchange: status reports of orders received from another installation (url may hold {externalNo}; apiKey is sent as X-API-Key).',
          body: createWebhookBody,
          response: { 201: webhookDto },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createWebhook(ctx, requireUser(req), req.body, req.ip)),
    );

    app.get(
      '/api/admin/webhooks',
      {
        schema: {
          tags: ['webhooks'],
          summary: '推送订阅列表 Active subscriptions with delivery counts (never the secret)',
          response: { 200: webhookList },
        },
      },
      async (req) => findWebhooks(ctx, requireUser(req)),
    );

    app.delete(
      '/api/admin/webhooks/:id',
      {
        schema: { tags: ['webhooks'], summary: '删除推送订阅 End a subscription', params: idParam },
      },
      async (req, reply) => {
        await deleteWebhook(ctx, requireUser(req), req.params.id, req.ip);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/admin/webhooks/:id/deliveries',
      {
        schema: {
          tags: ['webhooks'],
          summary: '投递记录 The delivery log: status, attempts, last error, next attempt (latest 200)',
          params: idParam,
          response: { 200: webhookDeliveryList },
        },
      },
      async (req) => findDeliveries(ctx, requireUser(req), req.params.id),
    );
  };
}
