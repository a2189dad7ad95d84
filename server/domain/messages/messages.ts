/**
 * Text messages (短信) as pure rules: the templates and their Chinese texts, quiet hours, the
 * retry schedule and the masked recipient. No I/O, no clock: `now` is an argument.
 */
import { SERVICE_OFFSET_MS } from '../../../common/service-time';

export const smsTemplates = {
  'citizen-intake':
    '您反映的问题已受理，工单号{ticketNo}，查询码{trackingCode}，可凭工单号和查询码查询办理进度。',
  'citizen-reply': '您反映的问题（工单号{ticketNo}）已有办理结果，承办单位已答复。',
  'citizen-rating': '您反映的问题（工单号{ticketNo}）已办结，请对办理结果评价：{ratingLink}',
  'unit-dispatch': '新工单{ticketNo}已派至{unitName}，办理时限{dueAt}，请及时签收办理。',
  'unit-deadline': '工单{ticketNo}将于{dueAt}到期，请及时办理并答复。',
  'unit-reminder': '催办单：工单{ticketNo}已超期，请尽快办理并答复。',
  'page-emergency': '紧急工单{ticketNo}需立即处置，请登录系统确认收到。',
} as const;
export type SmsTemplate = keyof typeof smsTemplates;

/** The template's text with its variables filled; an unknown variable is an error. */
export function renderTemplate(template: SmsTemplate, vars: Record<string, string>): string {
  return smsTemplates[template].replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`template ${template}: missing variable ${name}`);
    return v;
  });
}

const minutesOf = (hm: string): number => {
  const [h = '0', m = '0'] = hm.split(':');
  return Number(h) * 60 + Number(m);
};

/**
 * When a message to a citizen may go: `now` outside the quiet hours, else the end of the quiet
 * hours (service time, UTC+8). Quiet hours may run over midnight (22:00–08:00).
 */
export function releaseAfterQuietHours(now: Date, quiet: { from: string; to: string } | null): Date {
  if (!quiet) return now;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return now;
  const local = now.getTime() + SERVICE_OFFSET_MS;
  const dayStart = Math.floor(local / 86_400_000) * 86_400_000;
  const minute = (local - dayStart) / 60_000;
  const inQuiet = from < to ? minute >= from && minute < to : minute >= from || minute < to;
  if (!inQuiet) return now;
  // The quiet hours end at `to` today, or tomorrow when they began today before midnight.
  const endDay = from > to && minute >= from ? dayStart + 86_400_000 : dayStart;
  return new Date(endDay + to * 60_000 - SERVICE_OFFSET_MS);
}

/** Attempts before a message is given up as failed. */
export const SMS_MAX_ATTEMPTS = 6;

/** The wait before the next attempt after `attempts` failures: 1, 2, 4, 8, 16 minutes. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

/** A phone number shown in logs and lists: only its last four digits. */
export function maskRecipient(phone: string): string {
  const digits = phone.replace(/\s/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}

/** A phone that can receive a text message (a mainland mobile number). */
export function isMobile(phone: string | null | undefined): phone is string {
  return !!phone && /^1[3-9]\d{9}$/.test(phone.replace(/[\s-]/g, ''));
}

/** Normalised form of a phone for opt-out lookups: digits only, without the +86 prefix. */
export function normalisePhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return d.length === 13 && d.startsWith('86') ? d.slice(2) : d;
}
