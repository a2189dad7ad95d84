import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  answerReviewBody,
  applyServiceNumberBody,
  decideApplicationBody,
  listApplicationsQuery,
  listReviewsQuery,
  openReviewBody,
  rejectApplicationBody,
} from '../../../common/contracts/service-numbers';
import type { AppContext } from '../../platform/context';
import { idParam, requireUser } from '../../platform/http';
import { applyForNumber } from './apply-for-number';
import { approveApplication, rejectApplication } from './decide-application';
import {
  getApplication,
  getNumber,
  listApplicationsFor,
  listPublicNumbers,
  listRegistry,
} from './list-registry';
import { answerReview, listReviewsFor, openReview } from './number-reviews';

/** The registry of public service and emergency-repair numbers (beijing-miyun §9-§12). */
export function serviceNumberRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/public/service-numbers',
      {
        schema: {
          tags: ['service-numbers'],
          summary: '公布的便民服务和应急抢险电话 Numbers in force today (no sign-in)',
          security: [],
        },
      },
      async () => listPublicNumbers(ctx),
    );

    app.post(
      '/api/service-numbers/applications',
      {
        schema: {
          tags: ['service-numbers'],
          summary: '号码开通、变更、撤销申请 Apply to open, change or close a number',
          description:
            'By the unit’s leader or the center. The effective date must be at least 45 natural days after the day of the application (beijing-miyun §11), else 422 NOTICE_TOO_SHORT.',
          body: applyServiceNumberBody,
        },
      },
      async (req, reply) => {
        const id = await applyForNumber(ctx, requireUser(req), req.body);
        return reply.status(201).send({ id, status: 'pending' as const });
      },
    );

    app.get(
      '/api/service-numbers/applications',
      {
        schema: {
          tags: ['service-numbers'],
          summary: '号码申请 Applications (the center’s review queue, or the unit’s own)',
          querystring: listApplicationsQuery,
        },
      },
      async (req) => listApplicationsFor(ctx, requireUser(req), req.query),
    );

    app.get(
      '/api/service-numbers/applications/:id',
      { schema: { tags: ['service-numbers'], summary: '号码申请详情 One application', params: idParam } },
      async (req) => getApplication(ctx, requireUser(req), req.params.id),
    );

    app.post(
      '/api/service-numbers/applications/:id/approve',
      {
        schema: {
          tags: ['service-numbers'],
          summary: '审核通过 The center approves (never the applying unit)',
          params: idParam,
          body: decideApplicationBody,
        },
      },
      async (req) => {
        const user = requireUser(req);
        await approveApplication(ctx, user, req.params.id, req.body.note ?? null);
        return getApplication(ctx, user, req.params.id);
      },
    );

    app.post(
      '/api/service-numbers/applications/:id/reject',
      {
        schema: {
          tags: ['service-numbers'],
          summary: '退回申请 The center rejects, with the reason',
          params: idParam,
          body: rejectApplicationBody,
        },
      },
      async (req) => {
        const user = requireUser(req);
        await rejectApplication(ctx, user, req.params.id, req.body.note);
        return getApplication(ctx, user, req.params.id);
      },
    );

    app.get(
      '/api/service-numbers',
      {
        schema: {
          tags: ['service-numbers'],
          summary: '号码登记簿 The registry: numbers with history and complaint counts',
        },
      },
      async (req) => listRegistry(ctx, requireUser(req)),
    );

    app.get(
      '/api/service-numbers/reviews',
      {
        schema: {
          tags: ['service-numbers'],
          summary: '半年审核任务 Semi-annual review tasks with each unit’s changes',
          querystring: listReviewsQuery,
        },
      },
      async (req) => listReviewsFor(ctx, requireUser(req), req.query.period),
    );

    app.post(
      '/api/service-numbers/reviews',
      {
        schema: {
          tags: ['service-numbers'],
          summary: '发起半年审核 Open the review of a half year: one task per unit owning a number',
          body: openReviewBody,
        },
      },
      async (req, reply) => reply.status(201).send(await openReview(ctx, requireUser(req), req.body)),
    );

    app.post(
      '/api/service-numbers/reviews/:id/answer',
      {
        schema: {
          tags: ['service-numbers'],
          summary: '答复审核 The unit reports what changed (once)',
          params: idParam,
          body: answerReviewBody,
        },
      },
      async (req) => answerReview(ctx, requireUser(req), req.params.id, req.body.report),
    );

    app.get(
      '/api/service-numbers/:id',
      {
        schema: {
          tags: ['service-numbers'],
          summary: '号码详情 One number with its history',
          params: idParam,
        },
      },
      async (req) => getNumber(ctx, requireUser(req), req.params.id),
    );
  };
}
