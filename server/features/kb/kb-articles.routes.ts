import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { errorResponses, idParam, requireUser } from '../../platform/http';
import { loadVisibleArticle } from './article-access';
import { changeArticleStatus, type StatusAction } from './change-article-status';
import { createArticle } from './create-article';
import { listVersions, findVersion } from './kb-article.repository';
import { listArticlesFor } from './list-articles';
import { toDetail, versionOf } from './kb.presenter';
import {
  articleDetail,
  articleInput,
  articleListQuery,
  articlePatch,
  articleSummary,
  confirmReviewBody,
  noteBody,
  page,
  reasonBody,
  useBody,
  versionDetail,
  versionDto,
} from './kb.schemas';
import { todayOf } from './kb-time';
import { recordArticleUsage } from './record-article-usage';
import { updateArticle } from './update-article';
import { articleActor } from '../../domain/kb/lifecycle';

const tags = ['knowledge base'];
const errors = errorResponses(400, 401, 403, 404, 409, 422);

/** Article management: CRUD with paging, lifecycle actions, version history, usage. */
export function kbArticleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const detail = async (userReq: Parameters<typeof requireUser>[0], id: number) => {
      const user = requireUser(userReq);
      const { article, actor } = await loadVisibleArticle(ctx, user, id);
      return toDetail(article, todayOf(ctx.clock.now()), actor);
    };

    app.get(
      '/api/kb/articles',
      {
        schema: {
          tags,
          summary: '知识条目列表（分页）',
          querystring: articleListQuery,
          response: { 200: page(articleSummary), ...errors },
        },
      },
      async (req) => listArticlesFor(ctx, requireUser(req), req.query),
    );

    app.post(
      '/api/kb/articles',
      {
        schema: {
          tags,
          summary: '起草知识条目',
          body: articleInput,
          response: { 201: articleDetail, ...errors },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const article = await createArticle(ctx, user, req.body);
        reply.status(201);
        return toDetail(article, todayOf(ctx.clock.now()), articleActor(user, article.owner_unit_id));
      },
    );

    app.get(
      '/api/kb/articles/:id',
      {
        schema: {
          tags,
          summary: '知识条目详情',
          params: idParam,
          response: { 200: articleDetail, ...errors },
        },
      },
      async (req) => detail(req, req.params.id),
    );

    app.patch(
      '/api/kb/articles/:id',
      {
        schema: {
          tags,
          summary: '修改知识条目（生成新版本）',
          params: idParam,
          body: articlePatch,
          response: { 200: articleDetail, ...errors },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const article = await updateArticle(ctx, user, req.params.id, req.body);
        return toDetail(article, todayOf(ctx.clock.now()), articleActor(user, article.owner_unit_id));
      },
    );

    const action = (path: string, act: StatusAction, summary: string, body: z.ZodType) => {
      app.post(
        `/api/kb/articles/:id/${path}`,
        { schema: { tags, summary, params: idParam, body, response: { 200: articleDetail, ...errors } } },
        async (req) => {
          const user = requireUser(req);
          const input = (req.body ?? {}) as { reason?: string; note?: string; reviewBy?: string };
          const article = await changeArticleStatus(ctx, user, req.params.id, act, input);
          return toDetail(article, todayOf(ctx.clock.now()), articleActor(user, article.owner_unit_id));
        },
      );
    };
    action('submit', 'submit', '提交审核', noteBody.nullish());
    action('approve', 'approve', '审核通过并发布（知识库维护员/管理员）', noteBody.nullish());
    action('reject', 'reject', '退回修改（须填写原因）', reasonBody);
    action('withdraw', 'withdraw', '撤回（须填写原因）', reasonBody);
    action('reopen', 'reopen', '重新打开为草稿', noteBody.nullish());
    action('expire', 'expire', '设为过期', noteBody.nullish());
    action('confirm-review', 'confirm-review', '确认复核，顺延复核日期', confirmReviewBody.nullish());

    app.get(
      '/api/kb/articles/:id/versions',
      {
        schema: {
          tags,
          summary: '版本历史',
          params: idParam,
          response: { 200: page(versionDto), ...errors },
        },
      },
      async (req) => {
        const user = requireUser(req);
        await loadVisibleArticle(ctx, user, req.params.id);
        const rows = await listVersions(ctx.db, req.params.id);
        return {
          items: rows.map(versionOf),
          total: rows.length,
        };
      },
    );

    app.get(
      '/api/kb/articles/:id/versions/:version',
      {
        schema: {
          tags,
          summary: '某一版本的完整内容',
          params: idParam.extend({ version: z.coerce.number().int().positive() }),
          response: { 200: versionDetail, ...errors },
        },
      },
      async (req) => {
        const user = requireUser(req);
        await loadVisibleArticle(ctx, user, req.params.id);
        const v = await findVersion(ctx.db, req.params.id, req.params.version);
        if (!v) throw new AppError('NOT_FOUND', '版本不存在');
        return { ...versionOf(v), snapshot: v.snapshot };
      },
    );

    app.post(
      '/api/kb/articles/:id/use',
      {
        schema: {
          tags,
          summary: '记录一次引用（受理时采用该知识）',
          params: idParam,
          body: useBody.nullish(),
          response: { 200: z.object({ id: z.number(), usageCount: z.number() }), ...errors },
        },
      },
      async (req) => recordArticleUsage(ctx, requireUser(req), req.params.id, req.body?.ticketId),
    );
  };
}
