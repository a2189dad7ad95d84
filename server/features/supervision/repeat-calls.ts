import { repeatCallTrigger } from '../../domain/supervision/supervision-rules';
import type { Rules } from '../../platform/context';
import { appendEvent, lockTicket, type Trx } from '../tickets/tickets.repository';
import { recordSupervision } from './record-supervision';
import { sameMatter, storedTokens, textSide } from '../../domain/similar/score';
import {
  earlierOrdersOfCaller,
  hasOpenSupervision,
  repeatCallSubject,
  type RepeatCallSubject,
} from './supervision.repository';

/**
 * At intake: a call about a matter already closed (same caller phone, and the same category or
 * a text alike enough to be a repeat — server/domain/similar — within the profile's window) supervises the unit that closed it — zibo-12345 §15(2) (办理完毕后多次反弹、
 * 重复投诉), shanghai-962200 §12(3) (不满意且重复来电3次以上). The supervision is recorded on the
 * closed order (the unit that handled it answers for it), once while it is unanswered.
 * Runs in the intake transaction; the earlier order is locked before its rows (decision 0006).
 */
export async function superviseRepeatCalls(
  trx: Trx,
  rules: Rules,
  newOrderId: number,
  now: Date,
  /** The new order as intake just wrote it (saves reading it back). */
  written?: RepeatCallSubject,
): Promise<void> {
  const rule = rules.profile.supervision?.repeatCalls;
  if (!rule) return;
  const order = written ?? (await repeatCallSubject(trx, newOrderId));
  if (!order?.caller_phone) return;
  const subject = {
    category: order.category_code,
    side: textSide(order.content, storedTokens(order.content_tokens)),
  };
  const earlier = (
    await earlierOrdersOfCaller(trx, {
      phone: order.caller_phone,
      since: new Date(now.getTime() - rule.windowDays * 86_400_000),
      exceptId: newOrderId,
    })
  ).filter((o) =>
    sameMatter(subject, {
      category: o.category_code,
      side: textSide(o.content, storedTokens(o.content_tokens)),
    }),
  );
  const hit = repeatCallTrigger(
    rules.profile,
    now,
    earlier.map((o) => ({
      id: o.id,
      receivedAt: o.received_at,
      closedAt: o.status === 'closed' ? o.closed_at : null,
      resultUnsatisfied: o.result_satisfaction === 'unsatisfied',
    })),
  );
  if (!hit) return;
  const closed = await lockTicket(trx, hit.closedOrderId);
  if (!closed?.lead_unit_id) return;
  if (await hasOpenSupervision(trx, closed.id, hit.trigger)) return;
  const note = `办结后重复来电：工单 ${order.ticket_no} 为第 ${hit.repeats} 次重复来电`;
  await recordSupervision(trx, rules, {
    ticketId: closed.id,
    trigger: hit.trigger,
    mode: 'system',
    note,
    unitId: closed.lead_unit_id,
    createdBy: null,
    now,
  });
  await appendEvent(trx, {
    ticketId: closed.id,
    at: now,
    actorUserId: null,
    actorUnitId: null,
    action: 'supervise',
    party: 'system',
    payload: { trigger: hit.trigger, mode: 'system', note, repeatOrderId: newOrderId },
    from: closed.status,
    to: closed.status,
  });
}
