import {
  supervisionModeLabels,
  supervisionStatusLabels,
  supervisionTriggerLabels,
  type ListSupervisionsQuery,
  type SupervisionDto,
  type SupervisionStatus,
  type SupervisionTrigger,
} from '../../../common/contracts/supervision';
import { citeArticle } from '../../../common/article-citation';
import { periodLabel } from '../../../common/period';
import { indicators, type WarningLevel } from '../../domain/kpi';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import type { UnitWarningItem } from '../assessment/unit-warnings';
import { listSupervisions } from '../supervision/list-supervisions';
import { unitSupervisions } from '../supervision/unit-supervisions';
import { EXPORT_MAX_ROWS } from './ticket-export';
import { pagedRows, percentCell, serviceMinute, yesNo, type Cell, type XlsxSheet } from './xlsx-stream';

const lightLabels: Record<SupervisionDto['light'], string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
const warningLabels: Record<WarningLevel, string> = { red: '红色预警', yellow: '黄色预警', blue: '蓝色预警' };
/** The list's largest page. */
const PAGE = 200;

export type SupervisionExportQuery = Omit<ListSupervisionsQuery, 'page' | 'pageSize'>;

/**
 * 督办记录 with the screen's filters, every page of `GET /api/supervisions` for this user: the same
 * scope and the same withholding of the caller's identity in free text (units that may not know
 * the caller).
 */
export async function supervisionsSheet(
  ctx: AppContext,
  user: SessionUser,
  q: SupervisionExportQuery,
): Promise<XlsxSheet> {
  const row = (s: SupervisionDto): Cell[] => [
    supervisionStatusLabels[s.status],
    lightLabels[s.light],
    s.ticketNo,
    supervisionTriggerLabels[s.trigger],
    supervisionModeLabels[s.mode],
    s.reason ?? '',
    s.office ?? '',
    s.unitName ?? '',
    serviceMinute(s.createdAt),
    s.createdBy?.name ?? '系统',
    serviceMinute(s.dueAt),
    s.response ?? '',
    serviceMinute(s.respondedAt),
    s.respondedBy?.name ?? '',
    s.respondedAt ? yesNo(s.late) : '',
  ];
  return {
    name: '督办记录',
    columns: [
      { header: '答复状态', width: 12 },
      { header: '预警灯', width: 8 },
      { header: '工单编号', width: 16 },
      { header: '督办事由', width: 18 },
      { header: '督办方式', width: 10 },
      { header: '督办内容', width: 40 },
      { header: '督办主体', width: 16 },
      { header: '被督办单位', width: 22 },
      { header: '发起时间', width: 17 },
      { header: '发起人', width: 10 },
      { header: '答复期限', width: 17 },
      { header: '答复内容', width: 40 },
      { header: '答复时间', width: 17 },
      { header: '答复人', width: 10 },
      { header: '逾期答复', width: 10 },
    ],
    rows: await pagedRows(
      async (page) => (await listSupervisions(ctx, user, { ...q, page, pageSize: PAGE })).items,
      row,
      PAGE,
      EXPORT_MAX_ROWS,
    ),
  };
}

/** 单位督办 as the screen lists them for this user (the center all, a unit its own tree). */
export async function unitSupervisionsSheet(ctx: AppContext, user: SessionUser): Promise<XlsxSheet> {
  const { items } = await unitSupervisions(ctx, user);
  return {
    name: '单位督办',
    columns: [
      { header: '单位', width: 22 },
      { header: '督办事由', width: 18 },
      { header: '期间', width: 12 },
      { header: '督办内容', width: 40 },
      { header: '督办机构', width: 16 },
      { header: '发起时间', width: 17 },
      { header: '答复期限', width: 17 },
      { header: '状态', width: 12 },
      { header: '答复内容', width: 40 },
      { header: '答复时间', width: 17 },
    ],
    rows: [
      items.map((s): Cell[] => [
        s.unitName,
        supervisionTriggerLabels[s.trigger as SupervisionTrigger] ?? s.trigger,
        periodLabel(s.period),
        s.note ?? '',
        s.office ?? '',
        serviceMinute(s.createdAt),
        serviceMinute(s.respondBy),
        supervisionStatusLabels[s.status as SupervisionStatus],
        s.response ?? '',
        serviceMinute(s.respondedAt),
      ]),
    ],
  };
}

/** 单位预警: one row per missed target, red units first as the report ranks them. */
export function unitWarningsSheet(items: UnitWarningItem[]): XlsxSheet {
  return {
    name: '单位预警',
    columns: [
      { header: '单位代码', width: 14 },
      { header: '承办单位', width: 24 },
      { header: '预警等级', width: 10 },
      { header: '未达标项', width: 50 },
      { header: '目标（比率为%）', width: 14 },
      { header: '实际（比率为%）', width: 14 },
      { header: '依据', width: 30 },
      { header: '涉及工单', width: 30 },
    ],
    rows: [
      items.flatMap((w) =>
        w.reasons.map((r): Cell[] => {
          const rate = r.indicator !== null && indicators[r.indicator].kind === 'rate';
          return [
            w.unitCode,
            w.unitName,
            warningLabels[w.level],
            r.message,
            rate ? percentCell(r.target) : r.target,
            rate ? percentCell(r.actual) : r.actual,
            citeArticle(r.article),
            (r.ticketNos ?? []).join('、'),
          ];
        }),
      ),
    ],
  };
}
