import { channelLabels, lightLabels, ticketTypeLabels, urgencyLabels } from './enums';
import { pendingRequestLabels } from './ticket-vocabulary';

/**
 * One order of a list as both exports write it (the server's Excel workbook, the screen's CSV):
 * the columns in order, labels not codes, times through the caller's formatter.
 */
export const ticketExportColumns = [
  { header: '工单编号', width: 16 },
  { header: '状态', width: 12 },
  { header: '待决申请', width: 10 },
  { header: '预警', width: 10 },
  { header: '诉求类型', width: 10 },
  { header: '紧急程度', width: 10 },
  { header: '来源渠道', width: 12 },
  { header: '问题分类', width: 14 },
  { header: '诉求摘要', width: 50 },
  { header: '来电人', width: 10 },
  { header: '联系电话', width: 15 },
  { header: '区域', width: 10 },
  { header: '主办单位', width: 22 },
  { header: '受理时间', width: 17 },
  { header: '派单时间', width: 17 },
  { header: '办理时限', width: 17 },
  { header: '办结时间', width: 17 },
];

type Instant = string | Date | null;

/** The fields of a list row the export reads (the list's own masking already applied). */
export interface TicketExportItem {
  ticketNo: string;
  statusLabel: string;
  pendingRequest: string | null;
  light: string;
  type: string;
  urgency: string;
  channel: string;
  categoryName: string | null;
  summary: string;
  caller: { confidential: boolean; name: string | null; phone: string | null };
  region: string | null;
  leadUnitName: string | null;
  receivedAt: Instant;
  dispatchedAt: Instant;
  handleBy: Instant;
  closedAt: Instant;
}

const label = <K extends string>(labels: Record<K, string>, code: string) => labels[code as K] ?? code;

/** The row's cells in the order of `ticketExportColumns`; `time` formats an instant. */
export function ticketExportCells(t: TicketExportItem, time: (v: Instant) => string): string[] {
  return [
    t.ticketNo,
    t.statusLabel,
    t.pendingRequest ? label(pendingRequestLabels, t.pendingRequest) : '',
    label(lightLabels, t.light),
    label(ticketTypeLabels, t.type),
    label(urgencyLabels, t.urgency),
    label(channelLabels, t.channel),
    t.categoryName ?? '',
    t.summary,
    t.caller.confidential && !t.caller.name ? '（保密）' : (t.caller.name ?? ''),
    t.caller.phone ?? '',
    t.region ?? '',
    t.leadUnitName ?? '',
    time(t.receivedAt),
    time(t.dispatchedAt),
    t.handleBy ? time(t.handleBy) : '',
    time(t.closedAt),
  ];
}
