import { z } from 'zod';
import { boundedInstant } from './instant';

/** The HTTP contract of the telephone system (CTI): call events, call figures, screen pops. */

export const callEventTypes = ['offered', 'answered', 'abandoned', 'ended', 'transferred'] as const;
export type CallEventType = (typeof callEventTypes)[number];

export const callEventBody = z.object({
  callId: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\w.:@-]+$/, 'callId: letters, digits and . : @ _ - only'),
  type: z.enum(callEventTypes),
  at: boundedInstant,
  /** The caller's number as the exchange reports it. */
  caller: z.string().trim().max(40).optional(),
  /** The agent's username. */
  agent: z.string().trim().max(100).optional(),
  queue: z.string().trim().max(100).optional(),
});
export type CallEventBody = z.infer<typeof callEventBody>;

export const callEventAccepted = z.object({ callId: z.string(), stored: z.boolean() });

export const callFiguresQuery = z
  .object({ from: boundedInstant, to: boundedInstant })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: '起始时间须早于结束时间' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 367 * 86_400_000, {
    message: '统计区间不能超过一年',
  });

const counts = {
  offered: z.number(),
  answered: z.number(),
  abandoned: z.number(),
  answeredWithin10s: z.number(),
};

export const callFigures = z.object({
  from: z.string(),
  to: z.string(),
  ...counts,
  /** answered / offered; null when nothing was offered. */
  connectionRate: z.number().nullable(),
  /** answeredWithin10s / offered; null when nothing was offered. */
  within10sRate: z.number().nullable(),
  /** Mean of (answered − offered) over answered calls, in seconds; null when none was answered. */
  averageWaitSeconds: z.number().nullable(),
  /** By hour of day (0-23, Beijing time), all 24 hours. */
  byHour: z.array(z.object({ hour: z.number(), ...counts })),
  /** By day (YYYY-MM-DD, Beijing time), days with calls. */
  byDay: z.array(z.object({ day: z.string(), ...counts })),
  /** Answered calls per agent. */
  byAgent: z.array(
    z.object({
      agent: z.string(),
      displayName: z.string().nullable(),
      answered: z.number(),
      answeredWithin10s: z.number(),
      averageWaitSeconds: z.number().nullable(),
    }),
  ),
  byQueue: z.array(z.object({ queue: z.string().nullable(), ...counts })),
  /**
   * The active profile's targets for these figures (beijing-miyun §14: answered within 10 s;
   * tianjin-wuqing §1: every call answered), each with whether the period met it (null: no calls).
   */
  targets: z.array(
    z.object({
      figure: z.enum(['connectionRate', 'within10sRate']),
      target: z.number(),
      actual: z.number().nullable(),
      met: z.boolean().nullable(),
      article: z.string(),
    }),
  ),
});
export type CallFigures = z.infer<typeof callFigures>;

/** What an agent's browser receives when a call it answered is put through. */
export const callPop = z.object({
  callId: z.string(),
  caller: z.string().nullable(),
  queue: z.string().nullable(),
  answeredAt: z.string(),
});
export type CallPop = z.infer<typeof callPop>;

export const streamTicket = z.object({ ticket: z.string(), expiresAt: z.string() });

/** The call an order was taken on (order detail: 来电 …). */
export const orderCall = z.object({
  call: z
    .object({
      callId: z.string(),
      caller: z.string().nullable(),
      queue: z.string().nullable(),
      offeredAt: z.string().nullable(),
      answeredAt: z.string().nullable(),
      endedAt: z.string().nullable(),
      agent: z.string().nullable(),
    })
    .nullable(),
});
export type OrderCall = z.infer<typeof orderCall>;

/** A call with its timeline and the orders taken on it (center roles). */
export const callDetail = z.object({
  callId: z.string(),
  caller: z.string().nullable(),
  queue: z.string().nullable(),
  agent: z.string().nullable(),
  offeredAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  abandonedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  events: z.array(z.object({ type: z.enum(callEventTypes), at: z.string(), receivedAt: z.string() })),
  orders: z.array(z.object({ id: z.number(), ticketNo: z.string() })),
});
export type CallDetail = z.infer<typeof callDetail>;

export const callIdParam = z.object({ callId: callEventBody.shape.callId });
