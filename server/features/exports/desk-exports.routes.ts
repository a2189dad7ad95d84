import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callFiguresQuery } from '../../../common/contracts/cti';
import { listSupervisionsQuery } from '../../../common/contracts/supervision';
import { warningLevels } from '../../domain/kpi';
import { reportContext, type AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { assessmentScope, unitInScope } from '../assessment/assessment-scope';
import { drillQuery, warningsQuery } from '../assessment/assessment.schemas';
import { drillDown } from '../assessment/drill-down';
import { periodParam } from '../assessment/period-param';
import { findScheme } from '../assessment/schemes';
import { unitWarnings } from '../assessment/unit-warnings';
import { callFigures } from '../cti/call-figures';
import { findUnit } from '../org/org.repository';
import { callFigureSheets } from './calls-export';
import { DRILL_EXPORT_LIMIT, drillSheet } from './drill-export';
import { supervisionsSheet, unitSupervisionsSheet, unitWarningsSheet } from './supervision-export';
import { xlsxRoute } from './xlsx-route';

/** Exports of the desks' figures and boards: calls, supervision, unit warnings, the drill-down. */
export function deskExportRoutes(appCtx: AppContext): FastifyPluginAsyncZod {
  const reports = reportContext(appCtx);
  const now = () => appCtx.clock.now();
  return async (app) => {
    xlsxRoute(app, now, {
      path: '/api/stats/calls/export.xlsx',
      summary: '导出话务统计 Excel: the figures of GET /api/stats/calls for the same range',
      description:
        'Sheets: totals and targets, by hour, by day, by agent, by queue; rates in percent. Center roles and leaders only.',
      querystring: callFiguresQuery,
      name: '话务统计',
      build: async (user, q) => callFigureSheets(await callFigures(appCtx, user, q)),
    });
    xlsxRoute(app, now, {
      path: '/api/supervisions/export.xlsx',
      summary: '导出督办记录 Excel: the supervisions of GET /api/supervisions with the same filters',
      description: 'Every page, open ones first, in the caller’s scope, free text withheld as in the list.',
      querystring: listSupervisionsQuery.omit({ page: true, pageSize: true }),
      name: '督办记录',
      build: async (user, q) => supervisionsSheet(appCtx, user, q),
    });
    xlsxRoute(app, now, {
      path: '/api/unit-supervisions/export.xlsx',
      summary: '导出单位督办 Excel: the supervisions of units of GET /api/unit-supervisions',
      name: '单位督办',
      build: async (user) => unitSupervisionsSheet(appCtx, user),
    });
    xlsxRoute(app, now, {
      path: '/api/assessment/warnings/export.xlsx',
      summary: '导出单位预警 Excel: the warnings of GET /api/assessment/warnings, one row per missed target',
      description:
        'Red units first; units see only their own unit and sub-units. level and q (unit name contains): the screen’s filters.',
      querystring: warningsQuery.extend({
        level: z.enum(warningLevels).optional(),
        q: z.string().trim().max(100).optional(),
      }),
      errors: [404, 422],
      build: async (user, q) => {
        const scope = await assessmentScope(reports.db, user);
        const scheme = await findScheme(q.scheme, reports.env.CIVICLINE_PROFILE_DIR);
        const period = periodParam(q.period);
        const result = await unitWarnings(reports, {
          scheme,
          period,
          ...(q.asOf ? { asOf: new Date(q.asOf) } : {}),
        });
        const visible = await Promise.all(
          result.unitIds.map(async (id) => scope.path === null || (await unitInScope(reports.db, scope, id))),
        );
        const shown = result.items.filter(
          (w, i) => visible[i] && (!q.level || w.level === q.level) && (!q.q || w.unitName.includes(q.q)),
        );
        return {
          name: `单位预警-${period.id}`,
          sheets: [unitWarningsSheet(shown)],
        };
      },
    });
    xlsxRoute(app, now, {
      path: '/api/assessment/drill/export.xlsx',
      summary: '导出考核明细 Excel: the orders behind one unit’s figure (GET /api/assessment/drill)',
      description: `Up to ${DRILL_EXPORT_LIMIT} orders; the figure and its definition below them.`,
      querystring: drillQuery.omit({ limit: true }),
      errors: [404],
      build: async (user, q) => {
        const scope = await assessmentScope(reports.db, user);
        if (!(await unitInScope(reports.db, scope, q.unitId))) {
          throw new AppError('NOT_FOUND', '单位不存在或无权查看');
        }
        const scheme = await findScheme(q.scheme, reports.env.CIVICLINE_PROFILE_DIR);
        const result = await drillDown(reports, {
          scheme,
          period: periodParam(q.period),
          unitId: q.unitId,
          indicator: q.indicator,
          part: q.part,
          limit: DRILL_EXPORT_LIMIT,
          ...(q.asOf ? { asOf: new Date(q.asOf) } : {}),
        });
        const unitName = (await findUnit(reports.db, q.unitId))?.name ?? String(q.unitId);
        return {
          name: `考核明细-${unitName}-${result.name}-${q.period}`,
          sheets: [drillSheet(result, unitName)],
        };
      },
    });
  };
}
