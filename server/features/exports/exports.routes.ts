import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { intakeStatsQuery } from '../../../common/contracts/statistics';
import { listTicketsQuery } from '../../../common/contracts/tickets';
import { reportContext, type AppContext } from '../../platform/context';
import { assessUnits } from '../assessment/assess-units';
import { assessmentScope, unitInScope } from '../assessment/assessment-scope';
import { assessmentQuery, sliceFilter } from '../assessment/assessment.schemas';
import { periodParam } from '../assessment/period-param';
import { findScheme } from '../assessment/schemes';
import { assessmentSheet, auditSheet, intakeStatsSheet } from './report-exports';
import { ticketExportSheet } from './ticket-export';
import { deskExportRoutes } from './desk-exports.routes';
import { registryExportRoutes } from './registry-exports.routes';
import { configExportRoutes } from './config-exports.routes';
import { xlsxRoute } from './xlsx-route';

export const ticketExportQuery = listTicketsQuery.omit({ page: true, pageSize: true, cursor: true });
export const auditExportQuery = z.object({
  action: z.string().max(40).optional(),
  targetType: z.string().max(20).optional(),
  targetId: z.string().max(40).optional(),
  ticketNo: z.string().trim().max(40).optional(),
  actor: z.string().trim().max(64).optional(),
});

/** Excel exports of the lists and statistics, each with its screen's filters. */
export function exportRoutes(appCtx: AppContext): FastifyPluginAsyncZod {
  const reports = reportContext(appCtx);
  const now = () => appCtx.clock.now();
  return async (app) => {
    await app.register(deskExportRoutes(appCtx));
    await app.register(registryExportRoutes(appCtx));
    await app.register(configExportRoutes(appCtx));

    xlsxRoute(app, now, {
      path: '/api/tickets/export.xlsx',
      apiKeyScopes: ['unit'],
      summary: '导出工单列表 Excel: the order list with the filters of GET /api/tickets, every page',
      description:
        "The rows and their masking are the list's; unmasked callers are audited as for the list (one entry per page read). At most 100,000 rows.",
      querystring: ticketExportQuery,
      name: '工单列表',
      build: async (user, q) => ticketExportSheet(appCtx, user, q),
    });
    xlsxRoute(app, now, {
      path: '/api/stats/intake/export.xlsx',
      summary: '导出受理量统计 Excel: the figures of GET /api/stats/intake with the same filters',
      querystring: intakeStatsQuery,
      name: '受理量统计',
      build: async (user, q) => intakeStatsSheet(reports.db, user, q),
    });
    xlsxRoute(app, now, {
      path: '/api/assessment/export.xlsx',
      summary: '导出考核结果 Excel: the ranking of GET /api/assessment with the same filters',
      description: 'Rates in percent.',
      querystring: assessmentQuery,
      build: async (user, q) => {
        const scope = await assessmentScope(reports.db, user);
        const scheme = await findScheme(q.scheme, reports.env.CIVICLINE_PROFILE_DIR);
        const period = periodParam(q.period);
        const result = await assessUnits(reports, {
          scheme,
          period,
          filter: sliceFilter(q),
          ...(q.asOf ? { asOf: new Date(q.asOf) } : {}),
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
        return {
          name: `考核结果-${scheme.name}-${period.id}`,
          sheets: [assessmentSheet({ ...result, units: visible })],
        };
      },
    });
    xlsxRoute(app, now, {
      path: '/api/admin/audit/export.xlsx',
      summary: '导出审计日志 Excel: the entries of GET /api/admin/audit with the same filters',
      description: 'Newest first, at most 100,000 entries.',
      querystring: auditExportQuery,
      roles: ['admin', 'supervisor'],
      name: '审计日志',
      build: (_user, q) => auditSheet(appCtx.db, q),
    });
  };
}
