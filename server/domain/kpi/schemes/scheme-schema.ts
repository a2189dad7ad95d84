/**
 * Assessment schemes (考核方案) as data, like policy profiles: which indicators count, how each
 * becomes points, and the settings the regulations leave to each site. Validated at load.
 */
import { z } from 'zod';
import { satisfactions } from '../../../../common/enums';
import { indicatorIds } from '../indicator';

const article = z.string().trim().min(1, 'every rule must cite its article');
const indicatorId = z.enum(indicatorIds);
const unitRate = z.number().min(0).max(1);

/** points = weight × rate. */
const linearSchema = z
  .object({ kind: z.literal('linear'), indicator: indicatorId, weight: z.number().positive(), article })
  .strict();

/** points = the points of the highest tier whose lower bound the rate reaches. */
const tiersSchema = z
  .object({
    kind: z.literal('tiers'),
    indicator: indicatorId,
    tiers: z.array(z.object({ from: unitRate, points: z.number().min(0) }).strict()).min(1),
    article,
  })
  .strict()
  .refine((c) => c.tiers[0]?.from === 0, { message: 'the first tier must start at 0', path: ['tiers'] })
  .refine((c) => c.tiers.every((t, i) => i === 0 || t.from > (c.tiers[i - 1]?.from ?? 0)), {
    message: 'tiers must be in ascending order',
    path: ['tiers'],
  });

/** points = max(floor, base − perUnit × count). */
const deductionSchema = z
  .object({
    kind: z.literal('deduction'),
    indicator: indicatorId,
    base: z.number().positive(),
    perUnit: z.number().positive(),
    floor: z.number().min(0).default(0),
    article,
  })
  .strict();

/** Warning levels, mildest first (蓝色、黄色、红色预警). */
export const warningLevels = ['blue', 'yellow', 'red'] as const;
export type WarningLevel = (typeof warningLevels)[number];
const warningLevel = z.enum(warningLevels);

/**
 * Unit warnings (预警督查, beijing-miyun §21, §30): the level a unit gets from how many of the
 * scheme's targets it missed in the period (the highest step reached), and the level an
 * overdue complaint about a service number gives on its own.
 */
export const warningsSchema = z
  .object({
    escalation: z
      .array(z.object({ misses: z.number().int().positive(), level: warningLevel, article }).strict())
      .min(1)
      .refine((steps) => steps.every((t, i) => i === 0 || t.misses > (steps[i - 1]?.misses ?? 0)), {
        message: 'escalation steps must be in ascending order of misses',
      })
      .refine(
        (steps) =>
          steps.every(
            (t, i) =>
              i === 0 ||
              warningLevels.indexOf(t.level) >= warningLevels.indexOf(steps[i - 1]?.level ?? 'blue'),
          ),
        {
          message: 'a step with more misses cannot give a milder level',
        },
      ),
    /**
     * A complaint of the scheme's numberComplaintCategories not replied to `workingDaysAfter`
     * working days after its handling deadline (the end of that working day) gives `level`.
     */
    overdueComplaint: z
      .object({ workingDaysAfter: z.number().int().min(1), level: warningLevel, article })
      .strict()
      .nullable()
      .default(null),
    article,
  })
  .strict();
export type SchemeWarnings = z.infer<typeof warningsSchema>;

export const componentSchema = z.discriminatedUnion('kind', [linearSchema, tiersSchema, deductionSchema]);
export type SchemeComponent = z.infer<typeof componentSchema>;

export const schemeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    name: z.string().min(1),
    version: z.string().min(1),
    source: z.object({ title: z.string().min(1), article }).strict(),
    /** Policy profile the scheme belongs to (informational). */
    profile: z.string().optional(),
    /** Ratings that count as satisfied (SPEC §3.4: only 满意 by default). */
    satisfied: z.array(z.enum(satisfactions)).min(1).default(['satisfied']),
    /** What an upheld appeal does to the unsatisfied rating (SPEC §6: removes it by default). */
    upheldAppeal: z.enum(['remove-rating', 'count-satisfied', 'keep']).default('remove-rating'),
    /** Categories (codes or prefixes) of complaints about service numbers. */
    numberComplaintCategories: z.array(z.string().min(1)).default([]),
    /** A return asked after the return limit counts as overdue handling (zibo-12345 §11(6)). */
    lateReturnsOverdue: z.boolean().default(false),
    /**
     * How rates of a period longer than a month combine: the mean of the monthly rates
     * (beijing-miyun Annex 2 §3 "年度平均"), or one rate over the pooled counts.
     */
    aggregation: z.enum(['monthly-mean', 'pooled']).default('monthly-mean'),
    /**
     * A rate that cannot be computed (denominator 0): `rescale` leaves the component out and
     * scales the others up to the full score; `zero` gives it no points.
     */
    missingRate: z.enum(['rescale', 'zero']).default('rescale'),
    components: z.array(componentSchema).min(1),
    /** Bottom `bottom` for `months` consecutive months → interview (约谈). */
    interview: z
      .object({ bottom: z.number().int().positive(), months: z.number().int().positive(), article })
      .strict()
      .nullable()
      .default(null),
    /**
     * Targets of the indicators (e.g. beijing-miyun §21): a rate is missed below its target, a
     * count above it. Unit warnings judge them (docs/decisions/0007-unit-warnings.md).
     */
    targets: z.partialRecord(indicatorId, z.number().min(0)).default({}),
    /** Red/yellow/blue unit warnings for units that miss the targets; null: the scheme has none. */
    warnings: warningsSchema.nullable().default(null),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.warnings && Object.keys(s.targets).length === 0 && s.warnings.overdueComplaint === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'warnings need targets or an overdue-complaint rule',
        path: ['warnings'],
      });
    }
    if (s.warnings?.overdueComplaint && s.numberComplaintCategories.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'an overdue-complaint rule needs numberComplaintCategories',
        path: ['warnings', 'overdueComplaint'],
      });
    }
    const seen = new Set<string>();
    s.components.forEach((c, i) => {
      if (seen.has(c.indicator)) {
        ctx.addIssue({
          code: 'custom',
          message: `indicator ${c.indicator} appears twice`,
          path: ['components', i],
        });
      }
      seen.add(c.indicator);
    });
  });

export type Scheme = z.infer<typeof schemeSchema>;
export type SchemeInput = z.input<typeof schemeSchema>;

export class SchemeError extends Error {
  constructor(
    message: string,
    readonly source: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'SchemeError';
  }
}

export function parseScheme(input: unknown, source: string): Scheme {
  const r = schemeSchema.safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
  const first = issues[0];
  throw new SchemeError(
    `scheme ${source} is invalid: ${first ? `${first.path}: ${first.message}` : 'unknown error'}`,
    source,
    issues,
  );
}

/** Highest points a component can give. */
export function componentMax(c: SchemeComponent): number {
  switch (c.kind) {
    case 'linear':
      return c.weight;
    case 'tiers':
      return Math.max(...c.tiers.map((t) => t.points));
    case 'deduction':
      return c.base;
  }
}
