import { formatServiceTime, serviceDate } from '../../../common/service-time';
import type { ActionName } from '../../../common/contracts/tickets';
import type { NotificationKind } from '../../../common/contracts/notifications';
import {
  activeAssignments,
  leadAssignment,
  type Assignment,
  type OrderChanges,
  type UnitFacts,
} from '../../domain/ticket/order';
import type { AppContext } from '../../platform/context';
import { messageCitizen, messageStaff, messageUnitStaff } from '../messages/compose';
import type { TicketRow, Trx } from '../tickets/tickets.repository';
import {
  centerUsers,
  dutyLeaderOn,
  insertPages,
  notifyUnits,
  notifyUsers,
  usersOfUnits,
} from './notifications.repository';

/**
 * What an order change tells people, written in the change's own transaction: notifications to
 * the users of the units concerned (one INSERT … SELECT per unit set), text messages into the
 * outbox, and pages for emergency orders. Only units the order is assigned to are told (they
 * see the order, visibility rule 6); titles carry the order number and the fact, never the
 * caller (rule 5).
 */
export interface ActionNotice {
  action: ActionName;
  /** The order as it was loaded (before the change). */
  ticket: TicketRow;
  /** Assignments before the change. */
  before: readonly Assignment[];
  units: ReadonlyMap<number, UnitFacts>;
  changes: OrderChanges;
}

const decisionTitles: Partial<Record<ActionName, string>> = {
  'approve-return': '回退申请已同意',
  'reject-return': '回退申请被驳回',
  'approve-extension': '延期申请已同意',
  'reject-extension': '延期申请被驳回',
};

const time = (d: Date | null | undefined) => (d ? formatServiceTime(d, 'minute') : '—');

export async function noticesForAction(ctx: AppContext, trx: Trx, n: ActionNotice): Promise<void> {
  const now = ctx.clock.now();
  const { ticket, changes, action } = n;
  const no = ticket.ticket_no;
  const rules = ctx.rules.profile.messages;
  const tell = (unitIds: number[], kind: NotificationKind, title: string) =>
    notifyUnits(trx, [...new Set(unitIds)], { kind, ticketId: ticket.id, title, at: now });

  // A new order for my unit: every assignment the change created (dispatch, transfer, redo).
  const inserted = changes.assignmentInserts.map((a) => a.unit_id);
  if (inserted.length > 0) {
    await tell(inserted, 'new-order', `新工单 ${no} 已派至本单位，请及时签收`);
    if (rules.unitOnDispatch) {
      for (const unitId of new Set(inserted)) {
        await messageUnitStaff(trx, {
          ticketId: ticket.id,
          unitId,
          roles: ['unit-leader'],
          template: 'unit-dispatch',
          vars: {
            ticketNo: no,
            unitName: n.units.get(unitId)?.name ?? '贵单位',
            dueAt: time(changes.patch.handle_due_at),
          },
          now,
        });
      }
    }
    const lead = changes.assignmentInserts.find((a) => a.role === 'lead') ?? changes.assignmentInserts[0];
    const paging = rules.paging;
    if (lead && paging && (paging.urgencies as readonly string[]).includes(ticket.urgency)) {
      await pageForEmergency(ctx, trx, { ticketId: ticket.id, ticketNo: no, unitId: lead.unit_id, now });
    }
  }

  const active = activeAssignments(changes.assignments).map((a) => a.unit_id);
  if (action === 'remind') {
    await tell(active, 'reminder', `催办单：工单 ${no} 请尽快办理答复`);
    if (rules.unitWithReminderSlip) {
      for (const unitId of new Set(active)) {
        await messageUnitStaff(trx, {
          ticketId: ticket.id,
          unitId,
          roles: ['unit-leader'],
          template: 'unit-reminder',
          vars: { ticketNo: no },
          now,
        });
      }
    }
  }

  const decision = decisionTitles[action];
  if (decision) {
    // The unit that asked: the units active before the decision (a return ends the assignment).
    const asked = activeAssignments(n.before).map((a) => a.unit_id);
    await tell(asked, 'decision', `工单 ${no} ${decision}`);
  }

  if (changes.supervisions.length > 0) {
    const lead = leadAssignment(changes.assignments)?.unit_id;
    const units = changes.supervisions.map((s) => s.unit_id ?? lead).filter((u): u is number => !!u);
    await tell(units, 'supervision', `督办：工单 ${no} 请按时答复督办意见`);
  }

  if (action === 'approve-reply' && rules.citizenOnReply) {
    await messageCitizen(ctx, trx, {
      ticketId: ticket.id,
      phone: ticket.caller_phone,
      template: 'citizen-reply',
      vars: { ticketNo: no },
      now,
    });
  }
  if (action === 'close' && rules.ratingLink && ctx.env.CIVICLINE_PUBLIC_URL) {
    await messageCitizen(ctx, trx, {
      ticketId: ticket.id,
      phone: ticket.caller_phone,
      template: 'citizen-rating',
      vars: {
        ticketNo: no,
        ratingLink: `${ctx.env.CIVICLINE_PUBLIC_URL.replace(/\/$/, '')}/public/track?no=${no}`,
      },
      now,
    });
  }
}

/**
 * Pages for an emergency order: the handling unit's liaisons (联络员, role unit-leader) and the
 * duty leader of the day (值班领导, the roster; holidays included, tianjin-urban §4(7); without a
 * roster entry: the center's leaders). Each page is a notification and a text message and must
 * be acknowledged within the profile's minutes, else it escalates (the sweep).
 */
export async function pageForEmergency(
  ctx: AppContext,
  trx: Trx,
  e: { ticketId: number; ticketNo: string; unitId: number; now: Date },
): Promise<void> {
  const paging = ctx.rules.profile.messages.paging;
  if (!paging) return;
  const liaisons = await usersOfUnits(trx, [e.unitId], ['unit-leader']);
  const duty = await dutyLeaderOn(trx, serviceDate(e.now));
  const leaders = duty ? [duty] : await centerUsers(trx, ['leader']);
  const people = [...liaisons, ...leaders.slice(0, 1)];
  await sendPages(trx, { ...e, people, level: 0, ackMinutes: paging.ackMinutes });
}

export async function sendPages(
  trx: Trx,
  p: {
    ticketId: number;
    ticketNo: string;
    people: readonly { id: number; mobile: string | null }[];
    level: number;
    ackMinutes: number;
    now: Date;
  },
): Promise<void> {
  const ids = [...new Set(p.people.map((u) => u.id))];
  if (ids.length === 0) return;
  const escalateAt = new Date(p.now.getTime() + p.ackMinutes * 60_000);
  await insertPages(
    trx,
    ids.map((userId) => ({ ticketId: p.ticketId, userId, level: p.level, at: p.now, escalateAt })),
  );
  await notifyUsers(trx, ids, {
    kind: 'emergency',
    ticketId: p.ticketId,
    title: `${p.level > 0 ? '【升级】' : ''}紧急工单 ${p.ticketNo} 需立即处置，请确认收到`,
    at: p.now,
  });
  await messageStaff(trx, {
    ticketId: p.ticketId,
    mobiles: p.people.map((u) => u.mobile),
    template: 'page-emergency',
    vars: { ticketNo: p.ticketNo },
    now: p.now,
  });
}
