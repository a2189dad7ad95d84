import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../../../common/enums';
import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { requireUser } from '../../platform/http';
import { actedBy, appendAudit } from '../audit/audit';
import { AppError } from '../../platform/errors';
import {
  findUnitSummary,
  findUserByUsername,
  listSignInHistory,
  revokeOtherSessions,
  revokeSession,
  setPassword,
} from './auth.repository';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-policy';
import { login, SignInRefused } from './login';

const userDto = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  unitId: z.number(),
  mustChangePassword: z.boolean().optional(),
});

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        // A first, per-instance brake: 10 requests a minute per address and user name. The policy
        // itself (lockout per name, failures per address) is kept in the database by `login`.
        config: {
          rateLimit: {
            max: 10,
            timeWindow: '1 minute',
            keyGenerator: (req: { ip: string; body?: unknown }) => {
              const username = (req.body as { username?: unknown } | undefined)?.username;
              return `${req.ip}|${typeof username === 'string' ? username : ''}`;
            },
          },
        },
        schema: {
          tags: ['auth'],
          summary: '登录 Sign in',
          body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
          response: { 200: z.object({ token: z.string(), expiresAt: z.date(), user: userDto }) },
        },
      },
      async (req, reply) => {
        try {
          return await login(ctx, req.body, req.ip);
        } catch (e) {
          if (e instanceof SignInRefused) void reply.header('Retry-After', String(e.retryAfterSeconds));
          throw e;
        }
      },
    );

    app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (req) => {
      const user = requireUser(req);
      const now = systemClock.now();
      await revokeSession(ctx.db, user.sessionId, now);
      await appendAudit(ctx.db, {
        ...actedBy(user, now),
        action: 'logout',
        ip: req.ip,
      });
      return { ok: true };
    });

    app.get(
      '/api/auth/history',
      { schema: { tags: ['auth'], summary: '登录记录 The signed-in user’s recent sign-ins and failures' } },
      async (req) => {
        const user = requireUser(req);
        return listSignInHistory(ctx.db, user.username, 50);
      },
    );

    app.post(
      '/api/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: '修改密码 Change the signed-in user’s password (ends their other sessions)',
          body: z.object({
            currentPassword: z.string().min(1).max(200),
            newPassword: z.string().min(1).max(200),
          }),
        },
      },
      async (req) => {
        const user = requireUser(req);
        const row = await findUserByUsername(ctx.db, user.username);
        if (!row || !(await verifyPassword(req.body.currentPassword, row.password_hash))) {
          throw new AppError('INVALID_CREDENTIALS', '当前密码不正确');
        }
        const problem = passwordProblem(req.body.newPassword, user.username);
        if (problem) {
          throw new AppError('VALIDATION_FAILED', problem, [{ path: '/newPassword', message: problem }]);
        }
        if (req.body.newPassword === req.body.currentPassword) {
          throw new AppError('VALIDATION_FAILED', '新密码不能与当前密码相同');
        }
        await setPassword(ctx.db, user.id, await hashPassword(req.body.newPassword));
        const now = systemClock.now();
        await revokeOtherSessions(ctx.db, user.id, user.sessionId, now);
        await appendAudit(ctx.db, {
          ...actedBy(user, now),
          action: 'password-changed',
          ip: req.ip,
        });
        return { ok: true };
      },
    );

    app.get(
      '/api/me',
      {
        schema: {
          tags: ['auth'],
          summary: '当前用户',
          response: {
            200: userDto.extend({ unitName: z.string(), unitKind: z.string(), unitIsPlatform: z.boolean() }),
          },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const unit = await findUnitSummary(ctx.db, user.unitId);
        return {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          unitId: user.unitId,
          unitName: unit.name,
          unitKind: unit.kind,
          unitIsPlatform: unit.is_platform,
          mustChangePassword: user.mustChangePassword ?? false,
        };
      },
    );
  };
}
