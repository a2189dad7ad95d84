import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarYear } from '../../../common/contracts/calendar';
import { yearReport } from './year-report';
import { systemClock } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { appendAudit } from '../audit/audit';
import { requireRole, requireUser } from '../../platform/http';
import {
  importSchedule,
  parseSchedule,
  recomputeOpenOrders,
  reloadCalendarIfNewer,
} from './calendar.service';

export function calendarRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/calendar/:year',
      {
        schema: {
          tags: ['rules'],
          summary: '工作日历 A year: holidays, make-up days, whether provisional',
          params: z.object({ year: z.coerce.number().int().min(1901).max(2099) }),
          response: { 200: calendarYear },
        },
      },
      async (req) => {
        requireUser(req);
        const r = yearReport(ctx.rules.calendar, req.params.year);
        return { ...r, calendarVersion: ctx.rules.calendarVersion };
      },
    );

    app.get(
      '/api/rules',
      { schema: { tags: ['rules'], summary: '当前规则 The active policy profile and calendar version' } },
      async (req) => {
        requireUser(req);
        return {
          profile: ctx.rules.profile,
          calendarVersion: ctx.rules.calendarVersion,
          coveredYears: ctx.rules.calendar.coveredYears,
        };
      },
    );

    app.post(
      '/api/admin/calendar/import',
      {
        schema: {
          tags: ['rules'],
          summary:
            '导入节假日安排 Import a year’s official schedule (holiday-cn JSON); recomputes open orders',
          body: z.unknown(),
        },
      },
      async (req) => {
        requireRole(req, 'admin');
        const schedule = parseSchedule(req.body);
        const admin = requireRole(req, 'admin');
        const version = await importSchedule(ctx, schedule, `api:${admin.username}`);
        await appendAudit(ctx.db, {
          at: systemClock.now(),
          actorUserId: admin.id,
          actorUsername: admin.username,
          ip: admin.ip ?? null,
          action: 'calendar-imported',
          targetType: 'calendar',
          targetId: version,
          details: { year: schedule.year, days: schedule.days.length },
        });
        await reloadCalendarIfNewer(ctx);
        const result = await recomputeOpenOrders(
          ctx,
          `日历版本 ${version}：导入 ${schedule.year} 年节假日安排`,
        );
        return { calendarVersion: version, year: schedule.year, ...result };
      },
    );
  };
}
