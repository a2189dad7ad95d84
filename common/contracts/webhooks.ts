import { z } from 'zod';
import { channels, sourceLevels, ticketTypes, urgencies } from '../enums';
import { callerInput, locationInput } from './tickets';

/**
 * Webhooks (推送订阅) and the exchange between installations (平台间交换): the HTTP contracts.
 * A delivery is a POST of JSON with headers X-CivicLine-Event, X-CivicLine-Delivery (one id per
 * delivery, kept on retries) and X-CivicLine-Signature: sha256=<hex HMAC-SHA256 of the raw body>.
 */

/** The events named in the issue; any other action of an order is `ticket.<action>`. */
export const webhookEvents = [
  'ticket.created',
  'ticket.dispatched',
  'ticket.accept',
  'ticket.replied',
  'ticket.closed',
  'ticket.overdue',
] as const;

export const webhookEventLabels: Record<string, string> = {
  '*': '全部事件',
  'ticket.created': '工单登记',
  'ticket.dispatched': '派单',
  'ticket.accept': '签收',
  'ticket.replied': '答复',
  'ticket.closed': '办结',
  'ticket.overdue': '超期',
};

export const webhookFormats = ['event', 'exchange'] as const;
export const webhookFormatLabels: Record<(typeof webhookFormats)[number], string> = {
  event: '事件通知（不含个人信息）',
  exchange: '平台交换（向上级平台报告进展）',
};

const eventName = z
  .string()
  .trim()
  .regex(/^(\*|ticket\.[a-z-]{2,40})$/, '事件名称应为 ticket.<动作> 或 *');

export const createWebhookBody = z.object({
  url: z
    .string()
    .trim()
    .max(500)
    .refine((u) => /^https?:\/\/[^\s]+$/.test(u), '请填写 http(s) 地址'),
  events: z
    .array(eventName)
    .min(1, '请至少选择一个事件')
    .max(50)
    .transform((e) => [...new Set(e)]),
  secret: z.string().min(16, '签名密钥至少 16 个字符').max(200),
  /** Sent as X-API-Key (the exchange key another installation issued). */
  apiKey: z.string().min(8).max(200).optional(),
  /** exchange: reports orders received from another installation; the URL may hold {externalNo}. */
  format: z.enum(webhookFormats).default('event'),
});
export type CreateWebhookBody = z.input<typeof createWebhookBody>;

export const webhookDto = z.object({
  id: z.number(),
  url: z.string(),
  events: z.array(z.string()),
  format: z.enum(webhookFormats),
  hasApiKey: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  pending: z.number(),
  failed: z.number(),
  delivered: z.number(),
});
export type WebhookDto = z.infer<typeof webhookDto>;
export const webhookList = z.object({ items: z.array(webhookDto) });

export const deliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export const deliveryStatusLabels: Record<(typeof deliveryStatuses)[number], string> = {
  pending: '待投递',
  delivered: '已送达',
  failed: '已放弃',
};

export const webhookDeliveryDto = z.object({
  id: z.string(),
  event: z.string(),
  ticketId: z.number(),
  ticketNo: z.string().nullable(),
  status: z.enum(deliveryStatuses),
  attempts: z.number(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type WebhookDeliveryDto = z.infer<typeof webhookDeliveryDto>;
export const webhookDeliveryList = z.object({ items: z.array(webhookDeliveryDto) });

/** The body of an `event` delivery: no personal data. */
export interface WebhookEventBody {
  event: string;
  occurredAt: string;
  ticket: { id: number; number: string; status: string };
}

/** A remote installation: the unit's endpoint (base URL) and the exchange key it issued us. */
export const unitExchangeBody = z.object({
  endpoint: z
    .string()
    .trim()
    .max(500)
    .refine((u) => /^https?:\/\/[^\s]+$/.test(u), '请填写 http(s) 地址')
    .nullable(),
  apiKey: z.string().min(8).max(200).optional(),
});

/** An order forwarded by the city installation, or a provincial order (channel province). */
export const exchangeOrderBody = z.object({
  externalNo: z.string().trim().min(1).max(64),
  channel: z.enum(channels).default('hotline-12345'),
  level: z.enum(sourceLevels).optional(),
  type: z.enum(ticketTypes),
  category: z.string().max(20).optional(),
  urgency: z.enum(urgencies).default('normal'),
  content: z.string().trim().min(1).max(5000),
  demand: z.string().max(2000).optional(),
  caller: callerInput.default({ confidential: false }),
  location: locationInput.default({}),
  note: z.string().max(2000).optional(),
});
export type ExchangeOrderBody = z.input<typeof exchangeOrderBody>;
export const exchangeOrderAccepted = z.object({
  id: z.number(),
  ticketNo: z.string(),
  created: z.boolean(),
});

/** A status change of a forwarded order, reported back by the installation that handles it. */
export const exchangeStatusBody = z.object({
  event: z.string().max(60),
  action: z.string().max(40).nullable(),
  status: z.string().max(40),
  occurredAt: z.string().max(40),
  ticketNo: z.string().max(64),
  result: z.string().max(5000).optional(),
  contacted: z.boolean().optional(),
  note: z.string().max(2000).optional(),
});
export type ExchangeStatusBody = z.infer<typeof exchangeStatusBody>;
export const exchangeStatusAccepted = z.object({
  ticketId: z.number(),
  applied: z.array(z.string()),
  duplicate: z.boolean(),
});
