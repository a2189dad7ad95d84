import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { suggestRequest, suggestResponse } from '../../../common/contracts/intake-assist';
import type { AppContext } from '../../platform/context';
import { errorBody, requireUser } from '../../platform/http';
import { suggestIntake } from './suggest-intake';

/** Intake suggestions from the installation's trained classifiers and the active profile. */
export function classifyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/intake/suggest',
      {
        schema: {
          tags: ['intake'],
          summary: '受理建议 Category, unit, urgency, emergency and scope hints, extracted details',
          body: suggestRequest,
          response: { 200: suggestResponse, 400: errorBody, 401: errorBody, 403: errorBody },
        },
      },
      async (req) => suggestIntake(ctx, requireUser(req), req.body),
    );
  };
}
