import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { errorBody, idParam, requireUser } from '../../platform/http';
import { findSimilarCases } from './find-similar-cases';
import { findArticle } from './kb-article.repository';
import { effectiveStatus, toDetail } from './kb.presenter';
import {
  articleDetail,
  searchHit,
  searchQuery,
  searchResult,
  similarCase,
  similarCasesQuery,
  suggestQuery,
} from './kb.schemas';
import { todayOf } from './kb-time';
import { searchArticles, type SearchHit } from './search-articles';

const tags = ['knowledge base'];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** Drops the internal field the CLI needs but the HTTP contract does not carry. */
function dto({ externalIdNumeric: _n, ...hit }: SearchHit): z.infer<typeof searchHit> {
  return hit;
}

/**
 * Search for the intake desk (signed in), intake suggestions, similar past orders, and the
 * public self-service search (no login, published articles only — the same search).
 */
export function kbSearchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const search = async (q: z.infer<typeof searchQuery>) => {
      const r = await searchArticles(ctx.db, {
        q: q.q,
        now: ctx.clock.now(),
        categoryCode: q.categoryCode,
        unitId: q.unitId,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
        snippets: true,
      });
      return {
        items: r.items.map(dto),
        total: r.total,
        hasMore: r.hasMore,
        page: q.page,
        pageSize: q.pageSize,
        terms: r.terms,
      };
    };

    app.get(
      '/api/kb/search',
      {
        schema: {
          tags,
          summary: '知识检索（中文分词、同义词、按标题/关键词/时效排序）',
          querystring: searchQuery,
          response: { 200: searchResult, ...errors },
        },
      },
      async (req) => {
        requireUser(req);
        return search(req.query);
      },
    );

    app.get(
      '/api/kb/suggest',
      {
        schema: {
          tags,
          summary: '受理台知识推荐（前 5 条）',
          querystring: suggestQuery,
          response: { 200: z.object({ items: z.array(searchHit), terms: z.array(z.string()) }), ...errors },
        },
      },
      async (req) => {
        requireUser(req);
        const r = await searchArticles(ctx.db, {
          q: req.query.q,
          now: ctx.clock.now(),
          limit: 5,
          snippets: true,
          snippetLength: 60,
          plan: { maxConcepts: 12 },
        });
        return { items: r.items.map(dto), terms: r.terms };
      },
    );

    app.get(
      '/api/kb/similar-cases',
      {
        schema: {
          tags,
          summary: '类似历史工单（已办结）',
          querystring: similarCasesQuery,
          response: { 200: z.object({ items: z.array(similarCase), total: z.number() }), ...errors },
        },
      },
      async (req) => findSimilarCases(ctx, requireUser(req), req.query),
    );

    app.get(
      '/api/public/kb/search',
      {
        schema: {
          tags: ['public'],
          summary: '公众自助查询（无需登录，仅已发布条目）',
          security: [],
          querystring: searchQuery,
          response: { 200: searchResult, 400: errorBody },
        },
      },
      async (req) => search(req.query),
    );

    app.get(
      '/api/public/kb/articles/:id',
      {
        schema: {
          tags: ['public'],
          summary: '公众查看已发布条目',
          security: [],
          params: idParam,
          response: { 200: articleDetail, 404: errorBody },
        },
      },
      async (req) => {
        const today = todayOf(ctx.clock.now());
        const a = await findArticle(ctx.db, req.params.id);
        if (!a || effectiveStatus(a, today) !== 'published' || (a.valid_from && a.valid_from > today)) {
          throw new AppError('NOT_FOUND', '知识条目不存在');
        }
        return toDetail(a, today, 'viewer');
      },
    );
  };
}
