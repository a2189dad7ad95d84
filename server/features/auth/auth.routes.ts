import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../../../common/enums';
import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { requireUser } from '../../platform/http';
import { revokeSession } from './auth.repository';
import { login } from './login';

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
        schema: {
          tags: ['auth'],
          summary: '登录 Sign in',
          body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
          response: { 200: z.object({ token: z.string(), expiresAt: z.date(), user: userDto }) },
        },
      },
      async (req) => login(ctx, req.body),
    );

    app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (req) => {
      const user = requireUser(req);
      await revokeSession(ctx.db, user.sessionId, systemClock.now());
      return { ok: true };
    });

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
        const unit = await ctx.db
          .selectFrom('org_unit')
          .select(['name', 'kind', 'is_platform'])
          .where('id', '=', user.unitId)
          .executeTakeFirstOrThrow();
        return {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          unitId: user.unitId,
          unitName: unit.name,
          unitKind: unit.kind,
          unitIsPlatform: unit.is_platform,
        };
      },
    );
  };
}
