import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listEnterprisesQuery } from '../../../common/contracts/enterprises';
import { listIncidentsQuery } from '../../../common/contracts/incidents';
import { listApplicationsQuery } from '../../../common/contracts/service-numbers';
import type { AppContext } from '../../platform/context';
import { errorBody, requireRole, requireUser } from '../../platform/http';
import { articleListQuery } from '../kb/kb.schemas';
import { incidentsSheet, unitsSheet, usersSheet } from './admin-export';
import {
  articlesSheet,
  contributionsSheet,
  noticeFilters,
  overdueSheets,
  policyNoticesSheet,
} from './kb-export';
import { applicationsSheet, enterprisesSheet, serviceNumbersSheet } from './registry-export';
import { exportFileName, sendXlsx, XLSX_NOTE } from './xlsx-stream';

const tags = ['exports'];
const response = { 400: errorBody, 401: errorBody, 403: errorBody };
const unitFilter = z.object({ unitId: z.coerce.number().int().positive().optional() });
/** The administration tabs' search box (matched as on the screen). */
const searchQuery = z.object({ q: z.string().trim().max(100).optional() });

/** Exports of the registers: knowledge base, enterprises, service numbers, users, units, incidents. */
export function registryExportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const now = () => ctx.clock.now();
  return async (app) => {
    app.get(
      '/api/kb/articles/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出知识条目 Excel: the articles of GET /api/kb/articles with the same filters',
          description: `${XLSX_NOTE} Every page; units see published entries and their own.`,
          querystring: articleListQuery.omit({ page: true, pageSize: true }),
          response,
        },
      },
      async (req, reply) =>
        sendXlsx(reply, exportFileName('知识条目', now()), [
          await articlesSheet(ctx, requireUser(req), req.query),
        ]),
    );

    app.get(
      '/api/kb/policy-notices/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出政策发布登记 Excel: GET /api/kb/policy-notices with the screen’s state filter',
          description: `${XLSX_NOTE} state: all | open (待答复) | overdue (已超期) | answered (按时或逾期答复).`,
          querystring: unitFilter.extend({ state: z.enum(noticeFilters).default('all') }),
          response,
        },
      },
      async (req, reply) =>
        sendXlsx(reply, exportFileName('政策发布登记', now()), [
          await policyNoticesSheet(ctx, requireUser(req), req.query),
        ]),
    );

    app.get(
      '/api/kb/reports/overdue/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出知识更新超期 Excel: GET /api/kb/reports/overdue, per unit and item by item',
          description: XLSX_NOTE,
          querystring: unitFilter,
          response,
        },
      },
      async (req, reply) =>
        sendXlsx(
          reply,
          exportFileName('知识更新超期', now()),
          await overdueSheets(ctx, requireUser(req), req.query),
        ),
    );

    app.get(
      '/api/kb/contributions/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出公众贡献 Excel: the contributions of GET /api/kb/contributions with the same status',
          description: `${XLSX_NOTE} Knowledge-base managers only, as the list.`,
          querystring: z.object({ status: z.enum(['pending', 'accepted', 'rejected']).optional() }),
          response,
        },
      },
      async (req, reply) =>
        sendXlsx(reply, exportFileName('公众贡献', now()), [
          await contributionsSheet(ctx, requireUser(req), req.query),
        ]),
    );

    app.get(
      '/api/service-numbers/applications/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出号码申请 Excel: the applications of GET /api/service-numbers/applications',
          description: `${XLSX_NOTE} The center's review queue or the unit's own, with the same status filter.`,
          querystring: listApplicationsQuery,
          response,
        },
      },
      async (req, reply) =>
        sendXlsx(reply, exportFileName('号码申请', now()), [
          await applicationsSheet(ctx, requireUser(req), req.query),
        ]),
    );

    app.get(
      '/api/enterprises/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出加盟企业 Excel: the enterprises of GET /api/enterprises with the same filters',
          description: `${XLSX_NOTE} Contact people masked as in the list.`,
          querystring: listEnterprisesQuery.omit({ limit: true }),
          response,
        },
      },
      async (req, reply) =>
        sendXlsx(reply, exportFileName('加盟企业', now()), [
          await enterprisesSheet(ctx, requireUser(req), req.query),
        ]),
    );

    app.get(
      '/api/service-numbers/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出号码登记簿 Excel: the registry of GET /api/service-numbers',
          description: XLSX_NOTE,
          response,
        },
      },
      async (req, reply) =>
        sendXlsx(reply, exportFileName('号码登记簿', now()), [
          await serviceNumbersSheet(ctx, requireUser(req)),
        ]),
    );

    app.get(
      '/api/incidents/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出重大事件 Excel: the incidents of GET /api/incidents with the same status filter',
          description: XLSX_NOTE,
          querystring: listIncidentsQuery.omit({ limit: true }),
          response,
        },
      },
      async (req, reply) =>
        sendXlsx(reply, exportFileName('重大事件', now()), [
          await incidentsSheet(ctx, requireUser(req), req.query),
        ]),
    );

    app.get(
      '/api/admin/users/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出用户 Excel: the accounts of GET /api/admin/users (administrators)',
          description: `${XLSX_NOTE} q: username, name or unit contains (the tab's search).`,
          querystring: searchQuery,
          response,
        },
      },
      async (req, reply) => {
        requireRole(req, 'admin');
        return sendXlsx(reply, exportFileName('用户', now()), [await usersSheet(ctx, req.query)]);
      },
    );

    app.get(
      '/api/units/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出单位 Excel: the unit tree of GET /api/units',
          description: `${XLSX_NOTE} q: name or code contains (the tab's search).`,
          querystring: searchQuery,
          response,
        },
      },
      async (req, reply) => {
        requireUser(req);
        return sendXlsx(reply, exportFileName('单位', now()), [await unitsSheet(ctx, req.query)]);
      },
    );
  };
}
