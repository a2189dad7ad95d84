import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { roleLabels } from '../../../common/enums';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { DEMO_PASSWORD, demoUnits, demoUsers } from './demo-city';

/**
 * The demo accounts, for the sign-in page of a demo installation (CIVICLINE_DEMO=1): every one of
 * them, with the role's one name. Outside demo mode the route does not exist (404).
 */
export function demoRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/public/demo-accounts',
      { schema: { tags: ['public'], summary: '演示账号（仅演示环境）', security: [] } },
      async () => {
        if (!ctx.env.CIVICLINE_DEMO) throw new AppError('NOT_FOUND', '请求的资源不存在');
        const unitName = new Map(demoUnits.map((u) => [u.code, u.name]));
        return {
          password: DEMO_PASSWORD,
          items: demoUsers.map((u) => ({
            username: u.username,
            role: u.role,
            roleLabel: roleLabels[u.role],
            displayName: u.displayName,
            unitName: unitName.get(u.unit) ?? u.unit,
          })),
        };
      },
    );
  };
}
