import type { AppContext } from '../platform/context';
import { recomputeOpenOrders, reloadCalendarIfNewer } from '../features/calendar/calendar.service';
import { performActionIn } from '../features/tickets/perform-action';

export interface SweepResult {
  yellow: number;
  overdue: number;
  red: number;
  reminders: number;
}

const KIND_BY_LEVEL = ['', 'yellow', 'overdue', 'red'] as const;

/**
 * The deadline sweep: finds stage deadlines that turned yellow, overdue or red and were not
 * alerted yet (indexed range scans on warn_at / due_at / red_at), records each alert once
 * (primary key), and at red issues the automatic reminder slip (催办单, zibo-12345 §12) as a
 * `remind` event plus a system supervision item. Safe with several instances: rows are taken
 * with FOR UPDATE SKIP LOCKED and an alert that already exists is never issued again.
 */
export async function runSweep(ctx: AppContext, opts: { batchSize?: number } = {}): Promise<SweepResult> {
  const now = ctx.clock.now();
  const batchSize = opts.batchSize ?? 200;
  const result: SweepResult = { yellow: 0, overdue: 0, red: 0, reminders: 0 };
  for (;;) {
    const processed = await ctx.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('ticket_deadline as d')
        .innerJoin('ticket as t', 't.id', 'd.ticket_id')
        .select(['d.ticket_id', 'd.stage', 'd.due_at', 'd.warn_at', 'd.red_at', 'd.alert_level', 't.status'])
        .where('d.met_at', 'is', null)
        .where('t.status', 'not in', ['suspended', 'closed', 'answered', 'not_accepted', 'merged'])
        .where((eb) =>
          eb.or([
            eb.and([eb('d.alert_level', '<', 1), eb('d.warn_at', '<=', now)]),
            eb.and([eb('d.alert_level', '<', 2), eb('d.due_at', '<=', now)]),
            eb.and([eb('d.alert_level', '<', 3), eb('d.red_at', '<=', now)]),
          ]),
        )
        .orderBy('d.due_at')
        .limit(batchSize)
        .forUpdate('d')
        .skipLocked()
        .execute();
      for (const r of rows) {
        const reached = r.red_at && r.red_at <= now ? 3 : r.due_at <= now ? 2 : 1;
        for (let level = r.alert_level + 1; level <= reached; level++) {
          if (level === 1 && !r.warn_at) continue;
          if (level === 3 && !r.red_at) continue;
          const kind = KIND_BY_LEVEL[level] as 'yellow' | 'overdue' | 'red';
          const inserted = await trx
            .insertInto('ticket_alert')
            .values({ ticket_id: r.ticket_id, stage: r.stage, kind, due_at: r.due_at, created_at: now })
            .onConflict((oc) => oc.doNothing())
            .returning('kind')
            .executeTakeFirst();
          if (!inserted) continue;
          result[kind]++;
          if (kind === 'red' && ['dispatched', 'in_progress', 'replied'].includes(r.status)) {
            await performActionIn(ctx, trx, null, r.ticket_id, 'remind', {
              note: `${r.stage} 超期一个工作日，系统自动催办`,
            });
            await trx
              .insertInto('supervision')
              .values({
                ticket_id: r.ticket_id,
                trigger: 'overdue',
                mode: 'system',
                note: `催办单：${r.stage} 已超期`,
                unit_id: null,
                created_by: null,
                created_at: now,
                respond_by: null,
              })
              .execute();
            result.reminders++;
          }
        }
        // Stages that never get a yellow or red light skip straight past those levels.
        const level = Math.max(r.alert_level, reached === 2 && !r.red_at ? 3 : reached);
        await trx
          .updateTable('ticket_deadline')
          .set({ alert_level: level })
          .where('ticket_id', '=', r.ticket_id)
          .where('stage', '=', r.stage)
          .execute();
        if (r.stage === 'handleBy') {
          await trx
            .updateTable('ticket')
            .set({ light: KIND_BY_LEVEL[reached] ?? 'green' })
            .where('id', '=', r.ticket_id)
            .execute();
        }
      }
      return rows.length;
    });
    if (processed < batchSize) break;
  }
  return result;
}

/**
 * One tick of the background job: pick up a calendar version stored by another process (the
 * command line, another instance) and recompute open orders under it, then sweep.
 */
export async function tick(ctx: AppContext): Promise<SweepResult> {
  if (await reloadCalendarIfNewer(ctx)) {
    const r = await recomputeOpenOrders(ctx, `日历版本 ${ctx.rules.calendarVersion} 生效`);
    ctx.logger.info(
      { ...r, calendarVersion: ctx.rules.calendarVersion },
      'calendar changed: open orders recomputed',
    );
  }
  return runSweep(ctx);
}

/** Runs the job every `intervalMs` until stopped. */
export function startSweeper(ctx: AppContext, intervalMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    tick(ctx)
      .catch((err: unknown) => ctx.logger.error({ err }, 'deadline sweep failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
