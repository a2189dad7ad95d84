import { z } from 'zod';
import { isPhoneNumber } from './phone';

/** The HTTP contract of notifications (通知), text messages (短信), duty rosters (值班) and pages. */

export const notificationKinds = [
  'new-order',
  'reminder',
  'deadline',
  'decision',
  'supervision',
  'emergency',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const notificationKindLabels: Record<NotificationKind, string> = {
  'new-order': '新工单',
  reminder: '催办单',
  deadline: '临期提醒',
  decision: '申请结果',
  supervision: '督办',
  emergency: '紧急工单',
};

export const notificationDto = z.object({
  id: z.number(),
  kind: z.enum(notificationKinds),
  ticketId: z.number().nullable(),
  title: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationDto = z.infer<typeof notificationDto>;

export const notificationList = z.object({ items: z.array(notificationDto), unread: z.number() });
export type NotificationList = z.infer<typeof notificationList>;

export const listNotificationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Older than this id (the next page). */
  before: z.coerce.number().int().positive().optional(),
});

export const streamTicketDto = z.object({ ticket: z.string(), expiresAt: z.string() });
/** Without a valid ticket the stream answers 401, as every route without a session. */
export const streamQuery = z.object({ ticket: z.string().max(128).optional() });

export const smsStatuses = ['pending', 'sent', 'failed', 'suppressed'] as const;
export const smsStatusLabels: Record<(typeof smsStatuses)[number], string> = {
  pending: '待发送',
  sent: '已发送',
  failed: '发送失败',
  suppressed: '已退订不发送',
};
export const messageDto = z.object({
  id: z.number(),
  channel: z.literal('sms'),
  to: z.string(),
  template: z.string(),
  text: z.string(),
  status: z.enum(smsStatuses),
  attempts: z.number(),
  ticketId: z.number().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type MessageDto = z.infer<typeof messageDto>;
export const listMessagesQuery = z.object({ ticketId: z.coerce.number().int().positive().optional() });

export const optOutBody = z.object({
  phone: z
    .string()
    .trim()
    .max(40)
    .refine((s) => isPhoneNumber(s), '手机号码格式不正确'),
  reason: z.string().trim().max(200).optional(),
});

export const dutyDayParams = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
});
export const dutyBody = z.object({ userId: z.number().int().positive() });
export const dutyQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export const dutyDto = z.object({ day: z.string(), userId: z.number(), displayName: z.string() });

export const pageDto = z.object({
  id: z.number(),
  ticketId: z.number(),
  ticketNo: z.string(),
  level: z.number(),
  createdAt: z.string(),
  escalateAt: z.string(),
  ackedAt: z.string().nullable(),
});
export type PageDto = z.infer<typeof pageDto>;
