import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  approveEnterpriseBody,
  creditRecordBody,
  directoryQuery,
  enterpriseApplicationBody,
  LICENCE_MAX_BYTES,
  listEnterprisesQuery,
  reasonBody,
  recommendationBody,
  recordVisitBody,
} from '../../../common/contracts/enterprises';
import type { AppContext } from '../../platform/context';
import { errorBody, idParam, requireUser } from '../../platform/http';
import { actionPayloads } from '../../../common/contracts/tickets';
import { AppError } from '../../platform/errors';
import { applyEnterprise } from './apply-enterprise';
import {
  createEnterpriseAccount,
  deskOrder,
  enterpriseAccountBody,
  listDeskOrders,
  reportBack,
} from './enterprise-desk';
import { approveEnterprise } from './approve-enterprise';
import { getEnterprise, getLicence, listEnterprises } from './get-enterprise';
import { listDirectory, listServices } from './list-directory';
import { recordCredit } from './record-credit';
import { recordRecommendation } from './record-recommendation';
import { recordVisit } from './record-visit';
import { rejectEnterprise } from './reject-enterprise';
import { revealContact } from './reveal-contact';
import { reinstateEnterprise, suspendEnterprise } from './suspend-enterprise';

const tags = ['enterprises'];

/** Franchise enterprises (加盟企业, wuqing §31-§38): public application and directory, the center's registry. */
export function enterpriseRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/public/enterprises/applications',
      {
        // The licence travels in the body as base64: room for it, and no more.
        bodyLimit: Math.ceil((LICENCE_MAX_BYTES * 4) / 3) + 64 * 1024,
        // Like sign-in: a per-instance brake of a few requests a minute per address.
        config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
        schema: {
          tags: ['public'],
          summary: '企业在线申请加盟（无需登录，限频）',
          description:
            'creditCode is checked against GB 32100-2015 (422 INVALID_CREDIT_CODE, details.problem); the licence is a PNG, JPEG or PDF of at most 2 MB, base64, its type read from its content (415 UNSUPPORTED_FILE_TYPE).',
          security: [],
          body: enterpriseApplicationBody,
          response: {
            201: z.object({ id: z.number(), status: z.literal('pending') }),
            400: errorBody,
            409: errorBody,
            413: errorBody,
            415: errorBody,
            422: errorBody,
            429: errorBody,
          },
        },
      },
      async (req, reply) => {
        const r = await applyEnterprise(ctx, req.body);
        return reply.status(201).send(r);
      },
    );

    app.get(
      '/api/public/enterprises',
      {
        schema: {
          tags: ['public'],
          summary: '加盟企业名录（公开，无需登录）',
          description:
            'Approved enterprises only, with stars and open information (no contact person). service=CODE filters by category (codes below and above it match); near=lng,lat orders by distance in whole km, then stars.',
          security: [],
          querystring: directoryQuery,
        },
      },
      async (req) => listDirectory(ctx, req.query),
    );

    app.get(
      '/api/public/enterprises/services',
      {
        schema: {
          tags: ['public'],
          summary: '可选服务类别（公开）',
          description:
            'The active category tree: the services an enterprise may offer and the directory filters by.',
          security: [],
        },
      },
      async () => listServices(ctx),
    );

    app.get(
      '/api/enterprises',
      { schema: { tags, summary: '加盟企业登记与审核队列', querystring: listEnterprisesQuery } },
      async (req) => listEnterprises(ctx, requireUser(req), req.query),
    );

    app.get(
      '/api/enterprises/:id',
      { schema: { tags, summary: '加盟企业详情（核实、推荐、信用记录、星级）', params: idParam } },
      async (req) => getEnterprise(ctx, requireUser(req), req.params.id),
    );

    app.get(
      '/api/enterprises/:id/licence',
      { schema: { tags, summary: '营业执照文件', params: idParam } },
      async (req, reply) => {
        const file = await getLicence(ctx, requireUser(req), req.params.id);
        return reply.type(file.type).header('Content-Disposition', 'inline').send(file.bytes);
      },
    );

    const act = <B extends z.ZodType>(
      url: string,
      summary: string,
      body: B,
      run: (id: number, body: z.output<B>, userReq: Parameters<typeof requireUser>[0]) => Promise<unknown>,
    ) =>
      app.post(url, { schema: { tags, summary, params: idParam, body } }, async (req) => {
        const user = requireUser(req);
        await run(req.params.id, req.body as z.output<B>, req);
        return getEnterprise(ctx, user, req.params.id);
      });

    act('/api/enterprises/:id/visits', '记录现场核实', recordVisitBody, (id, b, req) =>
      recordVisit(ctx, requireUser(req), id, b),
    );
    act('/api/enterprises/:id/approve', '批准加盟', approveEnterpriseBody, (id, b, req) =>
      approveEnterprise(ctx, requireUser(req), id, b.note ?? null),
    );
    act('/api/enterprises/:id/reject', '驳回加盟申请（须说明理由）', reasonBody, (id, b, req) =>
      rejectEnterprise(ctx, requireUser(req), id, b.reason),
    );
    act('/api/enterprises/:id/suspend', '暂停加盟（从名录中撤下）', reasonBody, (id, b, req) =>
      suspendEnterprise(ctx, requireUser(req), id, b.reason),
    );
    act('/api/enterprises/:id/reinstate', '恢复加盟', reasonBody, (id, b, req) =>
      reinstateEnterprise(ctx, requireUser(req), id, b.reason),
    );
    act('/api/enterprises/:id/recommendations', '登记协会、商会推荐', recommendationBody, (id, b, req) =>
      recordRecommendation(ctx, requireUser(req), id, b),
    );
    act('/api/enterprises/:id/credit-records', '记录服务不良记录', creditRecordBody, (id, b, req) =>
      recordCredit(ctx, requireUser(req), id, b),
    );

    app.post(
      '/api/enterprises/:id/reveal-contact',
      {
        schema: {
          tags,
          summary: '查看企业联系人完整信息（须说明理由，留痕）',
          params: idParam,
          body: reasonBody,
        },
      },
      async (req) => revealContact(ctx, requireUser(req), req.params.id, req.body.reason, req.ip),
    );

    app.post(
      '/api/enterprises/:id/accounts',
      {
        schema: {
          tags,
          summary: '为已加盟企业开通企业工作台账号（首次登录须修改密码）',
          params: idParam,
          body: enterpriseAccountBody,
          response: { 201: z.object({ id: z.number(), username: z.string() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createEnterpriseAccount(ctx, requireUser(req), req.params.id, req.body)),
    );
    app.get(
      '/api/enterprise-desk/orders',
      {
        schema: {
          tags,
          summary: '企业工作台：派给本企业的电子工单（武清细则第三十六条）',
          response: { 200: z.object({ items: z.array(deskOrder) }) },
        },
      },
      async (req) => ({ items: await listDeskOrders(ctx, requireUser(req)) }),
    );
    app.post(
      '/api/enterprise-desk/orders/:id/report',
      {
        schema: {
          tags,
          summary: '企业反馈办理情况（转入回访）',
          description:
            'body: {result, contacted, price?, serviceTime?}; 409 unless the order is referred to this enterprise and awaits its report.',
          params: idParam,
          body: actionPayloads['report-referral'],
          response: { 200: deskOrder },
        },
      },
      async (req) => {
        const user = requireUser(req);
        await reportBack(ctx, user, req.params.id, req.body);
        const [order] = await listDeskOrders(ctx, user, req.params.id);
        if (!order) throw new AppError('NOT_FOUND', '工单不存在');
        return order;
      },
    );
  };
}
