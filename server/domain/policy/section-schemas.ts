/**
 * The sections of a policy profile beside its time limits: extensions, lights, emergencies and
 * incident reports, callbacks, satisfaction, unit warnings and supervision. Each cites its article.
 */
import { z } from 'zod';
import { satisfactions, urgencies } from '../../../common/enums';
import { supervisionModes, supervisionTriggers } from '../../../common/contracts/supervision';
import {
  article,
  conditionSchema,
  durationLimitSchema,
  durationUnits,
  limitRuleSet,
  startEvents,
} from './limit-schema';

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
          .object({
            when: conditionSchema,
            terms: extensionTermsSchema.partial().extend({ article }),
            label: z.string().optional(),
          })
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

const clockHm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm');

/**
 * Text messages (短信) and emergency paging. Citizens get their order number and tracking code
 * at intake, a note on the reply and a rating link where the hotline asks for ratings by message;
 * messages to citizens wait out the quiet hours (service time). Units get a message on dispatch,
 * before deadlines (beijing-miyun §20: 临期事项通过电话、催办单、短信等方式催办) and with reminder
 * slips. An emergency order pages the handling unit's liaison and the duty leader, who must
 * acknowledge within `ackMinutes`, else the page escalates.
 */
export const messagesSchema = z
  .object({
    citizenOnIntake: z.boolean(),
    citizenOnReply: z.boolean(),
    ratingLink: z.boolean(),
    quietHours: z.object({ from: clockHm, to: clockHm }).strict().nullable(),
    unitOnDispatch: z.boolean(),
    /** Reminder before a stage deadline, this many hours before it (natural time). */
    unitBeforeDeadline: z.object({ hoursBefore: z.number().positive(), article }).strict().nullable(),
    unitWithReminderSlip: z.boolean(),
    paging: z
      .object({ urgencies: z.array(z.enum(urgencies)).min(1), ackMinutes: z.number().int().min(1), article })
      .strict()
      .nullable(),
    article: article.optional(),
  })
  .strict();
export type MessageRules = z.infer<typeof messagesSchema>;

/** The messages section where a profile has none: citizens informed at intake, no paging. */
export const defaultMessages: MessageRules = {
  citizenOnIntake: true,
  citizenOnReply: false,
  ratingLink: false,
  quietHours: { from: '22:00', to: '08:00' },
  unitOnDispatch: true,
  unitBeforeDeadline: null,
  unitWithReminderSlip: true,
  paging: null,
};

/**
 * Intake screening: matters the line does not accept, with the channel the caller should use
 * instead, and words in a caller's account that suggest an emergency order. The intake
 * suggestions match these terms in the citizen's own words; the agent decides.
 */
export const intakeSchema = z
  .object({
    outOfScope: z
      .array(
        z
          .object({
            /** The kind of matter, in Chinese (e.g. 紧急求助, 诉讼仲裁). */
            matter: z.string().min(1),
            /** Words whose presence in the account suggests this matter. */
            terms: z.array(z.string().min(1)).min(1),
            /** Where to go instead, in Chinese (e.g. 请拨打110、119、120). */
            channel: z.string().min(1),
            article,
          })
          .strict(),
      )
      .default([]),
    emergencyTerms: z
      .object({ terms: z.array(z.string().min(1)).min(1), article })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type IntakeRules = z.infer<typeof intakeSchema>;

/**
 * Call figures the regulation sets a target for (the center's telephone answering, not a unit's):
 * beijing-miyun §14 电话铃声响起10秒之内必须接起; tianjin-wuqing §1 电话接通率 100%.
 */
export const callsSchema = z
  .object({
    targets: z
      .array(
        z
          .object({
            figure: z.enum(['connectionRate', 'within10sRate']),
            /** The share the figure must reach, 0-1. */
            target: z.number().min(0).max(1),
            article,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type CallRules = z.infer<typeof callsSchema>;
