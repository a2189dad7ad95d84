import { z } from 'zod';

/**
 * Intake statistics (受理量统计): every order the hotline took in a date range, whatever became of
 * it (dispatched, answered directly, not accepted), grouped one way. Dates are service dates
 * (UTC+8), both ends included.
 */
export const intakeGroupings = ['channel', 'type', 'category', 'region', 'day', 'disposition'] as const;
export type IntakeGrouping = (typeof intakeGroupings)[number];

export const intakeGroupingLabels: Record<IntakeGrouping, string> = {
  channel: '受理渠道',
  type: '诉求类型',
  category: '问题分类',
  region: '所在区',
  day: '日期',
  disposition: '处置方式',
};

/**
 * How an intake ended at the desk: sent on as an order, answered at once, not accepted, or merged
 * into an earlier order on the same matter (a repeat still counts as a request taken).
 */
export const dispositions = ['order', 'direct-answer', 'not-accepted', 'merged'] as const;
export type Disposition = (typeof dispositions)[number];
export const dispositionLabels: Record<Disposition, string> = {
  order: '派单办理',
  'direct-answer': '直接答复',
  'not-accepted': '不予受理',
  merged: '并单（重复诉求）',
};

/** The longest range one request may cover (days). */
export const maxIntakeRangeDays = 400;

export const intakeStatsQuery = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    groupBy: z.enum(intakeGroupings).default('channel'),
    /** Category level for groupBy=category: 1 = top level (2 digits), 2, 3. */
    level: z.coerce.number().int().min(1).max(3).default(1),
  })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= maxIntakeRangeDays, {
    message: `统计区间不能超过 ${maxIntakeRangeDays} 天`,
    path: ['to'],
  });
export type IntakeStatsQuery = z.infer<typeof intakeStatsQuery>;

export const intakeStatsRow = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const intakeStatsResponse = z.object({
  groupBy: z.enum(intakeGroupings),
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  rows: z.array(intakeStatsRow),
});
export type IntakeStatsResponse = z.infer<typeof intakeStatsResponse>;
