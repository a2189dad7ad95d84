import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isKbManager } from '../../domain/kb/lifecycle';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { errorBody, errorResponses, idParam, requireUser } from '../../platform/http';
import {
  acceptContribution,
  contributionInput,
  listContributionsFor,
  rejectContribution,
  submitContribution,
} from './contributions';
import { expireDueArticles } from './expire-due-articles';
import { overdueReport } from './overdue-report';
import { createNotice, linkNoticeArticle, noticeInput, noticesFor } from './policy-notices';
import { reasonBody } from './kb.schemas';

const tags = ['knowledge base'];
const errors = errorResponses(400, 401, 403, 404, 409, 429);

const contributionStatus = z.enum(['pending', 'accepted', 'rejected']);
const contributionDto = z.object({
  id: z.number(),
  title: z.string(),
  question: z.string().nullable(),
  answer: z.string(),
  contributorType: z.string(),
  contributorName: z.string().nullable(),
  organisation: z.string().nullable(),
  contact: z.string().nullable(),
  categoryCode: z.string().nullable(),
  status: z.string(),
  createdAt: z.date(),
  reviewedAt: z.date().nullable(),
  reviewerName: z.string().nullable(),
  reviewNote: z.string().nullable(),
  articleId: z.number().nullable(),
});
const reviewResult = z.object({
  id: z.number(),
  status: contributionStatus,
  articleId: z.number().nullable(),
});

const noticeDto = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  title: z.string(),
  documentNo: z.string().nullable(),
  announcedOn: z.string(),
  dueOn: z.string(),
  articleId: z.number().nullable(),
  articleTitle: z.string().nullable(),
  articleStatus: z.string().nullable(),
  answeredOn: z.string().nullable(),
  state: z.enum(['answered', 'answered-late', 'pending', 'overdue']),
  note: z.string().nullable(),
});

/** Public contributions and their review, policy notices, the timeliness report, the expiry sweep. */
export function kbReviewRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/public/kb/contributions',
      {
        schema: {
          tags: ['public'],
          summary: '公众/社会组织贡献答案（无需登录，限频）',
          security: [],
          body: contributionInput,
          response: {
            201: z.object({ id: z.number(), status: z.literal('pending') }),
            400: errorBody,
            429: errorBody,
          },
        },
      },
      async (req, reply) => {
        const r = await submitContribution(ctx, req.body, req.ip);
        reply.status(201);
        return r;
      },
    );

    app.get(
      '/api/kb/contributions',
      {
        schema: {
          tags,
          summary: '公众贡献列表（审核）',
          querystring: z.object({
            status: contributionStatus.optional(),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(100).default(20),
          }),
          response: { 200: z.object({ items: z.array(contributionDto), total: z.number() }), ...errors },
        },
      },
      async (req) => listContributionsFor(ctx, requireUser(req), req.query),
    );

    app.post(
      '/api/kb/contributions/:id/accept',
      {
        schema: {
          tags,
          summary: '采纳：生成知识条目草稿',
          params: idParam,
          body: z
            .object({
              title: z.string().trim().min(1).max(200).optional(),
              body: z.string().max(200_000).optional(),
              categoryCode: z.string().max(20).nullable().optional(),
              ownerUnitId: z.number().int().positive().nullable().optional(),
              note: z.string().max(1000).optional(),
            })
            .nullish(),
          response: { 200: reviewResult, ...errors },
        },
      },
      async (req) => acceptContribution(ctx, requireUser(req), req.params.id, req.body ?? {}),
    );

    app.post(
      '/api/kb/contributions/:id/reject',
      {
        schema: {
          tags,
          summary: '不予采纳（须填写原因）',
          params: idParam,
          body: reasonBody,
          response: { 200: reviewResult, ...errors },
        },
      },
      async (req) => rejectContribution(ctx, requireUser(req), req.params.id, req.body.reason),
    );

    app.get(
      '/api/kb/policy-notices',
      {
        schema: {
          tags,
          summary: '政策发布登记（5 个工作日内上传答复）',
          querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
          response: { 200: z.object({ items: z.array(noticeDto), total: z.number() }), ...errors },
        },
      },
      async (req) => {
        const items = await noticesFor(ctx, requireUser(req), req.query);
        return { items, total: items.length };
      },
    );

    app.post(
      '/api/kb/policy-notices',
      {
        schema: {
          tags,
          summary: '登记新发布的政策',
          body: noticeInput,
          response: { 201: noticeDto, ...errors },
        },
      },
      async (req, reply) => {
        const n = await createNotice(ctx, requireUser(req), req.body);
        if (!n) throw new AppError('INTERNAL', '登记失败');
        reply.status(201);
        return n;
      },
    );

    app.patch(
      '/api/kb/policy-notices/:id',
      {
        schema: {
          tags,
          summary: '关联答复该政策的知识条目',
          params: idParam,
          body: z.object({ articleId: z.number().int().positive().nullable() }),
          response: { 200: noticeDto, ...errors },
        },
      },
      async (req) => {
        const n = await linkNoticeArticle(ctx, requireUser(req), req.params.id, req.body.articleId);
        if (!n) throw new AppError('NOT_FOUND', '政策登记不存在');
        return n;
      },
    );

    app.get(
      '/api/kb/reports/overdue',
      {
        schema: {
          tags,
          summary: '各单位知识更新超期情况',
          querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }),
          response: {
            200: z.object({
              asOf: z.string(),
              units: z.array(
                z.object({
                  unitId: z.number().nullable(),
                  unitName: z.string(),
                  publishedArticles: z.number(),
                  reviewOverdueCount: z.number(),
                  noticesOverdueCount: z.number(),
                  noticesAnsweredLateCount: z.number(),
                  reviewOverdue: z.array(
                    z.object({
                      id: z.number(),
                      title: z.string(),
                      reviewBy: z.string(),
                      daysOverdue: z.number(),
                    }),
                  ),
                  noticesOverdue: z.array(noticeDto),
                  noticesAnsweredLate: z.array(noticeDto),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (req) => overdueReport(ctx, requireUser(req), req.query),
    );

    app.post(
      '/api/kb/expire-due',
      {
        schema: {
          tags,
          summary: '将超过有效期的已发布条目标记为过期',
          response: { 200: z.object({ expired: z.number() }), ...errors },
        },
      },
      async (req) => {
        const user = requireUser(req);
        if (!isKbManager(user.role)) throw new AppError('FORBIDDEN', '只有知识库维护员可以执行');
        return { expired: await expireDueArticles(ctx) };
      },
    );
  };
}
