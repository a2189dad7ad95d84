import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { requireUser } from '../../platform/http';
import { listCategories, listUnits } from './org.repository';

export function orgRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/units', { schema: { tags: ['org'], summary: '单位树 All units (flat, ordered by tree path)' } }, async (req) => {
      requireUser(req);
      return listUnits(ctx.db);
    });
    app.get('/api/categories', { schema: { tags: ['org'], summary: '问题分类 The 3-level category taxonomy' } }, async (req) => {
      requireUser(req);
      return listCategories(ctx.db);
    });
  };
}
