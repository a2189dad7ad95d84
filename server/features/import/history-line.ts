/**
 * One line of a history file (JSON lines): an order with its whole event history.
 *
 *   {"ticketNo","receivedAt","channel","type","category","region","urgency","level","caller",
 *    "content","events":[{"at","action","unitId"|"unitCode","payload"}]}
 *
 * Events use the API's action names and payloads; wherever the API takes a unit id the file
 * may give a unit code instead (see docs/decisions/0004-history-import.md).
 */
import { z } from 'zod';
import { channels, sourceLevels, ticketTypes, urgencies } from '../../../common/enums';
import { parseInstant } from '../../domain/calendar';
import { INSTANT_RANGE_MESSAGE, isInstantInRange } from '../../../common/contracts/instant';

const instant = z.string().transform((s, ctx) => {
  try {
    const at = parseInstant(s);
    if (!isInstantInRange(at.getTime())) {
      ctx.addIssue({ code: 'custom', message: INSTANT_RANGE_MESSAGE });
      return z.NEVER;
    }
    return at;
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : 'not a date-time' });
    return z.NEVER;
  }
});

const optText = (max: number) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().max(max))
    .nullish()
    .transform((v) => (v ? v : null));

const unitCode = z.string().trim().min(1).max(64);

export const historyEventSchema = z.object({
  at: instant,
  action: z.string().trim().min(1).max(40),
  unitId: z.number().int().positive().optional(),
  unitCode: unitCode.optional(),
  payload: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((p) => p ?? {}),
});

export const historyLineSchema = z.object({
  ticketNo: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1).max(40)),
  receivedAt: instant,
  channel: z.enum(channels).default('phone'),
  type: z.enum(ticketTypes),
  category: optText(40),
  region: optText(50),
  urgency: z.enum(urgencies).default('normal'),
  level: z.enum(sourceLevels).default('city'),
  caller: z
    .object({
      name: optText(50),
      phone: optText(30),
      address: optText(200),
      confidential: z.boolean().default(false),
    })
    .nullish()
    .transform((c) => c ?? { name: null, phone: null, address: null, confidential: false }),
  content: z.string().trim().min(1, '缺少诉求内容').max(5000),
  demand: optText(1000),
  address: optText(200),
  complex: z.boolean().default(false),
  tags: z.array(z.string().max(20)).max(20).default([]),
  events: z.array(historyEventSchema).max(1000).default([]),
});

export type HistoryLine = z.infer<typeof historyLineSchema>;
export type HistoryEvent = z.infer<typeof historyEventSchema>;

export type LineParse = { ok: true; order: HistoryLine } | { ok: false; reason: string };

export function parseHistoryLine(text: string): LineParse {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, reason: '不是合法的 JSON' };
  }
  const r = historyLineSchema.safeParse(doc);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, reason: i ? `${i.path.join('.') || '(line)'}: ${i.message}` : '格式不正确' };
  }
  return { ok: true, order: r.data };
}
