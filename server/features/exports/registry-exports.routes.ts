import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listEnterprisesQuery } from '../../../common/contracts/enterprises';
import { listIncidentsQuery } from '../../../common/contracts/incidents';
import { listApplicationsQuery, listReviewsQuery } from '../../../common/contracts/service-numbers';
import type { AppContext } from '../../platform/context';
import { articleListQuery } from '../kb/kb.schemas';
import { incidentsSheet, unitsSheet, usersSheet } from './admin-export';
import {
  articlesSheet,
  contributionsSheet,
  noticeFilters,
  overdueSheets,
  policyNoticesSheet,
} from './kb-export';
import { applicationsSheet, enterprisesSheet, reviewsSheet, serviceNumbersSheet } from './registry-export';
import { xlsxRoute } from './xlsx-route';

const unitFilter = z.object({ unitId: z.coerce.number().int().positive().optional() });
/** The administration tabs' search box (matched as on the screen). */
export const searchQuery = z.object({ q: z.string().trim().max(100).optional() });

/** Exports of the registers: knowledge base, enterprises, service numbers, users, units, incidents. */
export function registryExportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const now = () => ctx.clock.now();
  return async (app) => {
    xlsxRoute(app, now, {
      path: '/api/kb/articles/export.xlsx',
      summary: '导出知识条目 Excel: the articles of GET /api/kb/articles with the same filters',
      description: 'Every page; units see published entries and their own.',
      querystring: articleListQuery.omit({ page: true, pageSize: true }),
      name: '知识条目',
      build: async (user, q) => articlesSheet(ctx, user, q),
    });
    xlsxRoute(app, now, {
      path: '/api/kb/policy-notices/export.xlsx',
      summary: '导出政策发布登记 Excel: GET /api/kb/policy-notices with the screen’s state filter',
      description: 'state: all | open (待答复) | overdue (已超期) | answered (按时或逾期答复).',
      querystring: unitFilter.extend({ state: z.enum(noticeFilters).default('all') }),
      name: '政策发布登记',
      build: async (user, q) => policyNoticesSheet(ctx, user, q),
    });
    xlsxRoute(app, now, {
      path: '/api/kb/reports/overdue/export.xlsx',
      summary: '导出知识更新超期 Excel: GET /api/kb/reports/overdue, per unit and item by item',
      querystring: unitFilter,
      name: '知识更新超期',
      build: async (user, q) => overdueSheets(ctx, user, q),
    });
    xlsxRoute(app, now, {
      path: '/api/kb/contributions/export.xlsx',
      summary: '导出公众贡献 Excel: the contributions of GET /api/kb/contributions with the same status',
      description: 'Knowledge-base managers only, as the list.',
      querystring: z.object({ status: z.enum(['pending', 'accepted', 'rejected']).optional() }),
      name: '公众贡献',
      build: async (user, q) => contributionsSheet(ctx, user, q),
    });
    xlsxRoute(app, now, {
      path: '/api/service-numbers/applications/export.xlsx',
      summary: '导出号码申请 Excel: the applications of GET /api/service-numbers/applications',
      description: "The center's review queue or the unit's own, with the same status filter.",
      querystring: listApplicationsQuery,
      name: '号码申请',
      build: async (user, q) => applicationsSheet(ctx, user, q),
    });
    xlsxRoute(app, now, {
      path: '/api/service-numbers/reviews/export.xlsx',
      summary: '导出半年审核 Excel: the review tasks of GET /api/service-numbers/reviews for the same period',
      description: 'The center sees every unit, a unit its own tree; each task with its changes and report.',
      querystring: listReviewsQuery,
      name: '半年审核',
      build: async (user, q) => reviewsSheet(ctx, user, q),
    });
    xlsxRoute(app, now, {
      path: '/api/enterprises/export.xlsx',
      summary: '导出加盟企业 Excel: the enterprises of GET /api/enterprises with the same filters',
      description: 'Contact people masked as in the list.',
      querystring: listEnterprisesQuery.omit({ limit: true }),
      name: '加盟企业',
      build: async (user, q) => enterprisesSheet(ctx, user, q),
    });
    xlsxRoute(app, now, {
      path: '/api/service-numbers/export.xlsx',
      summary: '导出号码登记簿 Excel: the registry of GET /api/service-numbers',
      name: '号码登记簿',
      build: async (user) => serviceNumbersSheet(ctx, user),
    });
    xlsxRoute(app, now, {
      path: '/api/incidents/export.xlsx',
      summary: '导出重大事件 Excel: the incidents of GET /api/incidents with the same status filter',
      querystring: listIncidentsQuery.omit({ limit: true }),
      name: '重大事件',
      build: async (user, q) => incidentsSheet(ctx, user, q),
    });
    xlsxRoute(app, now, {
      path: '/api/admin/users/export.xlsx',
      summary: '导出用户 Excel: the accounts of GET /api/admin/users (administrators)',
      description: "q: username, name or unit contains (the tab's search).",
      querystring: searchQuery,
      roles: ['admin'],
      name: '用户',
      build: async (_user, q) => usersSheet(ctx, q),
    });
    xlsxRoute(app, now, {
      path: '/api/units/export.xlsx',
      summary: '导出单位 Excel: the unit tree of GET /api/units',
      description: "q: name or code contains (the tab's search).",
      querystring: searchQuery,
      name: '单位',
      build: async (_user, q) => unitsSheet(ctx, q),
    });
  };
}
