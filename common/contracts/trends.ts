import { z } from 'zod';

/**
 * Hot topics, clusters and the volume forecast (热点分析、趋势预测). Dates are service dates
 * (UTC+8), both ends included.
 */

/** The longest window hot topics compare at once (days). */
export const maxHotTopicDays = 92;
/** Days before `from` a window is compared with. */
export const hotTopicBaselineDays = 28;

export const hotTopicsQuery = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    /** Fewest orders a word needs in the window. */
    minCount: z.coerce.number().int().min(2).max(10_000).default(5),
    region: z.string().min(1).max(50).optional(),
    /** Category code or its prefix. */
    category: z
      .string()
      .regex(/^\d{2,6}$/)
      .optional(),
    /** Lead unit (and the units below it). */
    unitId: z.coerce.number().int().positive().optional(),
  })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < maxHotTopicDays, {
    message: `热点分析区间不能超过 ${maxHotTopicDays} 天`,
    path: ['to'],
  });
export type HotTopicsQuery = z.infer<typeof hotTopicsQuery>;

/** One rising word. The key names are a public contract: exactly these five. */
export const hotTopic = z.object({
  term: z.string(),
  /** Orders mentioning the word in the window. */
  count: z.number().int(),
  /** Orders expected from the 28 days before, at the window's volume. */
  baseline: z.number(),
  /** (count + 1) / (baseline + 1). */
  growth: z.number(),
  sampleTicketIds: z.array(z.number().int()),
});
export type HotTopic = z.infer<typeof hotTopic>;
export const hotTopicsResponse = z.array(hotTopic);

/** Orders on one hot word concentrated in one district, category and unit (集中诉求). */
export const hotTopicCluster = z.object({
  term: z.string(),
  region: z.string().nullable(),
  categoryCode: z.string().nullable(),
  categoryName: z.string().nullable(),
  unitName: z.string().nullable(),
  count: z.number().int(),
  /** Share of the word's orders in the window. */
  share: z.number(),
  sampleTicketIds: z.array(z.number().int()),
});
export type HotTopicCluster = z.infer<typeof hotTopicCluster>;
export const hotTopicClustersResponse = z.array(hotTopicCluster);

export const forecastQuery = z.object({
  /** Days of history shown with the forecast. */
  historyDays: z.coerce.number().int().min(7).max(365).default(30),
  horizon: z.coerce.number().int().min(1).max(14).default(7),
});
export type ForecastQuery = z.infer<typeof forecastQuery>;

export const forecastResponse = z.object({
  method: z.string(),
  /** The last day with figures (today, still filling, is not part of the history). */
  asOf: z.string(),
  history: z.array(z.object({ date: z.string(), count: z.number().int() })),
  forecast: z.array(
    z.object({
      date: z.string(),
      expected: z.number(),
      low: z.number(),
      high: z.number(),
      /** 工作日, 周末, 节假日, 调休上班. */
      dayKind: z.string(),
    }),
  ),
  /** Rolling-origin backtest of the same method over the past weeks (null: too little history). */
  error: z
    .object({
      /** Mean absolute error, orders per day. */
      mae: z.number(),
      /** Mean absolute percentage error, 0-1 (days with no orders left out). */
      mape: z.number().nullable(),
      origins: z.number().int(),
      points: z.number().int(),
    })
    .nullable(),
});
export type ForecastResponse = z.infer<typeof forecastResponse>;
