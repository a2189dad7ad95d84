import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { intakeStatsQuery } from '../../../common/contracts/statistics';
import { listTicketsQuery } from '../../../common/contracts/tickets';
import { reportContext, type AppContext } from '../../platform/context';
import { errorBody, requireRole, requireUser } from '../../platform/http';
import { assessUnits } from '../assessment/assess-units';
import { assessmentScope, unitInScope } from '../assessment/assessment-scope';
import { assessmentQuery, sliceFilter } from '../assessment/assessment.schemas';
import { periodParam } from '../assessment/period-param';
import { findScheme } from '../assessment/schemes';
import { assessmentSheet, auditSheet, intakeStatsSheet } from './report-exports';
import { ticketExportSheet } from './ticket-export';
import { deskExportRoutes } from './desk-exports.routes';
import { registryExportRoutes } from './registry-exports.routes';
import { exportFileName, sendXlsx, XLSX_NOTE } from './xlsx-stream';

const tags = ['exports'];
const xlsxNote = XLSX_NOTE;

export const ticketExportQuery = listTicketsQuery.omit({ page: true, pageSize: true, cursor: true });
export const auditExportQuery = z.object({
  action: z.string().max(40).optional(),
  targetType: z.string().max(20).optional(),
  targetId: z.string().max(40).optional(),
  ticketNo: z.string().trim().max(40).optional(),
  actor: z.string().trim().max(64).optional(),
});

/** Excel exports of the lists and statistics (issue 16), each with its screen's filters. */
export function exportRoutes(appCtx: AppContext): FastifyPluginAsyncZod {
  const reports = reportContext(appCtx);
  return async (app) => {
    await app.register(deskExportRoutes(appCtx));
    await app.register(registryExportRoutes(appCtx));

    app.get(
      '/api/tickets/export.xlsx',
      {
        config: { apiKeyScopes: ['unit'] },
        schema: {
          tags,
          summary: '导出工单列表 Excel: the order list with the filters of GET /api/tickets, every page',
          description: `${xlsxNote} The rows and their masking are the list's; unmasked callers are audited as for the list (one entry per page read). At most 100,000 rows.`,
          querystring: ticketExportQuery,
          response: { 400: errorBody, 401: errorBody, 403: errorBody },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const sheet = await ticketExportSheet(appCtx, user, req.query);
        return sendXlsx(reply, exportFileName('工单列表', appCtx.clock.now()), [sheet]);
      },
    );

    app.get(
      '/api/stats/intake/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出受理量统计 Excel: the figures of GET /api/stats/intake with the same filters',
          description: xlsxNote,
          querystring: intakeStatsQuery,
          response: { 400: errorBody, 401: errorBody, 403: errorBody },
        },
      },
      async (req, reply) => {
        const sheet = await intakeStatsSheet(reports.db, requireUser(req), req.query);
        return sendXlsx(reply, exportFileName('受理量统计', appCtx.clock.now()), [sheet]);
      },
    );

    app.get(
      '/api/assessment/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出考核结果 Excel: the ranking of GET /api/assessment with the same filters',
          description: `${xlsxNote} Rates in percent.`,
          querystring: assessmentQuery,
          response: { 400: errorBody, 401: errorBody, 403: errorBody },
        },
      },
      async (req, reply) => {
        const scope = await assessmentScope(reports.db, requireUser(req));
        const scheme = await findScheme(req.query.scheme, reports.env.CIVICLINE_PROFILE_DIR);
        const period = periodParam(req.query.period);
        const result = await assessUnits(reports, {
          scheme,
          period,
          filter: sliceFilter(req.query),
          ...(req.query.asOf ? { asOf: new Date(req.query.asOf) } : {}),
        });
        // Units see only their own unit and sub-units, as on the screen.
        const visible =
          scope.path === null
            ? result.units
            : (
                await Promise.all(
                  result.units.map(async (u) =>
                    (await unitInScope(reports.db, scope, u.unitId)) ? u : null,
                  ),
                )
              ).filter((u) => u !== null);
        const name = `考核结果-${scheme.name}-${period.id}`;
        return sendXlsx(reply, exportFileName(name, appCtx.clock.now()), [
          assessmentSheet({ ...result, units: visible }),
        ]);
      },
    );

    app.get(
      '/api/admin/audit/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出审计日志 Excel: the entries of GET /api/admin/audit with the same filters',
          description: `${xlsxNote} Newest first, at most 100,000 entries.`,
          querystring: auditExportQuery,
          response: { 400: errorBody, 401: errorBody, 403: errorBody },
        },
      },
      async (req, reply) => {
        requireRole(req, 'admin', 'supervisor');
        return sendXlsx(reply, exportFileName('审计日志', appCtx.clock.now()), [
          auditSheet(appCtx.db, req.query),
        ]);
      },
    );
  };
}
