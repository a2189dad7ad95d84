import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';

export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['health'],
          summary: '健康检查',
          security: [],
          response: { 200: z.object({ status: z.literal('ok'), database: z.string(), warnings: z.array(z.string()) }) },
        },
      },
      async () => ({ status: 'ok' as const, database: ctx.dbKind, warnings: [] }),
    );
  };
}
