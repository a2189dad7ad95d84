import { z } from 'zod';
import { satisfactions, ticketTypes } from '../enums';
import { isPhoneNumber } from './phone';

/**
 * The citizen portal (/portal): a request from the citizen, its tracking by number and code,
 * the citizen's rating of the reply. Never any personal data in an answer.
 */
export const publicRequestBody = z.object({
  type: z.enum(ticketTypes),
  content: z.string().trim().min(5, '请至少用 5 个字描述您反映的问题').max(2000, '问题描述不能超过 2000 字'),
  name: z.string().trim().max(50, '姓名不能超过 50 字').optional(),
  phone: z
    .string()
    .trim()
    .max(30)
    .refine((p) => isPhoneNumber(p), '请填写正确的联系电话'),
  location: z.string().trim().max(200, '地点不能超过 200 字').optional(),
  confidential: z.boolean().optional(),
  /** The solved proof-of-work challenge (altcha payload, base64) from GET /api/public/challenge. */
  altcha: z.string().max(4000).optional(),
});
export type PublicRequestBody = z.infer<typeof publicRequestBody>;

export const publicRequestCreated = z.object({
  ticketNo: z.string(),
  trackingCode: z.string(),
  /** A matter the hotline may not handle, with the channel to use instead (the center decides). */
  notice: z.string().nullable().optional(),
});

export const publicTrackQuery = z.object({ code: z.string().trim().min(1).max(20) });

export const publicMilestone = z.object({ at: z.string(), label: z.string() });

export const publicRequestStatus = z.object({
  ticketNo: z.string(),
  type: z.enum(ticketTypes),
  status: z.string(),
  /** The status in the citizen's words. */
  statusLabel: z.string(),
  receivedAt: z.string(),
  dispatchedAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The handling unit (an office, never a person). */
  unitName: z.string().nullable(),
  /** The reply the center has approved (or the direct answer, or why it was not accepted). */
  reply: z.object({ text: z.string(), at: z.string() }).nullable(),
  timeline: z.array(publicMilestone),
  photos: z.number(),
  rating: z.object({ rating: z.enum(satisfactions), at: z.string() }).nullable(),
  canRate: z.boolean(),
});
export type PublicRequestStatus = z.infer<typeof publicRequestStatus>;

export const publicRatingBody = z.object({
  code: z.string().trim().min(1).max(20),
  rating: z.enum(satisfactions),
  comment: z.string().trim().max(500, '评价意见不能超过 500 字').optional(),
});

export const publicRatingResult = z.object({ rating: z.enum(satisfactions), at: z.string() });

export const challengeDto = z.object({
  algorithm: z.string(),
  challenge: z.string(),
  maxnumber: z.number().optional(),
  salt: z.string(),
  signature: z.string(),
});

/** The citizen's own rating as the callback clerk sees it. */
export const citizenRatingDto = z.object({
  rating: z.enum(satisfactions),
  comment: z.string().nullable(),
  createdAt: z.string(),
});
