/**
 * Time limits of a policy profile: the limit kinds (duration, office hours, no limit), the
 * conditions a case applies to and the rule sets (a default plus cases). Each cites its article.
 */
import { z } from 'zod';
import { sourceLevels, ticketTypes, urgencies } from '../../../common/enums';

/** Events a time limit can start from. */
export const startEvents = ['arrival', 'dispatch', 'accept', 'reply', 'close'] as const;
export type StartEvent = (typeof startEvents)[number];

export const durationUnits = ['wd', 'nd', 'h'] as const;
export type DurationUnit = (typeof durationUnits)[number];

/** Every rule cites the article it comes from, e.g. "zibo-12345 §11(3)". */
export const article = z.string().trim().min(1, 'every rule must cite its article');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:mm');

export const toMinutes = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

export const workingWindowSchema = z
  .object({ from: clock, to: clock })
  .strict()
  .refine((w) => toMinutes(w.to) > toMinutes(w.from), {
    message: 'a working window must end after it starts',
  });

/** A plain limit: amount of working days, natural days or hours from a start event. */
export const durationLimitSchema = z
  .object({
    kind: z.literal('duration'),
    amount: z.number().positive(),
    unit: z.enum(durationUnits),
    start: z.enum(startEvents),
    article,
    note: z.string().optional(),
  })
  .strict()
  .refine((l) => l.unit === 'h' || Number.isInteger(l.amount), {
    message: 'working-day and natural-day limits must be whole numbers',
    path: ['amount'],
  });
export type DurationLimit = z.infer<typeof durationLimitSchema>;

/**
 * Receive window with office hours (tianjin-urban §8(1)): inside the profile's working windows
 * on a working day → t + withinHours; otherwise next opening O + offHoursHours, or O + longHoliday.hours
 * when t or the span up to O touches a block of at least longHoliday.minDays consecutive
 * non-working days containing a public holiday.
 */
export const officeHoursLimitSchema = z
  .object({
    kind: z.literal('office-hours'),
    start: z.literal('arrival').default('arrival'),
    withinHours: z.number().positive(),
    offHoursHours: z.number().positive(),
    longHoliday: z
      .object({ minDays: z.number().int().positive(), hours: z.number().positive() })
      .strict()
      .optional(),
    article,
    note: z.string().optional(),
  })
  .strict();
export type OfficeHoursLimit = z.infer<typeof officeHoursLimitSchema>;

/** No computable deadline: "at once" (第一时间) or governed by other rules; `note` says which. */
export const noLimitSchema = z
  .object({ kind: z.literal('no-limit'), article, note: z.string().min(1) })
  .strict();
export type NoLimit = z.infer<typeof noLimitSchema>;

/** A bare `{ amount, unit, start }` object is a duration limit. */
const withDefaultKind = (v: unknown): unknown =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !('kind' in v) ? { ...v, kind: 'duration' } : v;

const limitSchema = z.preprocess(
  withDefaultKind,
  z.discriminatedUnion('kind', [durationLimitSchema, noLimitSchema]),
);
const receiveLimitSchema = z.preprocess(
  withDefaultKind,
  z.discriminatedUnion('kind', [durationLimitSchema, officeHoursLimitSchema, noLimitSchema]),
);
export type Limit = DurationLimit | NoLimit;
export type ReceiveLimit = DurationLimit | OfficeHoursLimit | NoLimit;

/** Which orders a case applies to; every field given must match. */
export const conditionSchema = z
  .object({
    type: z.array(z.enum(ticketTypes)).min(1).optional(),
    urgency: z.array(z.enum(urgencies)).min(1).optional(),
    level: z.array(z.enum(sourceLevels)).min(1).optional(),
    category: z.array(z.string().min(1)).min(1).optional(),
    complex: z.boolean().optional(),
  })
  .strict();
export type Condition = z.infer<typeof conditionSchema>;

/** A default limit plus cases; the first matching case wins. `default: null` = no limit. */
function ruleSet<T extends z.ZodType>(limit: T) {
  return z
    .object({
      default: limit.nullable(),
      cases: z
        .array(z.object({ when: conditionSchema, limit, label: z.string().optional() }).strict())
        .default([]),
    })
    .strict();
}

export const limitRuleSet = ruleSet(limitSchema);
export const receiveRuleSet = ruleSet(receiveLimitSchema);
export type RuleSet<T> = {
  default: T | null;
  cases: { when: Condition; limit: T; label?: string | undefined }[];
};
