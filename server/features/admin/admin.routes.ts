import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemClock, TestClock } from '../../platform/clock';
import { appendAudit } from '../audit/audit';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/http';
import { boundedInstant } from '../../../common/contracts/instant';

/** One pass of the background work (the deadline sweep), handed in by the composition root. */
export type SweepNow = (ctx: AppContext) => Promise<unknown>;

/** Operations for administrators; the clock only exists with CIVICLINE_TEST_CLOCK=1 (never in production). */
export function adminRoutes(ctx: AppContext, tick: SweepNow): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/admin/clock', { schema: { tags: ['admin'], summary: '平台当前时间' } }, async () => ({
      now: ctx.clock.now(),
      testClock: ctx.clock instanceof TestClock,
    }));

    app.post(
      '/api/admin/clock',
      {
        schema: {
          tags: ['admin'],
          summary: '设置测试时钟 Set the platform time (test clock only)',
          body: z.object({ now: boundedInstant }),
        },
      },
      async (req) => {
        const admin = requireRole(req, 'admin');
        if (!(ctx.clock instanceof TestClock)) {
          throw new AppError('FORBIDDEN', '测试时钟未启用（需设置 CIVICLINE_TEST_CLOCK=1）');
        }
        ctx.clock.set(new Date(req.body.now));
        await appendAudit(ctx.db, {
          at: systemClock.now(),
          actorUserId: admin.id,
          actorUsername: admin.username,
          ip: admin.ip ?? null,
          action: 'test-clock-set',
          details: { now: req.body.now },
        });
        // Time moved: what turned yellow, overdue or red is swept at once (reminder slips included).
        const sweep = await tick(ctx);
        return { now: ctx.clock.now(), sweep };
      },
    );

    app.post(
      '/api/admin/sweep',
      { schema: { tags: ['admin'], summary: '立即执行时限扫描 Run the deadline sweep now' } },
      async (req) => {
        requireRole(req, 'admin', 'supervisor');
        return tick(ctx);
      },
    );
  };
}
