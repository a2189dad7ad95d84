import { Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { channelLabels, ticketTypeLabels } from '../../../common/enums';
import type { TicketListItem } from '../api/types';
import { fmtShort } from '../lib/format';
import { DeadlineCountdown } from './deadline-countdown';
import { LightTag, StatusTag, UrgencyTag } from './tags';

export type TicketColumn =
  | 'ticketNo'
  | 'light'
  | 'status'
  | 'type'
  | 'urgency'
  | 'category'
  | 'summary'
  | 'caller'
  | 'region'
  | 'leadUnit'
  | 'receivedAt'
  | 'handleBy'
  | 'channel';

/** The order lists' usual columns; a desk leaves out what its work does not need. */
export const defaultTicketColumns: readonly TicketColumn[] = [
  'ticketNo',
  'light',
  'status',
  'type',
  'category',
  'summary',
  'caller',
  'leadUnit',
  'receivedAt',
  'handleBy',
];

/** The usual columns with the urgency after the status, for the desks that work the urgent first. */
export const urgentFirstColumns: readonly TicketColumn[] = defaultTicketColumns.flatMap((c) =>
  c === 'status' ? [c, 'urgency' as const] : [c],
);

/** Some columns without the ones named, in their order. */
export function columnsWithout(columns: readonly TicketColumn[], ...omit: TicketColumn[]): TicketColumn[] {
  return columns.filter((c) => !omit.includes(c));
}

const activeStatuses = new Set(['dispatched', 'in_progress']);

/** The summary column takes what is left, but never less than this. */
const summaryMinWidth = 160;

/** The width the table needs: narrower screens scroll it inside, never the page. */
export function tableWidth(columns: readonly TicketColumn[]): number {
  return columns.reduce((sum, c) => sum + (c === 'summary' ? summaryMinWidth : columnWidths[c]), 0);
}

const columnWidths: Record<Exclude<TicketColumn, 'summary'>, number> = {
  ticketNo: 128,
  light: 64,
  status: 96,
  type: 76,
  urgency: 72,
  channel: 96,
  category: 104,
  caller: 136,
  region: 72,
  leadUnit: 140,
  receivedAt: 96,
  handleBy: 184,
};

/** Text cut to its cell with the whole of it on hover. */
function cut(v: string | null | undefined) {
  if (!v) return '—';
  return (
    <Tooltip title={v} placement="topLeft">
      <span className="cell-cut">{v}</span>
    </Tooltip>
  );
}

/** The columns of the order lists: fixed widths, long text cut with the whole of it on hover. */
export function ticketColumns({
  sort,
  nowMs,
  open,
}: {
  sort: string;
  nowMs: number;
  open: (item: TicketListItem) => void;
}): Record<TicketColumn, ColumnsType<TicketListItem>[number]> {
  const columns: Record<TicketColumn, ColumnsType<TicketListItem>[number]> = {
    ticketNo: {
      title: '工单编号',
      dataIndex: 'ticketNo',
      width: columnWidths.ticketNo,
      fixed: 'left',
      render: (v: string, r) => (
        <a
          href={`/tickets/${r.id}`}
          onClick={(e) => {
            e.preventDefault();
            e.stopPropagation();
            open(r);
          }}
        >
          {v}
        </a>
      ),
    },
    light: {
      title: '预警',
      dataIndex: 'light',
      width: columnWidths.light,
      render: (_: unknown, r) => <LightTag light={r.light} />,
    },
    status: {
      title: '状态',
      dataIndex: 'status',
      width: columnWidths.status,
      render: (_: unknown, r) => (
        <StatusTag status={r.status} label={r.statusLabel} pending={r.pendingRequest} />
      ),
    },
    type: {
      title: '类型',
      dataIndex: 'type',
      width: columnWidths.type,
      ellipsis: { showTitle: false },
      render: (_: unknown, r) => cut(ticketTypeLabels[r.type]),
    },
    urgency: {
      title: '紧急程度',
      dataIndex: 'urgency',
      width: columnWidths.urgency,
      render: (_: unknown, r) => <UrgencyTag urgency={r.urgency} />,
    },
    channel: {
      title: '渠道',
      dataIndex: 'channel',
      width: columnWidths.channel,
      ellipsis: { showTitle: false },
      render: (_: unknown, r) => cut(channelLabels[r.channel]),
    },
    category: {
      title: '问题分类',
      dataIndex: 'categoryName',
      width: columnWidths.category,
      ellipsis: { showTitle: false },
      render: (v: string | null) => cut(v),
    },
    summary: {
      title: '诉求摘要',
      dataIndex: 'summary',
      ellipsis: { showTitle: false },
      render: (v: string) => cut(v),
    },
    caller: {
      title: '来电人',
      dataIndex: 'caller',
      width: columnWidths.caller,
      ellipsis: { showTitle: false },
      render: (_: unknown, r) => {
        if (r.caller.confidential && !r.caller.name) {
          return <Typography.Text type="secondary">保密</Typography.Text>;
        }
        const whole = [r.caller.name, r.caller.phone].filter(Boolean).join(' ');
        return (
          <Tooltip title={whole || undefined} placement="topLeft">
            <span className="cell-cut">
              {r.caller.name ?? '—'}{' '}
              {r.caller.phone ? <Typography.Text type="secondary">{r.caller.phone}</Typography.Text> : null}
            </span>
          </Tooltip>
        );
      },
    },
    region: {
      title: '区域',
      dataIndex: 'region',
      width: columnWidths.region,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    leadUnit: {
      title: '主办单位',
      dataIndex: 'leadUnitName',
      width: columnWidths.leadUnit,
      ellipsis: { showTitle: false },
      render: (v: string | null) => cut(v),
    },
    receivedAt: {
      title: '受理时间',
      dataIndex: 'receivedAt',
      width: columnWidths.receivedAt,
      sorter: true,
      sortOrder: sort === 'received' ? 'ascend' : sort === '-received' ? 'descend' : null,
      render: (v: string) => fmtShort(v),
    },
    handleBy: {
      title: '办理时限',
      dataIndex: 'handleBy',
      width: columnWidths.handleBy,
      fixed: 'right',
      sorter: true,
      sortOrder: sort === 'due' ? 'ascend' : sort === '-due' ? 'descend' : null,
      render: (_: unknown, r) => (
        <DeadlineCountdown
          due={r.handleBy}
          workingDaysLeft={r.workingDaysLeft}
          nowMs={nowMs}
          stopped={!activeStatuses.has(r.status)}
        />
      ),
    },
  };
  return columns;
}
