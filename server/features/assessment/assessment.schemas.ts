import { z } from 'zod';
import { channels, sourceLevels, ticketTypes } from '../../../common/enums';
import { indicatorIds } from '../../domain/kpi';
import { groupings } from './assessment.repository';

/** Query contracts of the assessment endpoints (validated at the edge). */
const period = z
  .string()
  .trim()
  .regex(/^\d{4}(-(\d{2}|[QqHh]\d))?$/, '期间格式为 YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY');
const asOf = z.iso.datetime({ offset: true }).optional();

/** Slices: only orders of this category (code or prefix), region, channel, type or source level. */
const slices = {
  category: z.string().trim().max(20).optional(),
  region: z.string().trim().max(50).optional(),
  channel: z.enum(channels).optional(),
  type: z.enum(ticketTypes).optional(),
  level: z.enum(sourceLevels).optional(),
};

export const assessmentQuery = z.object({
  scheme: z.string().trim().min(1).max(60),
  period,
  asOf,
  ...slices,
});

/** Unit warnings (beijing-miyun §21, §30): a scheme and a period. */
export const warningsQuery = z.object({
  scheme: z.string().trim().min(1).max(60),
  period,
  asOf,
});

export const drillQuery = z.object({
  scheme: z.string().trim().min(1).max(60),
  period,
  asOf,
  unitId: z.coerce.number().int().positive(),
  indicator: z.enum(indicatorIds),
  /** numerator: the orders counted in the number; all (default): every order behind the rate. */
  part: z.enum(['all', 'numerator']).default('all'),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

export const statsQuery = z.object({
  groupBy: z.enum(groupings).default('unit'),
  period,
  asOf,
  scheme: z.string().trim().min(1).max(60).optional(),
  /** Only this unit and its sub-units. */
  unitId: z.coerce.number().int().positive().optional(),
  ...slices,
});

export function sliceFilter(q: {
  category?: string | undefined;
  region?: string | undefined;
  channel?: string | undefined;
  type?: string | undefined;
  level?: string | undefined;
}) {
  return {
    ...(q.category ? { category: q.category } : {}),
    ...(q.region ? { region: q.region } : {}),
    ...(q.channel ? { channel: q.channel } : {}),
    ...(q.type ? { type: q.type } : {}),
    ...(q.level ? { sourceLevel: q.level } : {}),
  };
}

export type AssessmentQuery = z.infer<typeof assessmentQuery>;
export type DrillQuery = z.infer<typeof drillQuery>;
export type StatsQuery = z.infer<typeof statsQuery>;
