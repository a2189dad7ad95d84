import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actionPayloads,
  createTicketBody,
  listTicketsQuery,
  systemActions,
} from '../../../common/contracts/tickets';
import {
  callerView,
  ticketDetail,
  ticketEvents,
  ticketPage,
} from '../../../common/contracts/ticket-responses';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { etagOf, expectedVersionOf } from '../../platform/etag';
import { idParam, requireUser } from '../../platform/http';
import { createTicket } from './create-ticket';
import { getTicket, getTicketEvents, revealCaller } from './get-ticket';
import { listTickets } from './list-tickets';
import { IdempotentReplay, idempotencyKeyOf, requestHashOf } from './idempotency';
import { isActionName } from './perform-action';
import { performActionOnce } from './perform-action-once';
import { presentTicketPage } from './tickets.presenter';

const actionNames = Object.keys(actionPayloads).filter(
  (a) => !(systemActions as readonly string[]).includes(a),
);

export function ticketRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/tickets',
      {
        schema: {
          tags: ['tickets'],
          summary: '登记工单 Create an order (intake)',
          description:
            'disposition: order (default, to dispatch), direct-answer (answered on the spot, needs answer), not-accepted (needs notAcceptedReason). Optional header Idempotency-Key: a retry with the same key and body returns the order created first (header Idempotent-Replayed), never a second order; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED.',
          body: createTicketBody,
          response: { 201: ticketDetail },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const key = idempotencyKeyOf(req.headers['idempotency-key']);
        const idempotency = key
          ? { userId: user.id, key, requestHash: requestHashOf('POST /api/tickets', req.body) }
          : undefined;
        let id: number;
        try {
          id = await createTicket(ctx, user, req.body, { idempotency });
        } catch (e) {
          if (!(e instanceof IdempotentReplay)) throw e;
          id = e.ticketId;
          reply.header('Idempotent-Replayed', 'true');
        }
        const ticket = await getTicket(ctx, user, id);
        return reply.status(201).header('ETag', etagOf(ticket.version)).send(ticket);
      },
    );

    app.get(
      '/api/tickets',
      {
        // A unit system's key acts as a handler of its unit here (open platform).
        config: { apiKeyScopes: ['unit'] },
        schema: {
          tags: ['tickets'],
          summary: '工单列表 List orders visible to the caller',
          description:
            'status, light, type and channel take comma-separated lists. Returns {items, total, totalIsCapped, page, pageSize, nextCursor}: total stops at 10,000 (totalIsCapped); pass nextCursor as cursor for the next page.',
          querystring: listTicketsQuery,
          response: { 200: ticketPage },
        },
      },
      async (req) =>
        presentTicketPage(await listTickets(ctx, requireUser(req), req.query), {
          now: ctx.clock.now(),
          calendar: ctx.rules.calendar,
        }),
    );

    app.get(
      '/api/tickets/:id',
      {
        // A unit system's key acts as a handler of its unit here (open platform).
        config: { apiKeyScopes: ['unit'] },
        schema: {
          tags: ['tickets'],
          summary: '工单详情 An order with deadlines, light, assignments and allowedActions',
          params: idParam,
          response: { 200: ticketDetail },
        },
      },
      async (req, reply) => {
        const ticket = await getTicket(ctx, requireUser(req), req.params.id);
        return reply.header('ETag', etagOf(ticket.version)).send(ticket);
      },
    );

    app.get(
      '/api/tickets/:id/events',
      {
        // A unit system's key acts as a handler of its unit here (open platform).
        config: { apiKeyScopes: ['unit'] },
        schema: {
          tags: ['tickets'],
          summary: '办理记录 The order’s immutable event timeline',
          params: idParam,
          response: { 200: ticketEvents },
        },
      },
      async (req) => getTicketEvents(ctx, requireUser(req), req.params.id),
    );

    app.post(
      '/api/tickets/:id/reveal-caller',
      {
        schema: {
          tags: ['tickets'],
          summary: '查看来电人完整信息 Reveal the unmasked caller, with a reason (logged)',
          params: idParam,
          body: z.object({ reason: z.string().trim().min(2, '请说明查看理由').max(200) }),
          response: { 200: callerView },
        },
      },
      async (req) => revealCaller(ctx, requireUser(req), req.params.id, req.body.reason, req.ip),
    );

    app.post(
      '/api/tickets/:id/actions/:action',
      {
        // A unit system's key acts as a handler of its unit here (open platform).
        config: { apiKeyScopes: ['unit'] },
        schema: {
          tags: ['tickets'],
          summary: '工单操作 Perform one lifecycle action',
          description: `Actions: ${actionNames.join(', ')}. 409 TRANSITION_NOT_ALLOWED when not allowed now; 400 on an invalid payload. Optional headers: If-Match (the ETag of GET: "3", W/"3" or 3) fails with 409 CONFLICT when the order changed meanwhile; Idempotency-Key (8-200 printable ASCII) makes a retried request answer with the first one's result (header Idempotent-Replayed) instead of acting twice.`,
          params: z.object({ id: z.coerce.number().int().positive(), action: z.string().max(40) }),
          body: z.unknown().optional(),
          response: { 200: ticketDetail },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const { id, action } = req.params;
        if (!isActionName(action) || systemActions.includes(action)) {
          throw new AppError('VALIDATION_FAILED', `未知操作 ${action}`, { known: actionNames });
        }
        const expectedVersion = expectedVersionOf(req.headers['if-match']);
        const key = idempotencyKeyOf(req.headers['idempotency-key']);
        const idempotency = key
          ? {
              userId: user.id,
              key,
              requestHash: requestHashOf(`POST /api/tickets/${id}/actions/${action}`, req.body),
            }
          : undefined;
        try {
          await performActionOnce(ctx, user, id, action, req.body, { expectedVersion, idempotency });
        } catch (e) {
          if (!(e instanceof IdempotentReplay)) throw e;
          reply.header('Idempotent-Replayed', 'true');
        }
        const ticket = await getTicket(ctx, user, id);
        return reply.header('ETag', etagOf(ticket.version)).send(ticket);
      },
    );
  };
}
