import { z } from 'zod';

/**
 * The response contract of the assessment routes (考核结果, the orders behind a figure), shared by
 * the server, which produces it, and the web client. Instants are ISO 8601 strings; rates are
 * fractions 0-1, null without a denominator.
 */

const instant = z.string().describe('ISO 8601 instant');

/** One indicator's part of a unit's score. */
export const componentResult = z.object({
  indicator: z.string(),
  value: z.number().nullable(),
  points: z.number().nullable(),
  max: z.number(),
});

/** One unit's figures; each indicator's value also stands under its own id (see assessUnits). */
export const unitAssessment = z.object({
  unitId: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  /** Months of the period with orders dispatched to the unit. */
  months: z.number().int(),
  /** Bottom of the monthly ranking for the scheme's run of months (zibo-12345 §20 约谈). */
  interview: z.boolean().nullable(),
  components: z.array(componentResult),
  counts: z.record(z.string(), z.number()),
});
export type UnitAssessmentContract = z.infer<typeof unitAssessment>;

export const assessmentResult = z.object({
  scheme: z.object({ id: z.string(), name: z.string(), version: z.string() }),
  period: z.object({ id: z.string(), months: z.array(z.string()), start: z.string(), end: z.string() }),
  asOf: instant,
  units: z.array(unitAssessment),
});
export type AssessmentResultContract = z.infer<typeof assessmentResult>;

/** One order behind a figure. */
export const drillItem = z.object({
  ticketId: z.number().int(),
  ticketNo: z.string(),
  status: z.string(),
  month: z.string(),
  dispatchedAt: instant,
  /** numerator: counted in the number; denominator: only behind the rate. */
  counts: z.enum(['numerator', 'denominator']),
  outcome: z.string(),
  handleDueAt: instant.nullable(),
  completedAt: instant.nullable(),
  onTime: z.boolean().nullable(),
  callbackAt: instant.nullable(),
  contactedByUnit: z.boolean().nullable(),
  resultSatisfaction: z.string().nullable(),
  processSatisfaction: z.string().nullable(),
});
export type DrillItem = z.infer<typeof drillItem>;

export const drillResult = z.object({
  indicator: z.string(),
  name: z.string(),
  definition: z.string(),
  unitId: z.number().int(),
  period: z.string(),
  asOf: instant,
  numerator: z.number().int(),
  denominator: z.number().int(),
  items: z.array(drillItem),
  truncated: z.boolean(),
});
export type DrillResultContract = z.infer<typeof drillResult>;
