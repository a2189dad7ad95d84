import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assignmentParams,
  assignVolunteerBody,
  createVolunteerBody,
  listVolunteersQuery,
  revealBody,
  volunteerOutcomeBody,
} from '../../../common/contracts/volunteers';
import type { AppContext } from '../../platform/context';
import { idParam, requireUser } from '../../platform/http';
import { assignVolunteer, listOrderVolunteers, recordVolunteerOutcome } from './assign-volunteer';
import { findVolunteers, registerVolunteer, revealVolunteerPhone } from './register-volunteer';

/** Volunteers (志愿者) and their assignment to orders. */
export function volunteerRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/volunteers',
      {
        schema: {
          tags: ['volunteers'],
          summary: '登记志愿者 Register a volunteer (center dispatchers and administrators)',
          body: createVolunteerBody,
        },
      },
      async (req, reply) => reply.status(201).send(await registerVolunteer(ctx, requireUser(req), req.body)),
    );

    app.get(
      '/api/volunteers',
      {
        schema: {
          tags: ['volunteers'],
          summary: '志愿者查询 Volunteers by skill; phones masked unless the role may see them',
          querystring: listVolunteersQuery,
        },
      },
      async (req) => findVolunteers(ctx, requireUser(req), req.query.skill),
    );

    app.post(
      '/api/volunteers/:id/reveal-phone',
      {
        schema: {
          tags: ['volunteers'],
          summary: '查看志愿者联系电话 Reveal a volunteer’s phone, with a reason (audited)',
          params: idParam,
          body: revealBody,
        },
      },
      async (req) => revealVolunteerPhone(ctx, requireUser(req), req.params.id, req.body.reason, req.ip),
    );

    app.get(
      '/api/tickets/:id/volunteers',
      {
        schema: {
          tags: ['volunteers'],
          summary: '工单的志愿者 Volunteers sent to an order',
          params: idParam,
        },
      },
      async (req) => listOrderVolunteers(ctx, requireUser(req), req.params.id),
    );

    app.post(
      '/api/tickets/:id/volunteers',
      {
        schema: {
          tags: ['volunteers'],
          summary: '指派志愿者 Send a volunteer to help with an order (recorded as an event)',
          params: idParam,
          body: assignVolunteerBody,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await assignVolunteer(ctx, requireUser(req), req.params.id, req.body)),
    );

    app.post(
      '/api/tickets/:id/volunteers/:assignmentId/outcome',
      {
        schema: {
          tags: ['volunteers'],
          summary: '记录志愿服务结果 Record what came of a volunteer’s help (once)',
          params: assignmentParams,
          body: volunteerOutcomeBody,
        },
      },
      async (req) =>
        recordVolunteerOutcome(ctx, requireUser(req), req.params.id, req.params.assignmentId, req.body),
    );
  };
}
