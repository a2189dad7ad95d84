/**
 * The policy profile: every time limit and rule of one hotline's regulation, as data.
 * Each rule cites the article it comes from (`article`, e.g. "zibo-12345 §11(3)").
 */
import { z } from 'zod';
import { satisfactions, sourceLevels, ticketTypes, urgencies } from '../../../common/enums';
import { supervisionModes, supervisionTriggers } from '../../../common/contracts/supervision';

/** Events a time limit can start from. */
export const startEvents = ['arrival', 'dispatch', 'accept', 'reply', 'close'] as const;
export type StartEvent = (typeof startEvents)[number];

export const durationUnits = ['wd', 'nd', 'h'] as const;
export type DurationUnit = (typeof durationUnits)[number];

const article = z.string().trim().min(1, 'every rule must cite its article');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:mm');
const clockSec = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, 'expected HH:mm:ss');

const toMinutes = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

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

const limitRuleSet = ruleSet(limitSchema);
const receiveRuleSet = ruleSet(receiveLimitSchema);
export type RuleSet<T> = {
  default: T | null;
  cases: { when: Condition; limit: T; label?: string | undefined }[];
};

const extensionTermsSchema = z
  .object({
    /** k: the request must be made by the end of the k-th working day before the deadline's day (0 = by the deadline). */
    requestLeadWd: z.number().int().min(0),
    /** Longest extension (working days), null when the regulation sets none. */
    maxWorkingDays: z.number().int().positive().nullable(),
    /** How many extensions an order may get, null when unlimited. */
    maxCount: z.number().int().positive().nullable(),
    article,
  })
  .strict();

export const extensionSchema = extensionTermsSchema
  .extend({
    /** Who decides: the unit's platform relays to the city platform when true. */
    relayToCity: z.boolean().default(false),
    cases: z
      .array(
        z
          .object({ when: conditionSchema, terms: extensionTermsSchema.partial().extend({ article }) })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type ExtensionRules = z.infer<typeof extensionSchema>;

export const lightsSchema = z
  .object({
    /** Yellow from the end of the n-th working day before the deadline's day. */
    yellow: z
      .object({ workingDaysBefore: z.number().int().min(1) })
      .strict()
      .nullable(),
    /** Red from the end of the n-th working day after the deadline's day. */
    red: z
      .object({ workingDaysAfter: z.number().int().min(1), reminderSlip: z.boolean() })
      .strict()
      .nullable(),
    article,
  })
  .strict();

/**
 * A report on a major incident (重大突发事项), due a natural time after the event occurred
 * (shanghai-962200 §15; beijing-miyun §8). `form`: `oral` — the first report, made orally;
 * `any` — the first report, in any form; `written` — the written report. Natural time only
 * (hours or natural days): these limits run through nights and holidays.
 */
export const incidentReportFormSchema = z.enum(['oral', 'any', 'written']);
export type IncidentReportForm = z.infer<typeof incidentReportFormSchema>;

export const incidentReportSchema = z
  .object({
    kind: z.literal('duration').default('duration'),
    form: incidentReportFormSchema,
    amount: z.number().positive(),
    unit: z.enum(['h', 'nd'], { message: 'an incident report limit is natural time: h or nd' }),
    start: z.literal('occurrence').default('occurrence'),
    article,
    note: z.string().optional(),
  })
  .strict()
  .refine((l) => l.unit === 'h' || Number.isInteger(l.amount), {
    message: 'natural-day limits must be whole numbers',
    path: ['amount'],
  });
export type IncidentReportRule = z.infer<typeof incidentReportSchema>;

export const emergencySchema = z
  .object({
    /** Urgencies treated as emergency orders. */
    urgencies: z.array(z.enum(urgencies)).min(1),
    /** Initial response (becomes the first-contact stage). */
    initialResponse: durationLimitSchema.nullable(),
    /** Result within N working days, N set by the dispatcher within [min, max]. */
    result: z
      .object({
        unit: z.enum(durationUnits),
        start: z.enum(startEvents),
        min: z.number().int().positive(),
        max: z.number().int().positive(),
        default: z.number().int().positive(),
        article,
      })
      .strict()
      .refine((r) => r.min <= r.default && r.default <= r.max, { message: 'need min <= default <= max' })
      .nullable(),
    /** Reports on major incidents (not order stages): at most one first report and one written. */
    reports: z
      .array(incidentReportSchema)
      .default([])
      .refine((rs) => rs.filter((r) => r.form !== 'written').length <= 1, {
        message: 'at most one first report (oral or any form)',
      })
      .refine((rs) => rs.filter((r) => r.form === 'written').length <= 1, {
        message: 'at most one written report',
      }),
    article,
  })
  .strict();

export const callbackSchema = z
  .object({
    limit: limitRuleSet,
    channel: z.enum(['phone', 'any']),
    /** Minimum shares of orders called back, by who calls. */
    sampling: z
      .array(
        z
          .object({
            by: z.enum(['platform', 'unit', 'county', 'city', 'supervised']),
            minRate: z.number().min(0).max(1).nullable(),
            /** The rate this platform samples at, where the regulation sets a minimum or no figure. */
            rate: z.number().min(0).max(1).optional(),
            period: z.enum(['order', 'month']).default('order'),
            article,
          })
          .strict()
          .refine((r) => r.rate === undefined || r.minRate === null || r.rate >= r.minRate, {
            message: 'rate must not be below minRate',
            path: ['rate'],
          }),
      )
      .default([]),
    /** Quality inspection (质检评定) of orders rated unsatisfied, with a fault finding. */
    inspection: z.object({ article }).strict().nullable().default(null),
    article,
  })
  .strict();

export const satisfactionSchema = z
  .object({
    scale: z.array(z.object({ value: z.enum(satisfactions), label: z.string().min(1) }).strict()).min(2),
    /** Ratings that count as satisfied (default: only `satisfied`). */
    satisfied: z.array(z.enum(satisfactions)).min(1).default(['satisfied']),
    /** Two ratings (process and result) or one overall rating. */
    ratings: z.enum(['process-and-result', 'overall']).default('process-and-result'),
    /** Every unsatisfied order is handled again: it cannot be closed, only redone. */
    compulsoryRedo: z.object({ article }).strict().nullable().default(null),
    article,
  })
  .strict()
  .refine((s) => s.satisfied.every((v) => s.scale.some((x) => x.value === v)), {
    message: 'every satisfied rating must be on the scale',
    path: ['satisfied'],
  });

export const unitWarningsSchema = z
  .object({
    levels: z.array(z.enum(['red', 'yellow', 'blue'])).min(1),
    targets: z
      .object({
        onTimeRate: z.number().min(0).max(1).optional(),
        feedbackRate: z.number().min(0).max(1).optional(),
        satisfactionRate: z.number().min(0).max(1).optional(),
        upheldNumberComplaints: z.number().int().min(0).optional(),
      })
      .strict(),
    /** Complaints about service numbers overdue by n working days start a warning. */
    overdueComplaint: z
      .object({
        category: z.string().min(1),
        workingDaysAfter: z.number().int().min(1),
        level: z.enum(['red', 'yellow', 'blue']),
        article,
      })
      .strict()
      .nullable()
      .default(null),
    article,
  })
  .strict();

/**
 * Supervision (督办) as data [zibo-12345 §15; tianjin-wuqing §23-§24; shanghai-962200 §12]:
 * the triggers the regulation names, each with the office that supervises it; the modes it
 * allows (null: the regulation does not restrict them); the time the unit has to answer in
 * writing (null: the regulation sets none, the platform default applies, see
 * server/domain/supervision); repeat calls about one matter that start a supervision.
 */
export const supervisionRulesSchema = z
  .object({
    triggers: z
      .array(
        z
          .object({
            trigger: z.enum(supervisionTriggers),
            /** Who supervises (督办主体), e.g. 管理办公室 / 市局办公室 (shanghai-962200 §12). */
            office: z.string().trim().min(1).nullable().default(null),
            article,
          })
          .strict(),
      )
      .min(1)
      .refine((ts) => new Set(ts.map((t) => t.trigger)).size === ts.length, {
        message: 'each trigger at most once',
      }),
    modes: z.array(z.enum(supervisionModes)).min(1).nullable().default(null),
    respondWithin: z
      .object({ amount: z.number().int().positive(), unit: z.enum(['wd', 'nd']), article })
      .strict()
      .nullable()
      .default(null),
    /**
     * Calls about one matter (same caller phone and category) after an earlier one was closed,
     * within `windowDays` natural days: `minRepeats` repeat calls start `trigger`;
     * `unsatisfiedOnly`: only when the closed order was rated unsatisfied.
     */
    repeatCalls: z
      .object({
        trigger: z.enum(['repeat-complaint', 'repeat-unsatisfied']),
        windowDays: z.number().int().positive(),
        minRepeats: z.number().int().positive(),
        unsatisfiedOnly: z.boolean(),
        article,
        note: z.string().optional(),
      })
      .strict()
      .nullable()
      .default(null),
    article,
  })
  .strict()
  .superRefine((s, ctx) => {
    const rc = s.repeatCalls;
    if (rc && !s.triggers.some((t) => t.trigger === rc.trigger)) {
      ctx.addIssue({
        code: 'custom',
        message: 'repeatCalls.trigger must be one of the triggers',
        path: ['repeatCalls', 'trigger'],
      });
    }
  });
export type SupervisionRules = z.infer<typeof supervisionRulesSchema>;

export const profileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    name: z.string().min(1),
    version: z.string().min(1),
    regulation: z
      .object({
        title: z.string().min(1),
        issuer: z.string().min(1),
        date: z.string().min(1),
        docNo: z.string().optional(),
      })
      .strict()
      .optional(),
    timezone: z.literal('Asia/Shanghai').default('Asia/Shanghai'),
    endOfDay: clockSec.default('23:59:59'),
    /** Office hours on working days; needed by office-hours rules. */
    workingWindows: z.array(workingWindowSchema).default([]),
    limits: z
      .object({
        dispatch: limitRuleSet.optional(),
        receive: receiveRuleSet.optional(),
        firstContact: limitRuleSet.optional(),
        handle: limitRuleSet,
        return: limitRuleSet.optional(),
        /** Result reported back to the citizen, when separate from the handling limit. */
        feedback: limitRuleSet.optional(),
      })
      .strict(),
    extension: extensionSchema.nullable().default(null),
    callback: callbackSchema.nullable().default(null),
    emergency: emergencySchema.nullable().default(null),
    lights: lightsSchema.nullable().default(null),
    unitWarnings: unitWarningsSchema.nullable().default(null),
    supervision: supervisionRulesSchema.nullable().default(null),
    satisfaction: satisfactionSchema,
  })
  .strict()
  .superRefine((p, ctx) => {
    const ws = p.workingWindows;
    for (let i = 1; i < ws.length; i++) {
      const prev = ws[i - 1];
      const cur = ws[i];
      if (prev && cur && toMinutes(cur.from) < toMinutes(prev.to)) {
        ctx.addIssue({
          code: 'custom',
          message: 'working windows must be sorted and must not overlap',
          path: ['workingWindows', i],
        });
      }
    }
    const receive = p.limits.receive;
    const usesOfficeHours =
      receive !== undefined &&
      [receive.default, ...receive.cases.map((c) => c.limit)].some(
        (l) => l !== null && l.kind === 'office-hours',
      );
    if (usesOfficeHours && ws.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'an office-hours receive rule needs workingWindows',
        path: ['workingWindows'],
      });
    }
  });

export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
