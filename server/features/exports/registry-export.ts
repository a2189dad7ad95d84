import type { z } from 'zod';
import {
  enterpriseStatusLabels,
  type EnterpriseSummaryDto,
  type listEnterprisesQuery,
} from '../../../common/contracts/enterprises';
import {
  applicationStatusLabels,
  numberActionLabels,
  numberKindLabels,
  type listApplicationsQuery,
  type ServiceNumberDto,
} from '../../../common/contracts/service-numbers';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { listEnterprises } from '../enterprises/get-enterprise';
import { listApplicationsFor, listRegistry } from '../service-numbers/list-registry';
import { listReviewsFor } from '../service-numbers/number-reviews';
import { EXPORT_MAX_ROWS } from './ticket-export';
import { percentCell, serviceMinute, truncatedNote, yesNo, type Cell, type XlsxSheet } from './xlsx-stream';

export type EnterpriseExportQuery = Omit<z.output<typeof listEnterprisesQuery>, 'limit'>;

/**
 * 加盟企业 with the screen's filters (status, name or credit code), every match up to the export
 * limit; contact people masked as in the list (the full contact is an audited reveal on the detail).
 */
export async function enterprisesSheet(
  ctx: AppContext,
  user: SessionUser,
  q: EnterpriseExportQuery,
): Promise<XlsxSheet> {
  const { items } = await listEnterprises(ctx, user, { ...q, limit: EXPORT_MAX_ROWS + 1 });
  const row = (e: EnterpriseSummaryDto): Cell[] => [
    e.name,
    e.creditCode,
    e.services.map((s) => s.name).join('、'),
    e.address,
    e.contactName,
    e.contactPhone,
    enterpriseStatusLabels[e.status],
    serviceMinute(e.appliedAt),
    e.rating.stars ?? '评价不足',
    e.rating.ratedOrders,
    percentCell(e.rating.satisfactionRate),
    e.rating.recentBadRecords,
    e.visits,
    e.recommendations,
    yesNo(e.suspensionDue),
  ];
  return {
    name: '加盟企业',
    columns: [
      { header: '企业名称', width: 28 },
      { header: '统一社会信用代码', width: 22 },
      { header: '服务项目', width: 24 },
      { header: '地址', width: 30 },
      { header: '联系人', width: 10 },
      { header: '联系电话', width: 15 },
      { header: '状态', width: 10 },
      { header: '申请时间', width: 17 },
      { header: '星级', width: 10 },
      { header: '评价工单数', width: 12 },
      { header: '满意率（%）', width: 12 },
      { header: '近期不良记录', width: 12 },
      { header: '核实次数', width: 10 },
      { header: '协会推荐', width: 10 },
      { header: '应暂停', width: 8 },
    ],
    rows: [
      items.slice(0, EXPORT_MAX_ROWS).map(row),
      items.length > EXPORT_MAX_ROWS ? [truncatedNote(EXPORT_MAX_ROWS)] : [],
    ],
  };
}

const numberStateLabels: Record<ServiceNumberDto['state'], string> = {
  published: '已公布',
  scheduled: '待生效',
  closed: '已撤销',
};

/** 号码登记簿 as the screen lists it for this user (the center every unit, a unit its own tree). */
export async function serviceNumbersSheet(ctx: AppContext, user: SessionUser): Promise<XlsxSheet> {
  const { items } = await listRegistry(ctx, user);
  return {
    name: '号码登记簿',
    columns: [
      { header: '单位', width: 24 },
      { header: '号码', width: 16 },
      { header: '名称', width: 24 },
      { header: '类别', width: 12 },
      { header: '值守时间', width: 16 },
      { header: '职责', width: 30 },
      { header: '状态', width: 10 },
      { header: '生效日期', width: 12 },
      { header: '变更次数', width: 10 },
      { header: '投诉总数', width: 10 },
      { header: '投诉办理中', width: 10 },
      { header: '投诉属实', width: 10 },
    ],
    rows: [
      items.map((n): Cell[] => [
        n.unitName,
        n.current.number,
        n.current.name,
        numberKindLabels[n.current.kind],
        n.current.dutyHours,
        n.current.duties,
        numberStateLabels[n.state],
        n.current.effectiveDate,
        n.history.length - 1,
        n.complaints.total,
        n.complaints.open,
        n.complaints.upheld,
      ]),
    ],
  };
}

/** 号码申请 with the screen's status filter (the center's review queue, or a unit's own). */
export async function applicationsSheet(
  ctx: AppContext,
  user: SessionUser,
  q: z.output<typeof listApplicationsQuery>,
): Promise<XlsxSheet> {
  const { items } = await listApplicationsFor(ctx, user, q);
  return {
    name: '号码申请',
    columns: [
      { header: '单位', width: 24 },
      { header: '申请事项', width: 10 },
      { header: '号码', width: 16 },
      { header: '名称', width: 24 },
      { header: '类别', width: 12 },
      { header: '值守时间', width: 16 },
      { header: '职责', width: 30 },
      { header: '生效日期', width: 12 },
      { header: '理由', width: 30 },
      { header: '状态', width: 10 },
      { header: '申请人', width: 10 },
      { header: '申请时间', width: 17 },
      { header: '审核人', width: 10 },
      { header: '审核时间', width: 17 },
      { header: '审核意见', width: 30 },
    ],
    rows: [
      items.map((a): Cell[] => [
        a.unitName,
        numberActionLabels[a.action],
        a.number,
        a.name,
        numberKindLabels[a.kind],
        a.dutyHours,
        a.duties,
        a.effectiveDate,
        a.reason ?? '',
        applicationStatusLabels[a.status],
        a.appliedBy,
        serviceMinute(a.appliedAt),
        a.decidedBy ?? '',
        serviceMinute(a.decidedAt),
        a.decisionNote ?? '',
      ]),
    ],
  };
}

/** 半年审核 tasks in the viewer's scope, with the period's changes and the unit's report. */
export async function reviewsSheet(
  ctx: AppContext,
  user: SessionUser,
  q: { period?: string | undefined },
): Promise<XlsxSheet> {
  const { items } = await listReviewsFor(ctx, user, q.period);
  return {
    name: '半年审核',
    columns: [
      { header: '周期', width: 10 },
      { header: '单位', width: 26 },
      { header: '截止时间', width: 17 },
      { header: '本期变化', width: 10 },
      { header: '变化明细', width: 50 },
      { header: '状态', width: 10 },
      { header: '报告人', width: 16 },
      { header: '报告时间', width: 17 },
      { header: '单位报告', width: 50 },
    ],
    rows: [
      items.map((r): Cell[] => [
        r.period,
        r.unitName,
        serviceMinute(r.dueAt),
        r.changes.length,
        r.changes
          .map((c) => `${c.effectiveDate} ${numberActionLabels[c.action]} ${c.number} ${c.name}`)
          .join('；'),
        r.answeredAt ? '已报告' : r.overdue ? '已逾期' : '待报告',
        r.answeredBy ?? '',
        serviceMinute(r.answeredAt),
        r.report ?? '',
      ]),
    ],
  };
}
