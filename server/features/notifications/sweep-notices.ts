import { formatServiceTime } from '../../../common/service-time';
import type { AppContext } from '../../platform/context';
import { withRetry } from '../../platform/retry';
import { messageUnitStaff } from '../messages/compose';
import {
  centerUsers,
  deadlinesApproaching,
  lockDuePages,
  lockFreeOrders,
  markEscalated,
  notifyUnits,
  recordDeadlineNotices,
} from './notifications.repository';
import { sendPages } from './order-notices';

/**
 * Reminders before handling deadlines (临期催办, beijing-miyun §20): `hoursBefore` the deadline
 * the unit's users get a notification and its liaisons a text message, once per deadline (a
 * changed deadline is reminded again). Orders are locked first (decision 0006); one in use waits
 * for the next tick.
 */
export async function sweepDeadlineNotices(ctx: AppContext): Promise<number> {
  const rule = ctx.rules.profile.messages.unitBeforeDeadline;
  if (!rule) return 0;
  const now = ctx.clock.now();
  const until = new Date(now.getTime() + rule.hoursBefore * 3_600_000);
  const rows = await deadlinesApproaching(ctx.db, now, until, 500);
  if (rows.length === 0) return 0;
  return withRetry(ctx.db, async (trx) => {
    const held = new Set(
      (await lockFreeOrders(trx, [...new Set(rows.map((r) => r.ticket_id))])).map((t) => t.id),
    );
    const mine = rows.filter((r) => held.has(r.ticket_id));
    const recorded = await recordDeadlineNotices(
      trx,
      mine.map((r) => ({ ticketId: r.ticket_id, stage: r.stage, dueAt: r.due_at })),
      now,
    );
    const fresh = new Set(recorded.map((r) => r.ticket_id));
    let n = 0;
    for (const r of mine.filter((x) => fresh.has(x.ticket_id))) {
      const unitId = r.unit_id ?? r.lead_unit_id;
      if (!unitId) continue;
      const dueAt = formatServiceTime(r.due_at, 'minute');
      await notifyUnits(trx, [unitId], {
        kind: 'deadline',
        ticketId: r.ticket_id,
        title: `临期提醒：工单 ${r.ticket_no} 将于 ${dueAt} 到期`,
        at: now,
      });
      await messageUnitStaff(trx, {
        ticketId: r.ticket_id,
        unitId,
        roles: ['unit-leader'],
        template: 'unit-deadline',
        vars: { ticketNo: r.ticket_no, dueAt },
        now,
      });
      n++;
    }
    return n;
  });
}

/**
 * Pages not acknowledged in time escalate once each: a liaison's or duty leader's page goes to
 * the center's leaders, a leader's to the center's administrators (the last step).
 */
export async function escalatePages(ctx: AppContext): Promise<number> {
  const paging = ctx.rules.profile.messages.paging;
  const now = ctx.clock.now();
  return withRetry(ctx.db, async (trx) => {
    const due = await lockDuePages(trx, now);
    if (due.length === 0) return 0;
    await markEscalated(
      trx,
      due.map((p) => p.id),
      now,
    );
    const leaders = await centerUsers(trx, ['leader']);
    const admins = await centerUsers(trx, ['admin']);
    let n = 0;
    // One escalation per order and level: several unanswered pages of an order go up once.
    const seen = new Set<string>();
    for (const p of due) {
      if (p.level >= 2) continue;
      const key = `${p.ticket_id}:${p.level}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const next = p.level === 0 ? leaders.filter((u) => u.id !== p.user_id) : [];
      const people = next.length > 0 ? next : admins;
      await sendPages(trx, {
        ticketId: p.ticket_id,
        ticketNo: p.ticket_no,
        people,
        level: next.length > 0 ? 1 : 2,
        ackMinutes: paging?.ackMinutes ?? 15,
        now,
      });
      n++;
    }
    return n;
  });
}
