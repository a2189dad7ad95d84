import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listMessagesQuery, messageDto, optOutBody } from '../../../common/contracts/notifications';
import { maskRecipient, normalisePhone } from '../../domain/messages/messages';
import { actedBy, appendAudit } from '../audit/audit';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/http';
import { messageLog } from './message-log';
import { addOptOut, removeOptOut } from './messages.repository';

/** The message log (admin) and opt-outs (admin, agents at the citizen's request). */
export function messageRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/messages',
      {
        schema: {
          tags: ['messages'],
          summary: '短信记录 Text messages, newest first; recipients masked but their last four digits',
          querystring: listMessagesQuery,
          response: { 200: z.object({ items: z.array(messageDto) }) },
        },
      },
      async (req) => {
        requireRole(req, 'admin');
        return { items: await messageLog(ctx, req.query.ticketId ?? null) };
      },
    );

    app.post(
      '/api/messages/opt-outs',
      {
        schema: {
          tags: ['messages'],
          summary: '短信退订 Record that a phone wants no text messages',
          body: optOutBody,
        },
      },
      async (req, reply) => {
        const user = requireRole(req, 'admin', 'agent', 'dispatcher');
        const phone = normalisePhone(req.body.phone);
        await addOptOut(ctx.db, phone, req.body.reason ?? null, user.id, ctx.clock.now());
        await appendAudit(ctx.db, {
          ...actedBy(user, new Date()),
          action: 'sms-opt-out',
          targetType: 'phone',
          targetId: maskRecipient(phone),
        });
        return reply.status(201).send({ phone: maskRecipient(phone) });
      },
    );

    app.delete(
      '/api/messages/opt-outs/:phone',
      {
        schema: {
          tags: ['messages'],
          summary: '恢复短信 Remove an opt-out (administrators)',
          params: z.object({ phone: z.string().max(40) }),
        },
      },
      async (req) => {
        const user = requireRole(req, 'admin');
        const phone = normalisePhone(req.params.phone);
        if (!(await removeOptOut(ctx.db, phone))) throw new AppError('NOT_FOUND', '该号码未退订');
        await appendAudit(ctx.db, {
          ...actedBy(user, new Date()),
          action: 'sms-opt-in',
          targetType: 'phone',
          targetId: maskRecipient(phone),
        });
        return { ok: true };
      },
    );
  };
}
