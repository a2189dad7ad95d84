import { z } from 'zod';

/**
 * How a deadline was computed, as data: the deadline engine (server/domain/sla) produces the
 * steps, the order's stage rows store them, the API returns them and `deadline-text.ts` renders
 * them in Chinese (one renderer for the web, the command line and the API's text field).
 * Instants are ISO 8601 strings; days are local service dates `YYYY-MM-DD`.
 */

const instant = z.string().describe('ISO 8601 instant');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const explanationUnits = ['wd', 'nd', 'h'] as const;
export type ExplanationUnit = (typeof explanationUnits)[number];

/** A notable day in a counted span: a run of days off that holds a public holiday, or a make-up workday. */
export const specialDay = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('holiday'), from: day, to: day }),
  z.object({ kind: z.literal('makeup'), day }),
]);
export type SpecialDay = z.infer<typeof specialDay>;

export const explanationStep = z.discriminatedUnion('kind', [
  /** The emergency result limit the dispatcher set (zibo-12345 §13), clamped to the profile's range. */
  z.object({
    kind: z.literal('emergency-result'),
    requested: z.number(),
    applied: z.number(),
    min: z.number(),
    max: z.number(),
    unit: z.enum(explanationUnits),
  }),
  /**
   * `amount` units counted from `from`: working days skip days off (`special` names the holidays
   * and make-up workdays in the span); days or minutes of suspension are not counted; a day's
   * limit ends at `endOfDay` when the profile sets a cut-off other than the end of the day.
   */
  z.object({
    kind: z.literal('count'),
    amount: z.number(),
    unit: z.enum(explanationUnits),
    from: instant,
    special: z.array(specialDay),
    suspendedDays: z.number().int(),
    suspendedMinutes: z.number().int(),
    endOfDay: z.string().nullable(),
  }),
  /** Received inside office hours on a working day: `hours` from `from` (tianjin-urban §8(1)). */
  z.object({ kind: z.literal('within-office-hours'), hours: z.number(), from: instant }),
  /**
   * Received outside office hours: `hours` from the next opening; `longHolidayDays` is set when the
   * span touches a holiday of at least that many days (the longer limit applies).
   */
  z.object({
    kind: z.literal('after-opening'),
    hours: z.number(),
    opening: instant,
    receivedAt: instant,
    longHolidayDays: z.number().int().nullable(),
    special: z.array(specialDay),
  }),
  /** Approved extensions, added as working days after the deadline's day. */
  z.object({
    kind: z.literal('extension'),
    workingDays: z.number(),
    special: z.array(specialDay),
    article: z.string().nullable(),
  }),
  /** An ongoing suspension: the deadline is computed again on resumption. */
  z.object({ kind: z.literal('suspended'), since: instant }),
  /** The extension request window: by the deadline (k = 0) or by the end of the k-th working day before its day. */
  z.object({ kind: z.literal('extension-request'), leadWorkingDays: z.number().int(), deadline: instant }),
  /** The rule applied, by its article. */
  z.object({ kind: z.literal('rule'), article: z.string() }),
  /** Years in the span without an official holiday schedule: the result is provisional. */
  z.object({ kind: z.literal('provisional'), years: z.array(z.number().int()) }),
  /** An explanation stored as free text before explanations were structured. */
  z.object({ kind: z.literal('text'), text: z.string() }),
]);
export type ExplanationStep = z.infer<typeof explanationStep>;

export const deadlineExplanation = z.array(explanationStep);
export type DeadlineExplanation = ExplanationStep[];
