import { z } from 'zod';
import { articleActions, articleStatuses } from '../../domain/kb/lifecycle';

/** HTTP contract of the knowledge base (zod at the edge; also the OpenAPI description). */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const keyword = z.string().trim().min(1).max(40);

export const articleInput = z.object({
  title: z.string().trim().min(1, '标题不能为空').max(200),
  body: z.string().max(200_000).describe('正文，Markdown 格式（不支持内嵌 HTML）'),
  categoryCode: z.string().max(20).nullable().optional(),
  ownerUnitId: z.number().int().positive().nullable().optional(),
  keywords: z.array(keyword).max(30).optional(),
  validFrom: day.nullable().optional(),
  validUntil: day.nullable().optional(),
  reviewBy: day.nullable().optional(),
  externalId: z.string().trim().min(1).max(100).nullable().optional(),
});
export type ArticleInput = z.infer<typeof articleInput>;

export const articlePatch = articleInput.partial().extend({
  /** Optimistic concurrency: the version the editor started from. */
  version: z.number().int().positive().optional(),
});
export type ArticlePatch = z.infer<typeof articlePatch>;

export const articleListQuery = z.object({
  status: z.enum(articleStatuses).optional(),
  categoryCode: z.string().max(20).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  q: z.string().max(100).optional().describe('标题或外部编号包含'),
  reviewOverdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const articleSummary = z.object({
  id: z.number(),
  externalId: z.string().nullable(),
  title: z.string(),
  status: z.enum(articleStatuses),
  effectiveStatus: z.enum(articleStatuses).describe('按日期计算的状态：已发布但过了有效期显示为 expired'),
  categoryCode: z.string().nullable(),
  categoryName: z.string().nullable(),
  ownerUnitId: z.number().nullable(),
  unitName: z.string().nullable(),
  keywords: z.array(z.string()),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  reviewBy: z.string().nullable(),
  version: z.number(),
  usageCount: z.number(),
  source: z.string(),
  updatedAt: z.date(),
  publishedAt: z.date().nullable(),
});

export const articleDetail = articleSummary.extend({
  body: z.string(),
  bodyText: z.string().describe('正文纯文本'),
  statusNote: z.string().nullable(),
  createdAt: z.date(),
  allowedActions: z.array(z.enum(articleActions)),
});

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });

export const versionDto = z.object({
  version: z.number(),
  at: z.date(),
  actorUserId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  status: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown().optional(), to: z.unknown().optional() })),
  note: z.string().nullable(),
});

export const versionDetail = versionDto.extend({
  snapshot: z.object({
    title: z.string(),
    body: z.string(),
    categoryCode: z.string().nullable(),
    categoryLabel: z.string().nullable(),
    ownerUnitId: z.number().nullable(),
    unitLabel: z.string().nullable(),
    keywords: z.array(z.string()),
    validFrom: z.string().nullable(),
    validUntil: z.string().nullable(),
    reviewBy: z.string().nullable(),
    externalId: z.string().nullable(),
  }),
});

export const reasonBody = z.object({ reason: z.string().trim().min(1, '请填写原因').max(1000) });
export const noteBody = z.object({ note: z.string().trim().max(1000).optional() });
export const confirmReviewBody = z.object({
  reviewBy: day.optional().describe('下次复核日期，默认六个月后'),
});

export const searchQuery = z.object({
  q: z.string().trim().min(1, '请输入检索词').max(2000),
  categoryCode: z.string().max(20).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).max(100).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

export const searchHit = z.object({
  id: z.number(),
  externalId: z.string().nullable(),
  title: z.string(),
  titleHighlight: z.string().describe('HTML 转义后的标题，命中词以 <mark> 标出'),
  snippet: z.string().describe('HTML 转义后的正文摘要，命中词以 <mark> 标出'),
  categoryCode: z.string().nullable(),
  categoryName: z.string().nullable(),
  ownerUnitId: z.number().nullable(),
  unitName: z.string().nullable(),
  keywords: z.array(z.string()),
  validUntil: z.string().nullable(),
  usageCount: z.number(),
  updatedAt: z.date(),
  score: z.number(),
});

export const searchResult = z.object({
  items: z.array(searchHit),
  total: z.number().describe('已确定的结果数（hasMore 为 true 时还可能更多）'),
  hasMore: z.boolean().describe('翻页超出 total 时可能还有更宽泛的匹配结果'),
  page: z.number(),
  pageSize: z.number(),
  terms: z.array(z.string()).describe('参与检索的词（含同义词扩展）'),
});

export const suggestQuery = z.object({ q: z.string().trim().min(1).max(500) });

export const similarCasesQuery = z
  .object({
    q: z.string().trim().min(1).max(4000).optional(),
    ticketId: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(20).default(5),
  })
  .refine((v) => v.q !== undefined || v.ticketId !== undefined, { message: '请提供 q 或 ticketId' });

export const similarCase = z.object({
  ticketId: z.number(),
  ticketNo: z.string(),
  status: z.string(),
  categoryCode: z.string().nullable(),
  snippet: z.string(),
  answer: z.string().nullable(),
  replies: z.array(z.string()),
  closedAt: z.date().nullable(),
  score: z.number(),
});

export const useBody = z.object({ ticketId: z.number().int().positive().optional() });
