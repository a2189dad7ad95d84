import { createHash, randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  dutyBody,
  dutyDayParams,
  dutyQuery,
  listNotificationsQuery,
  notificationList,
  streamQuery,
  streamTicketDto,
  type NotificationKind,
} from '../../../common/contracts/notifications';
import { appendAudit } from '../audit/audit';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { idParam, requireRole, requireUser } from '../../platform/http';
import { NotificationHub } from './live-hub';
import {
  ackPage,
  countUnread,
  insertStreamTicket,
  listDuty,
  listNotifications,
  listPages,
  markAllRead,
  markRead,
  setDuty,
  takeStreamTicket,
  userById,
} from './notifications.repository';

/** A stream ticket is good for one use within this time. */
const STREAM_TICKET_MS = 60_000;

const hashOf = (s: string) => createHash('sha256').update(s).digest('hex');

/** Notifications (通知) with their live stream, emergency pages and the duty roster (值班). */
export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const hub = new NotificationHub(ctx);
    app.addHook('preClose', async () => hub.close());

    app.get(
      '/api/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: '我的通知 My notifications, newest first, with the unread count',
          querystring: listNotificationsQuery,
          response: { 200: notificationList },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const rows = await listNotifications(ctx.db, user.id, req.query.limit, req.query.before ?? null);
        return {
          items: rows.map((r) => ({
            id: r.id,
            kind: r.kind as NotificationKind,
            ticketId: r.ticket_id,
            title: r.title,
            createdAt: r.created_at.toISOString(),
            readAt: r.read_at ? r.read_at.toISOString() : null,
          })),
          unread: await countUnread(ctx.db, user.id),
        };
      },
    );

    app.post(
      '/api/notifications/:id/read',
      {
        schema: {
          tags: ['notifications'],
          summary: '标记已读 Mark one of my notifications read',
          params: idParam,
        },
      },
      async (req) => {
        const user = requireUser(req);
        if (!(await markRead(ctx.db, user.id, req.params.id, ctx.clock.now()))) {
          throw new AppError('NOT_FOUND', '通知不存在');
        }
        void hub.check();
        return { unread: await countUnread(ctx.db, user.id) };
      },
    );

    app.post(
      '/api/notifications/read-all',
      { schema: { tags: ['notifications'], summary: '全部已读 Mark all my notifications read' } },
      async (req) => {
        const user = requireUser(req);
        const marked = await markAllRead(ctx.db, user.id, ctx.clock.now());
        void hub.check();
        return { marked, unread: 0 };
      },
    );

    app.post(
      '/api/notifications/stream-ticket',
      {
        schema: {
          tags: ['notifications'],
          summary: '实时通知凭证 A one-time ticket (one minute) that opens my notification stream',
          response: { 200: streamTicketDto },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const ticket = randomBytes(24).toString('base64url');
        // Real time, as sessions are (rule 7): the test clock does not age a ticket.
        const expiresAt = new Date(Date.now() + STREAM_TICKET_MS);
        await insertStreamTicket(ctx.db, hashOf(ticket), user.id, expiresAt);
        return { ticket, expiresAt: expiresAt.toISOString() };
      },
    );

    app.get(
      '/api/notifications/stream',
      {
        schema: {
          tags: ['notifications'],
          summary: '实时通知 Server-sent events: `notifications` {unread, last} whenever they change',
          querystring: streamQuery,
        },
      },
      async (req, reply) => {
        const userId = req.query.ticket
          ? await takeStreamTicket(ctx.db, hashOf(req.query.ticket), new Date())
          : null;
        if (userId === null) throw new AppError('UNAUTHENTICATED', '实时通知凭证无效或已过期');
        const user = await userById(ctx.db, userId);
        if (!user?.active) throw new AppError('UNAUTHENTICATED', '实时通知凭证无效或已过期');
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        res.write('retry: 5000\n\n');
        let closed = false;
        const remove = hub.add(userId, {
          send: (event, data) => {
            if (!closed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
          },
          comment: (text) => {
            if (!closed) res.write(`: ${text}\n\n`);
          },
          end: () => {
            if (!closed) res.end();
          },
        });
        res.on('close', () => {
          closed = true;
          remove();
        });
      },
    );

    app.get(
      '/api/pages',
      { schema: { tags: ['notifications'], summary: '我的紧急呼叫 My emergency pages' } },
      async (req) => {
        const user = requireUser(req);
        const rows = await listPages(ctx.db, user.id);
        return {
          items: rows.map((r) => ({
            id: r.id,
            ticketId: r.ticket_id,
            ticketNo: r.ticket_no,
            level: r.level,
            createdAt: r.created_at.toISOString(),
            escalateAt: r.escalate_at.toISOString(),
            ackedAt: r.acked_at ? r.acked_at.toISOString() : null,
          })),
        };
      },
    );

    app.post(
      '/api/pages/:id/ack',
      {
        schema: { tags: ['notifications'], summary: '确认收到紧急呼叫 Acknowledge my page', params: idParam },
      },
      async (req) => {
        const user = requireUser(req);
        if (!(await ackPage(ctx.db, req.params.id, user.id, ctx.clock.now()))) {
          throw new AppError('NOT_FOUND', '紧急呼叫不存在');
        }
        return { ok: true };
      },
    );

    app.get(
      '/api/admin/duty-roster',
      {
        schema: {
          tags: ['notifications'],
          summary: '值班表 The duty leaders of a period',
          querystring: dutyQuery,
        },
      },
      async (req) => {
        requireRole(req, 'admin', 'leader');
        const rows = await listDuty(ctx.db, req.query.from, req.query.to);
        return { items: rows.map((r) => ({ day: r.day, userId: r.user_id, displayName: r.display_name })) };
      },
    );

    app.put(
      '/api/admin/duty-roster/:day',
      {
        schema: {
          tags: ['notifications'],
          summary: '设置值班领导 Set the duty leader of a day (holidays included)',
          params: dutyDayParams,
          body: dutyBody,
        },
      },
      async (req) => {
        const admin = requireRole(req, 'admin');
        const u = await userById(ctx.db, req.body.userId);
        if (!u?.active) {
          throw new AppError('VALIDATION_FAILED', '值班人员不存在或已停用', [
            { path: '/userId', message: 'unknown' },
          ]);
        }
        await setDuty(ctx.db, req.params.day, u.id, admin.id, ctx.clock.now());
        await appendAudit(ctx.db, {
          at: new Date(),
          actorUserId: admin.id,
          actorUsername: admin.username,
          action: 'set-duty-leader',
          targetType: 'duty_roster',
          targetId: req.params.day,
          details: { userId: u.id },
        });
        return { day: req.params.day, userId: u.id, displayName: u.display_name };
      },
    );
  };
}
