import { auditActionLabels, auditTargetLabels } from '../../../common/audit-vocabulary';
import { intakeGroupingLabels, type IntakeStatsQuery } from '../../../common/contracts/statistics';
import { indicators, type IndicatorId } from '../../domain/kpi';
import type { Db } from '../../platform/db';
import type { SessionUser } from '../../platform/http';
import type { AssessmentResult } from '../assessment/assess-units';
import { auditEntriesForExport } from '../audit/list-audit';
import { intakeStats } from '../statistics/intake-stats';
import { EXPORT_MAX_ROWS, EXPORT_PAGE } from './ticket-export';
import { serviceMinute, type Cell, type XlsxSheet } from './xlsx-stream';

/** 受理量统计 with the screen's filters: one row per group and a total. */
export async function intakeStatsSheet(db: Db, user: SessionUser, q: IntakeStatsQuery): Promise<XlsxSheet> {
  const stats = await intakeStats(db, user, q);
  const share = (n: number) => (stats.total > 0 ? Math.round((n / stats.total) * 10000) / 100 : 0);
  return {
    name: '受理量统计',
    columns: [
      { header: intakeGroupingLabels[q.groupBy], width: 24 },
      { header: '受理量', width: 12 },
      { header: '占比（%）', width: 12 },
    ],
    rows: [
      [
        ...stats.rows.map((r): Cell[] => [r.label, r.count, share(r.count)]),
        [`合计（${q.from} 至 ${q.to}）`, stats.total, stats.total > 0 ? 100 : 0],
      ],
    ],
  };
}

/** A rate as a percentage with two decimals; a count as it is; null as ''. */
function indicatorCell(id: IndicatorId, v: number | null): Cell {
  if (v === null) return '';
  return indicators[id].kind === 'rate' ? Math.round(v * 10000) / 100 : v;
}

/** 考核结果: one row per unit as the screen ranks them, the scheme's indicators as columns. */
export function assessmentSheet(result: AssessmentResult): XlsxSheet {
  const ids = (Object.keys(indicators) as IndicatorId[]).filter((id) =>
    result.units.some((u) => u[id] !== null && u[id] !== undefined),
  );
  return {
    name: '考核结果',
    columns: [
      { header: '排名', width: 8 },
      { header: '单位代码', width: 14 },
      { header: '承办单位', width: 26 },
      { header: '得分', width: 10 },
      { header: '有派单月数', width: 12 },
      ...ids.map((id) => ({
        header: indicators[id].kind === 'rate' ? `${indicators[id].name}（%）` : indicators[id].name,
        width: 16,
      })),
    ],
    rows: [
      result.units.map((u): Cell[] => [
        u.rank,
        u.unitCode,
        u.unitName,
        u.score === null ? '' : Math.round(u.score * 100) / 100,
        u.months,
        ...ids.map((id) => indicatorCell(id, u[id])),
      ]),
    ],
  };
}

type AuditQuery = Parameters<typeof auditEntriesForExport>[1];

/** 审计日志 with the screen's filters, newest first, read by keyset pages. */
export function auditSheet(db: Db, q: AuditQuery): XlsxSheet {
  async function* pages(): AsyncGenerator<Cell[][]> {
    let before: number | null = null;
    let written = 0;
    while (written < EXPORT_MAX_ROWS) {
      const items = await auditEntriesForExport(
        db,
        q,
        before,
        Math.min(EXPORT_PAGE, EXPORT_MAX_ROWS - written),
      );
      if (items.length === 0) return;
      yield items.map((e): Cell[] => [
        serviceMinute(e.at),
        e.actor ?? '',
        auditActionLabels[e.action] ?? e.action,
        e.targetType ? (auditTargetLabels[e.targetType] ?? e.targetType) : '',
        e.targetType === 'ticket' && e.ticketNos[0] ? e.ticketNos[0] : (e.targetId ?? ''),
        e.ticketNos.join('、'),
        e.details && Object.keys(e.details as object).length > 0 ? JSON.stringify(e.details) : '',
        e.ip ?? '',
      ]);
      written += items.length;
      before = items[items.length - 1]?.id ?? null;
    }
  }
  return {
    name: '审计日志',
    columns: [
      { header: '时间', width: 17 },
      { header: '操作人', width: 14 },
      { header: '操作', width: 20 },
      { header: '对象类型', width: 12 },
      { header: '对象', width: 16 },
      { header: '涉及工单', width: 30 },
      { header: '详情', width: 60 },
      { header: '客户端地址', width: 16 },
    ],
    rows: pages(),
  };
}
