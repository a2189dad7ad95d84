import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  challengeDto,
  citizenRatingDto,
  publicRatingBody,
  publicRatingResult,
  publicRequestBody,
  publicRequestCreated,
  publicRequestStatus,
  publicTrackQuery,
} from '../../../common/contracts/portal';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { errorBody, errorResponses, idParam, requireUser } from '../../platform/http';
import { countAttachments } from '../attachments/attachments.repository';
import { maxAttachmentBytes, storeAttachment } from '../attachments/attachments';
import { readUpload } from '../attachments/read-upload';
import { loadVisibleOrder } from '../tickets/get-ticket';
import { loadActor } from '../tickets/standing';
import { newChallenge } from './challenge';
import { findCitizenRating } from './portal.repository';
import { ratePublicRequest } from './rate-request';
import { submitPublicRequest } from './submit-request';
import { orderByCode, trackPublicRequest } from './track-request';

const tags = ['public'];
const ticketNoParam = z.object({ ticketNo: z.string().trim().min(1).max(40) });
const errors = errorResponses(400, 403, 404, 409, 422, 429);
/** Photos a citizen may send with one request. */
export const PORTAL_MAX_PHOTOS = 3;

/** The citizen portal's API (no session): request, photos, tracking, rating; and the clerk's view of the rating. */
export function portalRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/public/challenge',
      {
        schema: {
          tags,
          summary: '人机验证题（ALTCHA 工作量证明，离线可用）',
          security: [],
          response: { 200: challengeDto },
        },
      },
      async () => newChallenge(ctx),
    );

    app.post(
      '/api/public/requests',
      {
        // Per client address (in each process's memory); per phone and day in the database.
        config: { rateLimit: { max: ctx.env.CIVICLINE_PORTAL_IP_HOURLY, timeWindow: '1 hour' } },
        schema: {
          tags,
          summary: '市民提交诉求 Submit a request (channel web)',
          description:
            '`altcha`: the solved challenge of GET /api/public/challenge; without it only the first CIVICLINE_PORTAL_CHALLENGE_FREE (3) submissions of a client address in an hour are accepted, then 403 CHALLENGE_FAILED. 429 RATE_LIMITED per client address and hour, 429 PHONE_DAILY_LIMIT per phone and day. Returns the order number and the tracking code (shown once).',
          security: [],
          body: publicRequestBody,
          response: { 201: publicRequestCreated, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await submitPublicRequest(ctx, req.body, req.ip)),
    );

    app.get(
      '/api/public/requests/:ticketNo',
      {
        schema: {
          tags,
          summary: '查询办理进度 Track a request with its code (no personal data)',
          description: 'A wrong code and an unknown number are the same 404 NOT_FOUND.',
          security: [],
          params: ticketNoParam,
          querystring: publicTrackQuery,
          response: { 200: publicRequestStatus, ...errors },
        },
      },
      async (req) => trackPublicRequest(ctx, req.params.ticketNo, req.query.code),
    );

    app.post(
      '/api/public/requests/:ticketNo/rating',
      {
        schema: {
          tags,
          summary: '市民评价答复 Rate the reply (once)',
          security: [],
          params: ticketNoParam,
          body: publicRatingBody,
          response: { 201: publicRatingResult, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await ratePublicRequest(ctx, req.params.ticketNo, req.body)),
    );

    app.post(
      '/api/public/requests/:ticketNo/photos',
      {
        config: {
          rateLimit: { max: ctx.env.CIVICLINE_PORTAL_IP_HOURLY * PORTAL_MAX_PHOTOS, timeWindow: '1 hour' },
        },
        schema: {
          tags,
          summary: '上传诉求照片 (multipart: code, file; JPEG/PNG/WebP, up to 3 per request)',
          security: [],
          params: ticketNoParam,
          response: { 201: z.object({ photos: z.number() }), ...errors },
        },
      },
      async (req, reply) => {
        const upload = await readUpload(req, maxAttachmentBytes(ctx));
        const order = await orderByCode(ctx, req.params.ticketNo, upload.fields.code ?? '');
        if (!upload.file) throw new AppError('VALIDATION_FAILED', '请选择要上传的照片（字段 file）');
        if ((await countAttachments(ctx.db, order.id, 'portal')) >= PORTAL_MAX_PHOTOS) {
          throw new AppError('UNPROCESSABLE', `每件诉求最多上传 ${PORTAL_MAX_PHOTOS} 张照片`);
        }
        await storeAttachment(ctx, {
          ticketId: order.id,
          kind: 'order',
          fileName: upload.file.fileName,
          bytes: upload.file.bytes,
          source: 'portal',
          imagesOnly: true,
          user: null,
        });
        return reply.status(201).send({ photos: await countAttachments(ctx.db, order.id, 'portal') });
      },
    );

    app.get(
      '/api/tickets/:id/citizen-rating',
      {
        schema: {
          tags: ['tickets'],
          summary: '市民自评（门户评价，供回访参考）',
          params: idParam,
          response: { 200: z.object({ rating: citizenRatingDto.nullable() }), 404: errorBody },
        },
      },
      async (req) => {
        const user = requireUser(req);
        await loadVisibleOrder(ctx.db, await loadActor(ctx.db, user), req.params.id);
        const r = await findCitizenRating(ctx.db, req.params.id);
        return {
          rating: r
            ? { rating: r.rating, comment: r.comment, createdAt: new Date(r.created_at).toISOString() }
            : null,
        };
      },
    );
  };
}
