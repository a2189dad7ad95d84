import type { Light, StageKey } from '../../common/enums';
import { orderLightAt, type StageLine } from '../domain/sla/order-light';
import { sweepCrossings } from '../domain/sla/sweep-crossings';
import type { AppContext } from '../platform/context';
import {
  recomputeForProfileChange,
  recomputeOpenOrders,
  reloadCalendarIfNewer,
} from '../features/calendar/calendar.service';
import { reloadCategoriesIfNewer } from '../features/categories/categories.service';
import { performActionIn } from '../features/tickets/perform-action';
import { withRetry } from '../platform/retry';
import {
  candidateOrders,
  crossedDeadlines,
  lockFreeOrders,
  ordersWithLines,
  quietStatuses,
  setLights,
  writeSweep,
} from './sweep.repository';
import { recordSupervision } from '../features/supervision/record-supervision';
import { sweepIncidents } from '../features/incidents/sweep-incidents';
import { superviseOverdueNumberComplaints } from '../features/service-numbers/overdue-complaints';
import { IDEMPOTENCY_KEY_HOURS } from '../features/tickets/idempotency';
import { pruneKeys } from '../features/tickets/idempotency.repository';
import { escalatePages, sweepDeadlineNotices } from '../features/notifications/sweep-notices';
import { deliverOutbox } from '../features/messages/deliver-outbox';
import { enqueueOverdue } from '../features/webhooks/outbox';
import { superviseUnits } from '../features/supervision/unit-triggers';

export interface SweepResult {
  yellow: number;
  overdue: number;
  red: number;
  reminders: number;
}

/** Passes over orders that were in use, before they are left for the next tick. */
const RETRY_ROUNDS = 3;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function emptyResult(): SweepResult {
  return { yellow: 0, overdue: 0, red: 0, reminders: 0 };
}

/**
 * The deadline sweep: finds stage deadlines that turned yellow, overdue or red and were not
 * alerted yet (indexed range scans on warn_at / due_at / red_at), records each alert once
 * (primary key), and at red issues the automatic reminder slip (催办单, zibo-12345 §12) as a
 * `remind` event plus a system supervision item.
 *
 * Lock order (decision 0006): the order first, then its rows. Candidates are read without a
 * lock (three index range scans, a page of up to 10,000 orders), a batch of them (1,000) is locked
 * in id order with FOR UPDATE SKIP LOCKED, and only then
 * are their deadline rows re-read and locked. An order a clerk (or another sweeper) is acting on
 * is skipped and tried again after the forward pass, up to RETRY_ROUNDS times; what is still in
 * use is left for the next tick. Safe with several instances: an alert that already exists is
 * never issued again. Each batch is a handful of set-based statements, whatever its size.
 */
export async function runSweep(
  ctx: AppContext,
  opts: { batchSize?: number; pageSize?: number } = {},
): Promise<SweepResult> {
  const now = ctx.clock.now();
  const batchSize = opts.batchSize ?? 1000;
  const pageSize = Math.max(batchSize, opts.pageSize ?? 10_000);
  const result = emptyResult();
  let inUse: number[] = [];
  for (let after = 0; ;) {
    const page = await candidateOrders(ctx.db, now, after, pageSize);
    for (let i = 0; i < page.ids.length; i += batchSize) {
      inUse.push(...(await sweepOrders(ctx, now, page.ids.slice(i, i + batchSize), result)));
    }
    if (!page.full || page.last === null) break;
    after = page.last;
  }
  for (let round = 1; round <= RETRY_ROUNDS && inUse.length > 0; round++) {
    await sleep(10 * round);
    const again: number[] = [];
    for (let i = 0; i < inUse.length; i += batchSize) {
      again.push(...(await sweepOrders(ctx, now, inUse.slice(i, i + batchSize), result)));
    }
    inUse = again;
  }
  if (inUse.length > 0) {
    ctx.logger.info({ deferred: inUse.length }, 'deadline sweep: orders in use are left for the next tick');
  }
  return result;
}

/**
 * One batch in one transaction, set-based: one statement locks the orders, one re-reads their
 * crossed lines, one writes every alert (`on conflict do nothing`: an alert that exists is never
 * issued again), alert level and light; only reminder slips go order by order (their `remind`
 * action recomputes the order's deadlines and light after the sweep's). Returns the orders that
 * were in use (not locked, not swept).
 */
async function sweepOrders(ctx: AppContext, now: Date, ids: number[], total: SweepResult): Promise<number[]> {
  const slip = ctx.rules.profile.lights?.red?.reminderSlip === true;
  const { counted, inUse } = await withRetry(ctx.db, async (trx) => {
    const counted = emptyResult(); // per attempt: a rolled-back attempt counts nothing
    const locked = await lockFreeOrders(trx, ids);
    const held = new Set(locked.map((t) => t.id));
    const running = locked.filter((t) => !(quietStatuses as readonly string[]).includes(t.status));
    const statusOf = new Map(running.map((t) => [t.id, t.status]));
    const lightOf = new Map(locked.map((t) => [t.id, t.light as Light]));
    const lines = await crossedDeadlines(trx, now, [...statusOf.keys()]);
    const writes = sweepCrossings(lines, { status: statusOf, light: lightOf }, now);
    const inserted = await writeSweep(trx, writes, now);
    // Webhooks: ticket.overdue, written with the alerts (one statement for the batch).
    const overdue = inserted.filter((a) => a.kind === 'overdue').map((a) => a.ticketId);
    await enqueueOverdue(trx, overdue, now);
    for (const a of inserted) {
      counted[a.kind]++;
      // The automatic reminder slip (催办单) where the profile issues one at red [zibo-12345 §12].
      const status = statusOf.get(a.ticketId) ?? '';
      if (a.kind === 'red' && slip && ['dispatched', 'in_progress', 'replied'].includes(status)) {
        await performActionIn(ctx, trx, null, a.ticketId, 'remind', {
          note: `${a.stage} 超期一个工作日，系统自动催办`,
        });
        await recordSupervision(trx, ctx.rules, {
          ticketId: a.ticketId,
          trigger: 'overdue',
          mode: 'system',
          note: `催办单：${a.stage} 已超期`,
          createdBy: null,
          now,
          notify: false,
        });
        counted.reminders++;
      }
    }
    return { counted, inUse: ids.filter((id) => !held.has(id)) };
  });
  total.yellow += counted.yellow;
  total.overdue += counted.overdue;
  total.red += counted.red;
  total.reminders += counted.reminders;
  return inUse;
}

/**
 * The stored lights checked against the rule in force (orderLightAt: the stages still owed), in
 * batches, at the first tick: orders stored under an older rule (a light frozen at a reply, a
 * stage no longer owed) leave the queues at once. Suspended orders keep theirs (frozen). Writes
 * through the sweep's own light statement; returns how many lights changed.
 */
export async function refreshLights(ctx: AppContext, batchSize = 1000): Promise<number> {
  const now = ctx.clock.now();
  let changed = 0;
  for (let after = 0; ;) {
    const { orders, lines } = await ordersWithLines(ctx.db, after, batchSize);
    const byOrder = new Map<number, StageLine[]>();
    for (const l of lines) {
      const list = byOrder.get(l.ticket_id) ?? [];
      list.push({
        stage: l.stage as StageKey,
        dueAt: l.due_at,
        warnAt: l.warn_at,
        redAt: l.red_at,
        metAt: l.met_at,
      });
      byOrder.set(l.ticket_id, list);
    }
    const updates = orders
      .filter((o) => o.status !== 'suspended')
      .map((o) => ({
        ticketId: o.id,
        was: o.light,
        light: orderLightAt(byOrder.get(o.id) ?? [], o.status, [], now),
      }))
      .filter((u) => u.light !== u.was);
    if (updates.length > 0) {
      // Each order is locked before its light is written (decision 0006); one in use is left to its action.
      await withRetry(ctx.db, async (trx) => {
        const held = new Set(
          (
            await lockFreeOrders(
              trx,
              updates.map((u) => u.ticketId),
            )
          ).map((t) => t.id),
        );
        await setLights(
          trx,
          updates.filter((u) => held.has(u.ticketId)),
        );
      });
      changed += updates.length;
    }
    if (orders.length < batchSize) break;
    after = orders[orders.length - 1]?.id ?? after;
  }
  return changed;
}

/** Contexts whose open orders were checked against the profile in force. */
const profileChecked = new WeakSet<AppContext>();

/**
 * One tick of the background job: pick up a calendar version stored by another process (the
 * command line, another instance) and recompute open orders under it, then sweep.
 */
export async function tick(ctx: AppContext): Promise<SweepResult> {
  // First tick: open orders computed under another profile (id or version) are recomputed.
  if (!profileChecked.has(ctx)) {
    const r = await recomputeForProfileChange(ctx);
    profileChecked.add(ctx);
    if (r.changed > 0) {
      ctx.logger.info({ ...r, profile: ctx.rules.profile.id }, 'profile changed: open orders recomputed');
    }
    const lights = await refreshLights(ctx);
    if (lights > 0) ctx.logger.info({ lights }, 'stored lights brought up to the stages still owed');
  }
  if (await reloadCalendarIfNewer(ctx)) {
    const r = await recomputeOpenOrders(ctx, `日历版本 ${ctx.rules.calendarVersion} 生效`);
    ctx.logger.info(
      { ...r, calendarVersion: ctx.rules.calendarVersion },
      'calendar changed: open orders recomputed',
    );
  }
  // A category tree or mapping changed by another instance (which recomputed the open orders).
  await reloadCategoriesIfNewer(ctx);
  const result = await runSweep(ctx);
  // Major-incident report deadlines (shanghai-962200 §15, beijing-miyun §8): overdue alerts once.
  await sweepIncidents(ctx);
  // Complaints about service numbers a working day past their deadline (beijing-miyun §30).
  await superviseOverdueNumberComplaints(ctx);
  // Units in the last places of the month's ranking, units behind on the knowledge base (zibo §15).
  await superviseUnits(ctx);
  // Reminders before deadlines (beijing-miyun §20), unanswered emergency pages, the text messages.
  await sweepDeadlineNotices(ctx);
  await escalatePages(ctx);
  await deliverOutbox(ctx);
  // Idempotency keys are remembered for a day; a retry comes within minutes.
  await pruneKeys(ctx.db, new Date(ctx.clock.now().getTime() - IDEMPOTENCY_KEY_HOURS * 3_600_000));
  return result;
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
