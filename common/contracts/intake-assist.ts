import { z } from 'zod';
import { urgencies } from '../enums';

/**
 * Intake assistance (智能填单 / 智能派单 / 重复件): what the server proposes from the citizen's own
 * words while the agent types, and the orders that look like the same matter. The form works
 * without any of it: a suggestion is only ever accepted by the agent.
 */

/** Longest text the suggestion and similarity endpoints take (characters). */
export const maxAssistTextLength = 5000;

export const suggestRequest = z.object({
  content: z.string().trim().min(1).max(maxAssistTextLength),
  location: z.string().max(500).nullish(),
  callerPhone: z.string().max(40).nullish(),
});
export type SuggestRequest = z.infer<typeof suggestRequest>;

const confidence = z.number().min(0).max(1);

/** One order that looks like the same matter, best first. */
export const similarOrder = z.object({
  ticketId: z.number().int(),
  ticketNo: z.string(),
  /** Similarity in [0, 1]. */
  score: confidence,
  /** Same matter, same place: a repeat (重复件) to merge rather than a new order. */
  likelyDuplicate: z.boolean(),
  /** Why it was found, in Chinese (同一来电号码, 内容相近, 同一地点 …). */
  reason: z.string(),
  status: z.string(),
  /** Closed on the same facts (zibo-12345 §11(1)). */
  closed: z.boolean(),
  createdAt: z.string(),
  /** Short, masked summary of the content for the list. */
  summary: z.string(),
});
export type SimilarOrder = z.infer<typeof similarOrder>;

export const similarResponse = z.object({
  items: z.array(similarOrder),
  /** The caller has repeated a matter that was already closed many times (flagged for the supervisor). */
  repeatedClosedMatter: z.boolean().optional(),
});
export type SimilarResponse = z.infer<typeof similarResponse>;

export const suggestResponse = z.object({
  category: z
    .object({
      code: z.string(),
      label: z.string(),
      confidence,
      alternatives: z.array(z.object({ code: z.string(), label: z.string(), confidence })).optional(),
    })
    .nullable(),
  unit: z
    .object({
      id: z.number().int(),
      name: z.string(),
      confidence,
      /** Why this unit, in Chinese (历史同类工单多由该单位办理, 分类对应单位 …). */
      reason: z.string(),
    })
    .nullable(),
  urgency: z.enum(urgencies),
  emergency: z
    .object({
      likely: z.boolean(),
      reason: z.string(),
      /** The profile article the emergency words come from. */
      article: z.string().optional(),
    })
    .nullable(),
  outOfScope: z
    .object({
      matter: z.string(),
      channel: z.string(),
      /** The profile article that puts the matter out of scope, and the words found. */
      article: z.string().optional(),
      terms: z.array(z.string()).optional(),
    })
    .nullable(),
  extracted: z.object({
    phones: z.array(z.string()),
    addresses: z.array(z.string()),
    times: z.array(z.string()),
    idNumbers: z.array(z.string()),
  }),
  similar: z.array(similarOrder),
  /** Which models answered (name and version), or null when no model is trained yet. */
  model: z.object({ category: z.string().nullable(), unit: z.string().nullable() }).optional(),
});
export type SuggestResponse = z.infer<typeof suggestResponse>;
