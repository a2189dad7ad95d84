import { z } from 'zod';

/**
 * Periodic analysis reports (运行分析报告) and 专报/简报 on chosen orders: the HTTP contract shared
 * by server and web. The report's figures are the assessment's own (GET /api/assessment for the
 * same scheme and period); rates are fractions 0-1, null without a denominator.
 */

export const reportFormats = ['docx', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const reportFormatLabels: Record<ReportFormat, string> = {
  docx: 'Word',
  xlsx: 'Excel',
  pdf: 'PDF',
};

export const reportContentTypes: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const period = z
  .string()
  .trim()
  .regex(/^\d{4}(-(\d{2}|[QqHh]\d))?$/, '期间格式为 YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY');

/** One editable paragraph of the report (总体情况, 考核情况, 热点问题, 工作建议). */
export const reportParagraph = z.object({
  key: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(60),
  text: z.string().max(5000),
});
export type ReportParagraph = z.infer<typeof reportParagraph>;

export const periodicReportQuery = z.object({
  period,
  scheme: z.string().trim().min(1).max(60).optional(),
});

export const periodicReportRequest = z.object({
  period,
  format: z.enum(reportFormats),
  scheme: z.string().trim().min(1).max(60).optional(),
  /** The paragraphs as edited on the screen: each replaces the generated one of its key. */
  paragraphs: z.array(reportParagraph).max(20).optional(),
});
export type PeriodicReportRequest = z.infer<typeof periodicReportRequest>;

/** A count this period beside the period before. */
export const countRow = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  previous: z.number().int(),
});
export type CountRow = z.infer<typeof countRow>;

export const reportUnitRow = z.object({
  unitId: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  rank: z.number().int().nullable(),
  score: z.number().nullable(),
  dispatched: z.number().int(),
  /** Indicator id → value, the indicators of `columns`. */
  values: z.record(z.string(), z.number().nullable()),
  /** 约谈 (zibo-12345 §20): null when the scheme has no such rule. */
  interview: z.boolean().nullable(),
  previousRank: z.number().int().nullable(),
  previousScore: z.number().nullable(),
});
export type ReportUnitRow = z.infer<typeof reportUnitRow>;

export const reportColumn = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['rate', 'count']),
});
export type ReportColumn = z.infer<typeof reportColumn>;

export const hotTopic = z.object({
  title: z.string(),
  count: z.number().int(),
  previous: z.number().int().nullable(),
  note: z.string().optional(),
});
export type HotTopic = z.infer<typeof hotTopic>;

export const periodicReport = z.object({
  title: z.string(),
  period: z.object({
    id: z.string(),
    label: z.string(),
    start: z.string(),
    end: z.string(),
    previousId: z.string(),
    previousLabel: z.string(),
  }),
  scheme: z.object({ id: z.string(), name: z.string(), version: z.string() }),
  asOf: z.string(),
  totals: z.object({
    /** Every request taken in the period (dispatched, answered at once, not accepted, merged). */
    intake: z.number().int(),
    previousIntake: z.number().int(),
    /** Dispatches to the assessed handling units (an order sent to two units counts twice). */
    dispatched: z.number().int(),
    previousDispatched: z.number().int(),
    /** Rates over the pooled counts of the assessed units. */
    overall: z.record(z.string(), z.number().nullable()),
    byDisposition: z.array(countRow),
    byChannel: z.array(countRow),
    byType: z.array(countRow),
    byCategory: z.array(countRow),
  }),
  columns: z.array(reportColumn),
  units: z.array(reportUnitRow),
  /** Second-level categories that grew most since the period before. */
  risingCategories: z.array(countRow),
  hotTopics: z.array(hotTopic),
  paragraphs: z.array(reportParagraph),
});
export type PeriodicReport = z.infer<typeof periodicReport>;

/** 专报 (special report on one matter) or 简报 (brief). */
export const briefKinds = ['special', 'brief'] as const;
export type BriefKind = (typeof briefKinds)[number];
export const briefKindLabels: Record<BriefKind, string> = { special: '专报', brief: '简报' };

/** Longest list of orders one 专报/简报 takes. */
export const maxBriefOrders = 200;

export const briefReportRequest = z
  .object({
    ticketIds: z.array(z.number().int().positive()).max(maxBriefOrders).default([]),
    /** Order numbers, as typed on the screen (resolved like ticketIds). */
    ticketNos: z.array(z.string().trim().min(1).max(40)).max(maxBriefOrders).default([]),
    title: z.string().trim().min(1).max(100),
    kind: z.enum(briefKinds),
    format: z.enum(['docx', 'pdf']),
    /** The summary paragraph as edited; generated from the orders when left out. */
    summary: z.string().max(5000).optional(),
  })
  .refine((b) => b.ticketIds.length + b.ticketNos.length > 0, {
    message: '请至少选择一件工单',
    path: ['ticketIds'],
  })
  .refine((b) => b.ticketIds.length + b.ticketNos.length <= maxBriefOrders, {
    message: `一次最多 ${maxBriefOrders} 件工单`,
    path: ['ticketIds'],
  });
export type BriefReportRequest = z.infer<typeof briefReportRequest>;
/** The request as the screen sends it (defaults not yet applied). */
export type BriefReportInput = z.input<typeof briefReportRequest>;
