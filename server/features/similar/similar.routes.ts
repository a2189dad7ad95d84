import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { similarResponse } from '../../../common/contracts/intake-assist';
import type { AppContext } from '../../platform/context';
import { idParam, requireUser } from '../../platform/http';
import { similarToTicket } from './similar-to-ticket';

const similarQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

/** Similar orders (重复件): the orders about the same matter as an order. */
export function similarRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/tickets/:id/similar',
      {
        schema: {
          tags: ['tickets'],
          summary:
            '相似工单 Orders about the same matter, best first (repeats to merge, closed same matters)',
          params: idParam,
          querystring: similarQuery,
          response: { 200: similarResponse },
        },
      },
      async (req) => similarToTicket(ctx, requireUser(req), req.params.id, req.query.limit),
    );
  };
}
