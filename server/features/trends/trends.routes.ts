import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bigscreenResponse } from '../../../common/contracts/bigscreen';
import {
  forecastQuery,
  forecastResponse,
  hotTopicClustersResponse,
  hotTopicsQuery,
  hotTopicsResponse,
} from '../../../common/contracts/trends';
import { reportContext, type AppContext } from '../../platform/context';
import { errorBody, requireRole, requireUser } from '../../platform/http';
import { bigscreen } from './bigscreen';
import { hotTopicClusters, hotTopics } from './hot-topics';
import { trendsSlice } from './trends-scope';
import { volumeForecast } from './volume-forecast';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** Hot topics, clusters, the forecast and the big screen: read-only, from the replica when there is one. */
export function trendsRoutes(appCtx: AppContext): FastifyPluginAsyncZod {
  const ctx = reportContext(appCtx);
  return async (app) => {
    app.get(
      '/api/stats/hot-topics',
      {
        schema: {
          tags: ['assessment'],
          summary: '热点诉求 Words that rose in [from, to] against the 28 days before, best first',
          description:
            'from/to: service dates (UTC+8), both included. Each item: term, count (orders mentioning it), baseline (orders expected at the window volume from the 28 days before), growth ((count+1)/(baseline+1)), sampleTicketIds. Optional slices: region, category (code or prefix), unitId (lead unit and below).',
          querystring: hotTopicsQuery,
          response: { 200: hotTopicsResponse, ...errors },
        },
      },
      async (req) => {
        const slice = await trendsSlice(ctx.db, requireUser(req), req.query);
        return hotTopics(ctx.db, req.query, slice);
      },
    );

    app.get(
      '/api/stats/hot-topics/clusters',
      {
        schema: {
          tags: ['assessment'],
          summary: '集中诉求 Where the hot words gather: district, category and lead unit',
          querystring: hotTopicsQuery,
          response: { 200: hotTopicClustersResponse, ...errors },
        },
      },
      async (req) => {
        const slice = await trendsSlice(ctx.db, requireUser(req), req.query);
        return hotTopicClusters(ctx.db, req.query, slice);
      },
    );

    app.get(
      '/api/stats/forecast',
      {
        schema: {
          tags: ['assessment'],
          summary: '受理量预测 Daily orders for the next days, with the backtest error (MAE, MAPE)',
          querystring: forecastQuery,
          response: { 200: forecastResponse, ...errors },
        },
      },
      async (req) => {
        const slice = await trendsSlice(ctx.db, requireUser(req));
        return volumeForecast(ctx.db, {
          now: ctx.clock.now(),
          calendar: ctx.rules.calendar,
          query: req.query,
          slice,
        });
      },
    );

    app.get(
      '/api/stats/bigscreen',
      {
        schema: {
          tags: ['assessment'],
          summary: '大屏 Everything the wall screen shows, city-wide, in one answer',
          response: { 200: bigscreenResponse, ...errors },
        },
      },
      async (req) => {
        requireRole(req, 'leader', 'supervisor', 'admin');
        return bigscreen(ctx);
      },
    );
  };
}
