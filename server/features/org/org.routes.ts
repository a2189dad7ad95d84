import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { requireUser } from '../../platform/http';
import { categoryRoutes } from '../categories/categories.routes';
import { listUnits } from './org.repository';

export function orgRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/units',
      { schema: { tags: ['org'], summary: '单位树 All units (flat, ordered by tree path)' } },
      async (req) => {
        requireUser(req);
        return listUnits(ctx.db);
      },
    );
    // 问题分类: the pickers' list and the administration of the tree (categories feature).
    await app.register(categoryRoutes(ctx));
  };
}
