import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attachIncidentOrdersBody,
  closeIncidentBody,
  createIncidentBody,
  listIncidentsQuery,
  recordIncidentReportBody,
} from '../../../common/contracts/incidents';
import type { AppContext } from '../../platform/context';
import { idParam, requireUser } from '../../platform/http';
import { attachOrders } from './attach-orders';
import { createIncident } from './create-incident';
import { getIncident, listIncidents } from './get-incident';
import { closeIncident, recordReport } from './record-report';

/** Major incidents (重大突发事项): grouped orders, report limits and their lights. */
export function incidentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/incidents',
      {
        schema: {
          tags: ['incidents'],
          summary: '登记重大事件 Record a major incident with its report limits',
          description:
            'reportBy / writtenReportBy: the active profile’s report limits from occurredAt (shanghai-962200 §15: 30 minutes oral, 2 hours written; beijing-miyun §8: 30 minutes), ISO 8601 with +08:00; null when the profile sets none. Center dispatchers, supervisors, leaders and administrators.',
          body: createIncidentBody,
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const id = await createIncident(ctx, user, req.body);
        return reply.status(201).send(await getIncident(ctx, user, id));
      },
    );

    app.get(
      '/api/incidents',
      {
        schema: {
          tags: ['incidents'],
          summary: '重大事件列表 Incidents, newest first, with their lights',
          querystring: listIncidentsQuery,
        },
      },
      async (req) => listIncidents(ctx, requireUser(req), req.query),
    );

    app.get(
      '/api/incidents/:id',
      {
        schema: {
          tags: ['incidents'],
          summary: '重大事件详情 An incident with its orders, reports and alerts',
          params: idParam,
        },
      },
      async (req) => getIncident(ctx, requireUser(req), req.params.id),
    );

    app.post(
      '/api/incidents/:id/orders',
      {
        schema: {
          tags: ['incidents'],
          summary: '关联工单 Attach orders to an open incident',
          params: idParam,
          body: attachIncidentOrdersBody,
        },
      },
      async (req) => {
        const user = requireUser(req);
        await attachOrders(ctx, user, req.params.id, req.body);
        return getIncident(ctx, user, req.params.id);
      },
    );

    app.post(
      '/api/incidents/:id/report',
      {
        schema: {
          tags: ['incidents'],
          summary: '记录报告 Record that an oral or written report was made (who, when)',
          params: idParam,
          body: recordIncidentReportBody,
        },
      },
      async (req) => {
        const user = requireUser(req);
        await recordReport(ctx, user, req.params.id, req.body);
        return getIncident(ctx, user, req.params.id);
      },
    );

    app.post(
      '/api/incidents/:id/close',
      {
        schema: {
          tags: ['incidents'],
          summary: '结束事件 Close an incident once its required reports are made',
          params: idParam,
          body: closeIncidentBody,
        },
      },
      async (req) => {
        const user = requireUser(req);
        await closeIncident(ctx, user, req.params.id, req.body);
        return getIncident(ctx, user, req.params.id);
      },
    );
  };
}
