import { createHash, randomInt } from 'node:crypto';
import {
  isMobile,
  normalisePhone,
  releaseAfterQuietHours,
  renderTemplate,
  type SmsTemplate,
} from '../../domain/messages/messages';
import type { Role } from '../../../common/enums';
import type { AppContext } from '../../platform/context';
import type { Trx } from '../tickets/tickets.repository';
import { enqueueSms, enqueueForUnitRoles, type NewSms } from './messages.repository';

/** Writes text messages into the outbox inside the order change's transaction. */

/** A message to a citizen: only to a mobile, after the profile's quiet hours. */
export async function messageCitizen(
  ctx: AppContext,
  trx: Trx,
  m: {
    ticketId: number;
    phone: string | null;
    template: SmsTemplate;
    vars: Record<string, string>;
    now: Date;
  },
): Promise<boolean> {
  if (!isMobile(m.phone)) return false;
  await enqueueSms(trx, [
    {
      ticketId: m.ticketId,
      to: normalisePhone(m.phone),
      audience: 'citizen',
      template: m.template,
      text: renderTemplate(m.template, m.vars),
      params: m.vars,
      at: m.now,
      sendAt: releaseAfterQuietHours(m.now, ctx.rules.profile.messages.quietHours),
    },
  ]);
  return true;
}

/** The same message to staff members with a mobile (sent at once: duty does not wait). */
export async function messageStaff(
  trx: Trx,
  m: {
    ticketId: number;
    mobiles: readonly (string | null)[];
    template: SmsTemplate;
    vars: Record<string, string>;
    now: Date;
  },
): Promise<void> {
  const text = renderTemplate(m.template, m.vars);
  const rows: NewSms[] = [...new Set(m.mobiles.filter(isMobile).map(normalisePhone))].map((to) => ({
    ticketId: m.ticketId,
    to,
    audience: 'staff',
    template: m.template,
    text,
    params: m.vars,
    at: m.now,
    sendAt: m.now,
  }));
  await enqueueSms(trx, rows);
}

/** A message to the users of a unit with one of the roles and a mobile, in one statement. */
export async function messageUnitStaff(
  trx: Trx,
  m: {
    ticketId: number;
    unitId: number;
    roles: readonly Role[];
    template: SmsTemplate;
    vars: Record<string, string>;
    now: Date;
  },
): Promise<void> {
  await enqueueForUnitRoles(trx, {
    ticketId: m.ticketId,
    unitId: m.unitId,
    roles: m.roles,
    template: m.template,
    text: renderTemplate(m.template, m.vars),
    params: m.vars,
    at: m.now,
  });
}

/** Tracking code alphabet: digits and capitals without the look-alikes 0/O, 1/I/L. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newTrackingCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export function trackingCodeHash(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

/**
 * At intake, where the profile says so: the citizen's message with the order number and the
 * tracking code for the citizen portal (the order stores only the code's sha256).
 */
export async function onIntake(
  ctx: AppContext,
  trx: Trx,
  o: { ticketId: number; ticketNo: string; trackingCode: string; callerPhone: string | null; now: Date },
): Promise<void> {
  if (!ctx.rules.profile.messages.citizenOnIntake) return;
  await messageCitizen(ctx, trx, {
    ticketId: o.ticketId,
    phone: o.callerPhone,
    template: 'citizen-intake',
    vars: { ticketNo: o.ticketNo, trackingCode: o.trackingCode },
    now: o.now,
  });
}
