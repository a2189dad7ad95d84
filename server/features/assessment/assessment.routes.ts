import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { indicators } from '../../domain/kpi';
import { reportContext, type AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { requireUser } from '../../platform/http';
import { assessUnits, tallyOptionsOf } from './assess-units';
import { assessmentScope, unitInScope } from './assessment-scope';
import { assessmentQuery, drillQuery, sliceFilter, statsQuery, warningsQuery } from './assessment.schemas';
import { drillDown } from './drill-down';
import { periodParam } from './period-param';
import { findScheme, loadSchemes } from './schemes';
import { unitStats } from './unit-stats';
import { unitWarnings } from './unit-warnings';

/**
 * 考核与统计: scheme figures per unit, the orders behind a figure, dashboard statistics. All
 * read-only: they read from the replica when DATABASE_REPLICA_URL is set.
 */
export function assessmentRoutes(appCtx: AppContext): FastifyPluginAsyncZod {
  const ctx = reportContext(appCtx);
  return async (app) => {
    app.get(
      '/api/assessment/schemes',
      { schema: { tags: ['assessment'], summary: '考核方案 The assessment schemes available' } },
      async (req) => {
        await assessmentScope(ctx.db, requireUser(req));
        return loadSchemes(ctx.env.CIVICLINE_PROFILE_DIR);
      },
    );

    app.get(
      '/api/assessment/indicators',
      {
        schema: {
          tags: ['assessment'],
          summary: '考核指标 Every indicator: its Chinese name, kind (rate or count), definition and source',
        },
      },
      async (req) => {
        await assessmentScope(ctx.db, requireUser(req));
        return {
          items: Object.values(indicators).map((i) => ({
            id: i.id,
            name: i.name,
            kind: i.kind,
            definition: i.definition,
            source: i.source,
          })),
        };
      },
    );

    app.get(
      '/api/assessment',
      {
        schema: {
          tags: ['assessment'],
          summary: '考核结果 A scheme’s score and figures per handling unit, ranked',
          description:
            'period: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY; optional slices category (code or prefix), region, channel, type, level. Units see only their own unit (and sub-units); ranks are among all units. Rates are fractions 0-1, null without a denominator. See docs/decisions/0003-assessment.md.',
          querystring: assessmentQuery,
        },
      },
      async (req) => {
        const scope = await assessmentScope(ctx.db, requireUser(req));
        const scheme = await findScheme(req.query.scheme, ctx.env.CIVICLINE_PROFILE_DIR);
        const result = await assessUnits(ctx, {
          scheme,
          period: periodParam(req.query.period),
          filter: sliceFilter(req.query),
          ...(req.query.asOf ? { asOf: new Date(req.query.asOf) } : {}),
        });
        if (scope.path === null) return result;
        const visible = await Promise.all(result.units.map((u) => unitInScope(ctx.db, scope, u.unitId)));
        return { ...result, units: result.units.filter((_u, i) => visible[i]) };
      },
    );

    app.get(
      '/api/assessment/warnings',
      {
        schema: {
          tags: ['assessment'],
          summary: '单位预警 Red/yellow/blue warnings for units that miss the scheme’s targets',
          description:
            'beijing-miyun §21, §30: {items: [{unitCode, unitName, level: red|yellow|blue, reasons: [{code, target, actual, message, ...}]}]}, red first; a unit meeting every target has no entry. 422 UNPROCESSABLE for a scheme without warning targets. Units see only their own unit (and sub-units). See docs/decisions/0007-unit-warnings.md.',
          querystring: warningsQuery,
        },
      },
      async (req) => {
        const scope = await assessmentScope(ctx.db, requireUser(req));
        const scheme = await findScheme(req.query.scheme, ctx.env.CIVICLINE_PROFILE_DIR);
        const result = await unitWarnings(ctx, {
          scheme,
          period: periodParam(req.query.period),
          ...(req.query.asOf ? { asOf: new Date(req.query.asOf) } : {}),
        });
        if (scope.path === null) return { items: result.items };
        const visible = await Promise.all(result.unitIds.map((id) => unitInScope(ctx.db, scope, id)));
        return { items: result.items.filter((_w, i) => visible[i]) };
      },
    );

    app.get(
      '/api/assessment/drill',
      {
        schema: {
          tags: ['assessment'],
          summary: '考核明细 The orders behind one unit’s figure',
          description:
            'Each order the indicator counts for the unit in the period, marked numerator or denominator.',
          querystring: drillQuery,
        },
      },
      async (req) => {
        const scope = await assessmentScope(ctx.db, requireUser(req));
        if (!(await unitInScope(ctx.db, scope, req.query.unitId))) {
          throw new AppError('NOT_FOUND', '单位不存在或无权查看');
        }
        const scheme = await findScheme(req.query.scheme, ctx.env.CIVICLINE_PROFILE_DIR);
        return drillDown(ctx, {
          scheme,
          period: periodParam(req.query.period),
          unitId: req.query.unitId,
          indicator: req.query.indicator,
          part: req.query.part,
          limit: req.query.limit,
          ...(req.query.asOf ? { asOf: new Date(req.query.asOf) } : {}),
        });
      },
    );

    app.get(
      '/api/stats',
      {
        schema: {
          tags: ['assessment'],
          summary: '统计 Every indicator by unit, category, region, channel, type, level or month',
          description:
            'Rates over the pooled counts of the period. Units see only their own unit and sub-units.',
          querystring: statsQuery,
        },
      },
      async (req) => {
        const q = req.query;
        const scope = await assessmentScope(ctx.db, requireUser(req));
        let unitIds: number[] | undefined;
        if (q.unitId !== undefined) {
          if (!(await unitInScope(ctx.db, scope, q.unitId))) {
            throw new AppError('NOT_FOUND', '单位不存在或无权查看');
          }
          unitIds = [q.unitId];
        } else if (scope.unitId !== null) unitIds = [scope.unitId];
        const scheme = await findScheme(q.scheme ?? 'beijing-miyun', ctx.env.CIVICLINE_PROFILE_DIR);
        const options = {
          ...tallyOptionsOf(scheme, q.asOf ? new Date(q.asOf) : ctx.clock.now(), ctx.rules.categories),
          ...(q.scheme ? {} : { satisfied: ctx.rules.profile.satisfaction.satisfied }),
        };
        return unitStats(ctx, {
          groupBy: q.groupBy,
          period: periodParam(q.period),
          options,
          filter: { ...(unitIds ? { unitIds, subtree: true } : {}), ...sliceFilter(q) },
        });
      },
    );
  };
}
