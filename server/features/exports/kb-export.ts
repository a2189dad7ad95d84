import type { z } from 'zod';
import { articleStatusLabels } from '../../../common/kb-vocabulary';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import type { articleListQuery } from '../kb/kb.schemas';
import { listArticlesFor } from '../kb/list-articles';
import { listContributionsFor } from '../kb/contributions';
import { overdueReport } from '../kb/overdue-report';
import { noticesFor } from '../kb/policy-notices';
import { EXPORT_MAX_ROWS } from './ticket-export';
import { pagedRows, serviceMinute, type Cell, type XlsxSheet } from './xlsx-stream';

const PAGE = 500;

export type ArticleExportQuery = Omit<z.output<typeof articleListQuery>, 'page' | 'pageSize'>;

/** 知识条目 with the screen's filters, every page of `GET /api/kb/articles` for this user. */
export async function articlesSheet(
  ctx: AppContext,
  user: SessionUser,
  q: ArticleExportQuery,
): Promise<XlsxSheet> {
  return {
    name: '知识条目',
    columns: [
      { header: '标题', width: 40 },
      { header: '外部编号', width: 14 },
      { header: '状态', width: 10 },
      { header: '分类', width: 16 },
      { header: '所属单位', width: 22 },
      { header: '关键词', width: 24 },
      { header: '生效日期', width: 12 },
      { header: '失效日期', width: 12 },
      { header: '复核日期', width: 12 },
      { header: '版本', width: 8 },
      { header: '引用次数', width: 10 },
      { header: '来源', width: 10 },
      { header: '发布时间', width: 17 },
      { header: '更新时间', width: 17 },
    ],
    rows: await pagedRows(
      async (page) => (await listArticlesFor(ctx, user, { ...q, page, pageSize: PAGE })).items,
      (a): Cell[] => [
        a.title,
        a.externalId ?? '',
        articleStatusLabels[a.effectiveStatus],
        a.categoryName ?? '',
        a.unitName ?? '热线中心',
        a.keywords.join('、'),
        a.validFrom ?? '',
        a.validUntil ?? '',
        a.reviewBy ?? '',
        a.version,
        a.usageCount,
        a.source,
        serviceMinute(a.publishedAt),
        serviceMinute(a.updatedAt),
      ],
      PAGE,
      EXPORT_MAX_ROWS,
    ),
  };
}

type Notice = Awaited<ReturnType<typeof noticesFor>>[number];
export const noticeStateLabels: Record<Notice['state'], string> = {
  pending: '待答复',
  overdue: '已超期',
  answered: '已按时答复',
  'answered-late': '逾期答复',
};
/** The screen's state filter (全部 / 待答复 / 已超期 / 已答复). */
export const noticeFilters = ['all', 'open', 'overdue', 'answered'] as const;
const keep: Record<(typeof noticeFilters)[number], (n: Notice) => boolean> = {
  all: () => true,
  open: (n) => n.state === 'pending',
  overdue: (n) => n.state === 'overdue',
  answered: (n) => n.state === 'answered' || n.state === 'answered-late',
};

const noticeCells = (n: Notice): Cell[] => [
  n.unitName,
  n.title,
  n.documentNo ?? '',
  n.announcedOn,
  n.dueOn,
  noticeStateLabels[n.state],
  n.articleTitle ?? '',
  n.answeredOn ?? '',
];
const noticeColumns = [
  { header: '发布单位', width: 22 },
  { header: '政策名称', width: 40 },
  { header: '文号', width: 22 },
  { header: '发布日期', width: 12 },
  { header: '答复期限', width: 12 },
  { header: '状态', width: 12 },
  { header: '答复条目', width: 36 },
  { header: '答复发布日期', width: 14 },
];

/** 政策发布登记 as the screen lists them for this user, with its state filter. */
export async function policyNoticesSheet(
  ctx: AppContext,
  user: SessionUser,
  q: { unitId?: number | undefined; state: (typeof noticeFilters)[number] },
): Promise<XlsxSheet> {
  const items = (await noticesFor(ctx, user, { unitId: q.unitId })).filter(keep[q.state]);
  return {
    name: '政策发布登记',
    columns: [...noticeColumns, { header: '备注', width: 30 }],
    rows: [items.map((n) => [...noticeCells(n), n.note ?? ''])],
  };
}

/**
 * 更新超期: the per-unit figures of `GET /api/kb/reports/overdue`, then every overdue item (entries
 * past their review date, policies not answered in time, late answers) on a second sheet.
 */
export async function overdueSheets(
  ctx: AppContext,
  user: SessionUser,
  q: { unitId?: number | undefined },
): Promise<XlsxSheet[]> {
  const report = await overdueReport(ctx, user, q);
  const details: Cell[][] = report.units.flatMap((u) => [
    ...u.reviewOverdue.map((a): Cell[] => [
      u.unitName,
      '复核逾期',
      a.title,
      '',
      '',
      a.reviewBy,
      a.daysOverdue,
    ]),
    ...[...u.noticesOverdue, ...u.noticesAnsweredLate].map((n): Cell[] => [
      u.unitName,
      n.state === 'overdue' ? '政策未答复' : '答复超期',
      n.title,
      n.documentNo ?? '',
      n.announcedOn,
      n.dueOn,
      '',
    ]),
  ]);
  return [
    {
      name: '更新超期汇总',
      columns: [
        { header: `单位（统计截至 ${report.asOf}）`, width: 30 },
        { header: '已发布条目', width: 12 },
        { header: '复核逾期', width: 10 },
        { header: '政策未按时答复', width: 16 },
        { header: '答复超期', width: 10 },
      ],
      rows: [
        report.units.map((u): Cell[] => [
          u.unitName,
          u.publishedArticles,
          u.reviewOverdueCount,
          u.noticesOverdueCount,
          u.noticesAnsweredLateCount,
        ]),
      ],
    },
    {
      name: '超期明细',
      columns: [
        { header: '单位', width: 24 },
        { header: '类型', width: 12 },
        { header: '条目或政策', width: 40 },
        { header: '文号', width: 22 },
        { header: '发布日期', width: 12 },
        { header: '复核日期或答复期限', width: 18 },
        { header: '逾期天数', width: 10 },
      ],
      rows: [details],
    },
  ];
}

const contributionStatusLabels: Record<string, string> = {
  pending: '待审核',
  accepted: '已采纳',
  rejected: '不予采纳',
};

/** 公众贡献 with the screen's status filter, every page of `GET /api/kb/contributions` (managers). */
export async function contributionsSheet(
  ctx: AppContext,
  user: SessionUser,
  q: { status?: string | undefined },
): Promise<XlsxSheet> {
  return {
    name: '公众贡献',
    columns: [
      { header: '提交时间', width: 17 },
      { header: '标题', width: 30 },
      { header: '问题', width: 40 },
      { header: '答案', width: 50 },
      { header: '贡献者', width: 14 },
      { header: '单位或机构', width: 20 },
      { header: '联系方式', width: 16 },
      { header: '状态', width: 10 },
      { header: '审核人', width: 10 },
      { header: '审核时间', width: 17 },
      { header: '审核意见', width: 30 },
    ],
    rows: await pagedRows(
      async (page) => (await listContributionsFor(ctx, user, { ...q, page, pageSize: PAGE })).items,
      (c): Cell[] => [
        serviceMinute(c.createdAt),
        c.title,
        c.question,
        c.answer,
        c.contributorName ?? '',
        c.organisation ?? '',
        c.contact ?? '',
        contributionStatusLabels[c.status] ?? c.status,
        c.reviewerName ?? '',
        serviceMinute(c.reviewedAt),
        c.reviewNote ?? '',
      ],
      PAGE,
      EXPORT_MAX_ROWS,
    ),
  };
}
