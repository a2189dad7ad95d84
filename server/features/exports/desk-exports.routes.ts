import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callFiguresQuery } from '../../../common/contracts/cti';
import { listSupervisionsQuery } from '../../../common/contracts/supervision';
import { reportContext, type AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { errorBody, requireUser } from '../../platform/http';
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
import { exportFileName, sendXlsx, XLSX_NOTE } from './xlsx-stream';

const tags = ['exports'];
const response = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** Exports of the desks' figures and boards: calls, supervision, unit warnings, the drill-down. */
export function deskExportRoutes(appCtx: AppContext): FastifyPluginAsyncZod {
  const reports = reportContext(appCtx);
  const now = () => appCtx.clock.now();
  return async (app) => {
    app.get(
      '/api/stats/calls/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出话务统计 Excel: the figures of GET /api/stats/calls for the same range',
          description: `${XLSX_NOTE} Sheets: totals and targets, by hour, by day, by agent, by queue; rates in percent. Center roles and leaders only.`,
          querystring: callFiguresQuery,
          response,
        },
      },
      async (req, reply) => {
        const figures = await callFigures(appCtx, requireUser(req), req.query);
        return sendXlsx(reply, exportFileName('话务统计', now()), callFigureSheets(figures));
      },
    );

    app.get(
      '/api/supervisions/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出督办记录 Excel: the supervisions of GET /api/supervisions with the same filters',
          description: `${XLSX_NOTE} Every page, open ones first, in the caller’s scope, free text withheld as in the list.`,
          querystring: listSupervisionsQuery.omit({ page: true, pageSize: true }),
          response,
        },
      },
      async (req, reply) =>
        sendXlsx(reply, exportFileName('督办记录', now()), [
          await supervisionsSheet(appCtx, requireUser(req), req.query),
        ]),
    );

    app.get(
      '/api/unit-supervisions/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出单位督办 Excel: the supervisions of units of GET /api/unit-supervisions',
          description: XLSX_NOTE,
          response,
        },
      },
      async (req, reply) =>
        sendXlsx(reply, exportFileName('单位督办', now()), [
          await unitSupervisionsSheet(appCtx, requireUser(req)),
        ]),
    );

    app.get(
      '/api/assessment/warnings/export.xlsx',
      {
        schema: {
          tags,
          summary:
            '导出单位预警 Excel: the warnings of GET /api/assessment/warnings, one row per missed target',
          description: `${XLSX_NOTE} Red units first; units see only their own unit and sub-units.`,
          querystring: warningsQuery,
          response: { ...response, 422: errorBody },
        },
      },
      async (req, reply) => {
        const scope = await assessmentScope(reports.db, requireUser(req));
        const scheme = await findScheme(req.query.scheme, reports.env.CIVICLINE_PROFILE_DIR);
        const period = periodParam(req.query.period);
        const result = await unitWarnings(reports, {
          scheme,
          period,
          ...(req.query.asOf ? { asOf: new Date(req.query.asOf) } : {}),
        });
        const visible = await Promise.all(
          result.unitIds.map(async (id) => scope.path === null || (await unitInScope(reports.db, scope, id))),
        );
        return sendXlsx(reply, exportFileName(`单位预警-${period.id}`, now()), [
          unitWarningsSheet(result.items.filter((_w, i) => visible[i])),
        ]);
      },
    );

    app.get(
      '/api/assessment/drill/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出考核明细 Excel: the orders behind one unit’s figure (GET /api/assessment/drill)',
          description: `${XLSX_NOTE} Up to ${DRILL_EXPORT_LIMIT} orders; the figure and its definition below them.`,
          querystring: drillQuery.omit({ limit: true }),
          response,
        },
      },
      async (req, reply) => {
        const q = req.query;
        const scope = await assessmentScope(reports.db, requireUser(req));
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
        return sendXlsx(reply, exportFileName(`考核明细-${unitName}-${result.name}-${q.period}`, now()), [
          drillSheet(result, unitName),
        ]);
      },
    );
  };
}
