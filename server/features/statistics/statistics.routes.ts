import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { intakeStatsQuery, intakeStatsResponse } from '../../../common/contracts/statistics';
import { reportContext, type AppContext } from '../../platform/context';
import { errorBody, requireUser } from '../../platform/http';
import { intakeStats } from './intake-stats';

/** Statistics for the screens: read-only, from the replica when one is configured. */
export function statisticsRoutes(appCtx: AppContext): FastifyPluginAsyncZod {
  const ctx = reportContext(appCtx);
  return async (app) => {
    app.get(
      '/api/stats/intake',
      {
        schema: {
          tags: ['assessment'],
          summary:
            '受理量统计 Orders received in a date range, by channel, type, category, region, day or disposition',
          description:
            'from/to: service dates (UTC+8), both included, at most 400 days. Every intake counts: dispatched orders, direct answers, not accepted, merged repeats. level: category depth for groupBy=category.',
          querystring: intakeStatsQuery,
          response: { 200: intakeStatsResponse, 400: errorBody, 401: errorBody, 403: errorBody },
        },
      },
      async (req) => intakeStats(ctx.db, requireUser(req), req.query),
    );
  };
}
