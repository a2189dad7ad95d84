import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { requireRole, requireUser } from '../../platform/http';
import {
  adminTree,
  changeCategory,
  createCategory,
  createCategoryBody,
  enabledCategories,
  mappingBody,
  mappingsView,
  setMapping,
  updateCategoryBody,
} from './categories.service';

const codeParam = z.object({ code: z.string().regex(/^\d{2,12}$/) });

/** 问题分类: the pickers' list for every signed-in user; the tree and key mapping for administrators. */
export function categoryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['categories'];
    app.get('/api/categories', { schema: { tags, summary: '问题分类（仅启用的，供选择）' } }, async (req) => {
      requireUser(req);
      return enabledCategories(ctx.db);
    });
    app.get(
      '/api/admin/categories',
      { schema: { tags, summary: '问题分类树（含停用的）与版本' } },
      async (req) => {
        requireRole(req, 'admin');
        return adminTree(ctx);
      },
    );
    app.post(
      '/api/admin/categories',
      { schema: { tags, summary: '新增问题分类', body: createCategoryBody } },
      async (req, reply) => {
        const result = await createCategory(ctx, requireRole(req, 'admin'), req.body);
        return reply.status(201).send(result);
      },
    );
    app.patch(
      '/api/admin/categories/:code',
      {
        schema: {
          tags,
          summary: '修改问题分类（改名、移动、停用或启用；代码不变，不可删除）',
          params: codeParam,
          body: updateCategoryBody,
        },
      },
      async (req) => changeCategory(ctx, requireRole(req, 'admin'), req.params.code, req.body),
    );
    app.get(
      '/api/admin/category-mappings',
      { schema: { tags, summary: '政策分类键与本地分类代码的对应' } },
      async (req) => {
        requireRole(req, 'admin');
        return mappingsView(ctx);
      },
    );
    app.put(
      '/api/admin/category-mappings',
      { schema: { tags, summary: '设置一个政策分类键对应的分类代码', body: mappingBody } },
      async (req) => setMapping(ctx, requireRole(req, 'admin'), req.body),
    );
  };
}
