import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createSupervisionBody,
  ignoredSupervisionsQuery,
  listSupervisionsQuery,
  respondSupervisionBody,
} from '../../../common/contracts/supervision';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { idParam, requireUser } from '../../platform/http';
import { createSupervision } from './create-supervision';
import { ignoredSupervisions } from './ignored-supervisions';
import { listSupervisions } from './list-supervisions';
import { respondSupervision } from './respond-supervision';
import { presentSupervision } from './supervision.presenter';
import { findSupervision } from './supervision.repository';
import { respondUnitSupervision, unitSupervisions } from './unit-supervisions';

/** Supervision (督办) as records: list, leader instructions, written answers, ignored ones. */
export function supervisionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/supervisions',
      {
        schema: {
          tags: ['supervision'],
          summary: '督办列表 Supervisions in the caller’s scope, open ones first',
          description:
            'A unit sees the supervisions of its own unit tree, the center all. dueAt: the respond-by time (ISO 8601, +08:00). status: open | overdue | answered; light: green | yellow (under 24 h left) | red (overdue or answered late).',
          querystring: listSupervisionsQuery,
        },
      },
      async (req) => listSupervisions(ctx, requireUser(req), req.query),
    );

    app.get(
      '/api/supervisions/ignored',
      {
        schema: {
          tags: ['supervision'],
          summary: '督办未答复通报 Units that did not answer supervisions due in a month',
          description: 'tianjin-wuqing §24: units that ignore supervision are named and lose points.',
          querystring: ignoredSupervisionsQuery,
        },
      },
      async (req) => ignoredSupervisions(ctx, requireUser(req), req.query.period),
    );

    app.post(
      '/api/supervisions',
      {
        schema: {
          tags: ['supervision'],
          summary: '督办 / 领导批示 Record a supervision on an order',
          description:
            'Leaders, supervisors and administrators; e.g. trigger leader-instruction (批示). dueAt defaults to the profile’s answer limit (3 working days when the regulation sets none).',
          body: createSupervisionBody,
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const id = await createSupervision(ctx, user, req.body);
        const created = await findSupervision(ctx.db, id);
        if (!created) throw new AppError('NOT_FOUND', '督办不存在');
        return reply.status(201).send(presentSupervision(created, ctx.clock.now()));
      },
    );

    app.get(
      '/api/unit-supervisions',
      {
        schema: {
          tags: ['supervision'],
          summary: '单位督办 Supervisions of units (low rank, knowledge base not updated), newest first',
          description:
            'zibo-12345 §15(4)(5): recorded once a month for the month that ended. The center sees all; a unit its own tree. status: open | overdue | answered.',
        },
      },
      async (req) => unitSupervisions(ctx, requireUser(req)),
    );

    app.post(
      '/api/unit-supervisions/:id/respond',
      {
        schema: {
          tags: ['supervision'],
          summary: '答复单位督办 The supervised unit answers in writing, once',
          params: idParam,
          body: respondSupervisionBody,
        },
      },
      async (req) => respondUnitSupervision(ctx, requireUser(req), req.params.id, req.body.text),
    );

    app.post(
      '/api/supervisions/:id/respond',
      {
        schema: {
          tags: ['supervision'],
          summary: '答复督办 The supervised unit answers in writing, once',
          description: 'A late answer is accepted and recorded late; a second answer is 409.',
          params: idParam,
          body: respondSupervisionBody,
        },
      },
      async (req) => respondSupervision(ctx, requireUser(req), req.params.id, req.body.text),
    );
  };
}
