import {
  numberComplaintKindLabels,
  numberComplaintKinds,
  type NumberComplaintKind,
} from '../../../common/contracts/service-numbers';
import type { TicketDetail } from '../../../common/contracts/ticket-responses';
import { resolveCategoryRef } from '../../domain/policy/category-keys';
import { complaintCategory, NUMBER_COMPLAINT_KEY } from '../../domain/service-number/number-complaint';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { Trx } from '../tickets/tickets.repository';
import { complaintOfOrder, numberForComplaint } from './service-numbers.repository';

/**
 * Intake of a complaint about a service number (beijing-miyun §26-§27): the number must be in
 * the registry, and the order is filed under the installation's number-complaint category so
 * that the profile's rules reach it (7 natural days, §27; extension terms, §28; the overdue
 * warning and supervision, §30; 0.01 points per upheld complaint, Annex 2 §2(4)). Returns the
 * category to store and the unit that owns the number (the unit it goes to, §27).
 */
export async function checkNumberComplaint(
  ctx: AppContext,
  c: { serviceNumberId: number; kind: NumberComplaintKind; category: string | undefined },
): Promise<{ category: string | null; unitId: number }> {
  const number = await numberForComplaint(ctx.db, c.serviceNumberId);
  if (!number) {
    throw new AppError('VALIDATION_FAILED', `服务号码 ${c.serviceNumberId} 不在号码登记簿中`, [
      { path: '/serviceNumberId', message: 'unknown' },
    ]);
  }
  const { codes } = resolveCategoryRef(ctx.rules.categories, NUMBER_COMPLAINT_KEY);
  const r = complaintCategory(codes, c.kind, c.category);
  if (!r.ok) {
    throw new AppError('VALIDATION_FAILED', `号码投诉的问题分类须为 ${r.allowed.join('、')} 之一`, [
      { path: '/category', message: 'not a service-number complaint category' },
    ]);
  }
  return { category: r.category, unitId: number.unit_id };
}

/** The number an order complains about, for the order's detail (null: not a number complaint). */
export async function numberComplaintOf(db: Trx, ticketId: number): Promise<TicketDetail['numberComplaint']> {
  const r = await complaintOfOrder(db, ticketId);
  if (!r) return null;
  const kind = (numberComplaintKinds as readonly string[]).includes(r.kind ?? '')
    ? (r.kind as NumberComplaintKind)
    : 'other';
  return {
    serviceNumberId: r.id,
    number: r.number,
    name: r.name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    kind,
    kindLabel: numberComplaintKindLabels[kind],
  };
}
