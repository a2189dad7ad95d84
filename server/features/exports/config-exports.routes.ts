import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listMessagesQuery } from '../../../common/contracts/notifications';
import type { AppContext } from '../../platform/context';
import { findApiKeys } from '../api-keys/api-keys';
import { yearReport } from '../calendar/year-report';
import { adminTree, mappingsView } from '../categories/categories.service';
import { listDeskOrders } from '../enterprises/enterprise-desk';
import { listSynonymGroups } from '../kb/kb-synonym.repository';
import { messageLog } from '../messages/message-log';
import { findWebhooks } from '../webhooks/webhooks';
import {
  apiKeysSheet,
  calendarSheet,
  categorySheets,
  deskOrdersSheet,
  messagesSheet,
  synonymsSheet,
  webhooksSheet,
} from './config-export';
import { searchQuery } from './registry-exports.routes';
import { xlsxRoute } from './xlsx-route';

const yearParam = z.object({ year: z.coerce.number().int().min(1901).max(2099) });

/** Exports of the configuration lists and the enterprise desk, each with its list's permission. */
export function configExportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const now = () => ctx.clock.now();
  return async (app) => {
    xlsxRoute(app, now, {
      path: '/api/admin/categories/export.xlsx',
      summary:
        '导出问题分类 Excel: the tree of GET /api/admin/categories and the key mapping (administrators)',
      description:
        'Sheets: every category in tree order, disabled ones included; the profile’s category keys.',
      roles: ['admin'],
      name: '问题分类',
      build: async () => categorySheets((await adminTree(ctx)).items, await mappingsView(ctx)),
    });
    xlsxRoute(app, now, {
      path: '/api/admin/messages/export.xlsx',
      summary: '导出短信记录 Excel: the log of GET /api/admin/messages with the same order filter',
      description: 'Recipients masked, tracking codes withheld, as in the log.',
      querystring: listMessagesQuery,
      roles: ['admin'],
      name: '短信记录',
      build: async (_user, q) => messagesSheet(await messageLog(ctx, q.ticketId ?? null)),
    });
    xlsxRoute(app, now, {
      path: '/api/admin/webhooks/export.xlsx',
      summary: '导出推送订阅 Excel: the subscriptions of GET /api/admin/webhooks with delivery counts',
      description: 'Never the secret or the key.',
      name: '推送订阅',
      build: async (user) => webhooksSheet((await findWebhooks(ctx, user)).items),
    });
    xlsxRoute(app, now, {
      path: '/api/admin/api-keys/export.xlsx',
      summary: '导出接口密钥 Excel: the keys of GET /api/admin/api-keys (prefix only)',
      name: '接口密钥',
      build: async (user) => apiKeysSheet((await findApiKeys(ctx, user)).items),
    });
    xlsxRoute(app, now, {
      path: '/api/calendar/export.xlsx',
      summary: '导出工作日历 Excel: the year of GET /api/calendar/:year, holidays and make-up working days',
      querystring: yearParam,
      build: (_user, q) => ({
        name: `工作日历-${q.year}`,
        sheets: [calendarSheet(yearReport(ctx.rules.calendar, q.year))],
      }),
    });
    xlsxRoute(app, now, {
      path: '/api/kb/synonyms/export.xlsx',
      summary: '导出同义词 Excel: the groups of GET /api/kb/synonyms (knowledge-base editors)',
      description: "q: a word contains (the tab's search).",
      querystring: searchQuery,
      roles: ['kb-editor', 'admin'],
      name: '同义词',
      build: async (_user, q) => synonymsSheet(await listSynonymGroups(ctx.db), q.q),
    });
    xlsxRoute(app, now, {
      path: '/api/enterprise-desk/orders/export.xlsx',
      summary: '导出电子工单 Excel: the e-orders of GET /api/enterprise-desk/orders (the enterprise’s own)',
      name: '电子工单',
      build: async (user) => deskOrdersSheet(await listDeskOrders(ctx, user)),
    });
  };
}
