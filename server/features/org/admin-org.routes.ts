import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { listAudit } from '../audit/list-audit';
import { idParam, requireRole } from '../../platform/http';
import {
  createUnit,
  createUnitBody,
  createUser,
  createUserBody,
  listUsers,
  resetPassword,
  updateUnit,
  updateUnitBody,
  updateUser,
  updateUserBody,
} from './admin-org';

export function adminOrgRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['admin'];
    app.get('/api/admin/users', { schema: { tags, summary: '用户列表' } }, async (req) => {
      requireRole(req, 'admin');
      return listUsers(ctx);
    });
    app.post(
      '/api/admin/users',
      { schema: { tags, summary: '新建用户（首次登录须改密）', body: createUserBody } },
      async (req, reply) => {
        const admin = requireRole(req, 'admin');
        const id = await createUser(ctx, admin, req.body);
        return reply.status(201).send({ id });
      },
    );
    app.patch(
      '/api/admin/users/:id',
      { schema: { tags, summary: '修改用户（角色、单位、停用）', params: idParam, body: updateUserBody } },
      async (req) => {
        await updateUser(ctx, requireRole(req, 'admin'), req.params.id, req.body);
        return { ok: true };
      },
    );
    app.post(
      '/api/admin/users/:id/reset-password',
      {
        schema: {
          tags,
          summary: '重置密码（临时密码，下次登录须修改）',
          params: idParam,
          body: z.object({ temporaryPassword: z.string().min(1).max(200) }),
        },
      },
      async (req) => {
        await resetPassword(ctx, requireRole(req, 'admin'), req.params.id, req.body.temporaryPassword);
        return { ok: true };
      },
    );
    app.post(
      '/api/admin/units',
      { schema: { tags, summary: '新建单位', body: createUnitBody } },
      async (req, reply) => {
        const id = await createUnit(ctx, requireRole(req, 'admin'), req.body);
        return reply.status(201).send({ id });
      },
    );
    app.patch(
      '/api/admin/units/:id',
      {
        schema: {
          tags,
          summary: '修改单位（名称、职责分类、电话、停用）',
          params: idParam,
          body: updateUnitBody,
        },
      },
      async (req) => {
        await updateUnit(ctx, requireRole(req, 'admin'), req.params.id, req.body);
        return { ok: true };
      },
    );
    app.get(
      '/api/admin/audit',
      {
        schema: {
          tags,
          summary: '审计日志 (newest first)',
          querystring: z.object({
            action: z.string().max(40).optional(),
            targetType: z.string().max(20).optional(),
            targetId: z.string().max(40).optional(),
            ticketNo: z.string().trim().max(40).optional(),
            actor: z.string().trim().max(64).optional(),
            page: z.coerce.number().int().min(1).max(100000).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(50),
          }),
        },
      },
      async (req) => {
        requireRole(req, 'admin', 'supervisor');
        const { page, pageSize, ...q } = req.query;
        return listAudit(ctx.db, q, page, pageSize);
      },
    );
  };
}
