import { Table, Tag, Typography } from 'antd';
import { stageLabels, type StageKey } from '../../../common/enums';
import type { Assignment, DeadlineDetail } from '../api/types';
import { DeadlineCountdown } from '../components/deadline-countdown';
import { ProvisionalMark } from '../components/tags';
import { renderExplanation } from '../../../common/deadline-text';
import { fmtDateTime } from '../lib/format';
import { assignmentRoleLabels, assignmentStatusLabels, labelOf } from '../../../common/ticket-vocabulary';

const pre = { whiteSpace: 'pre-wrap' as const, marginBottom: 0 };

/** The stage deadlines of an order with their lights and how each was computed. */
export function DeadlineTable({
  rows,
  nowMs,
  running,
}: {
  rows: DeadlineDetail[];
  nowMs: number;
  running: boolean;
}) {
  return (
    <Table<DeadlineDetail>
      size="small"
      rowKey="stage"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: '派单后生成办理时限' }}
      columns={[
        {
          title: '环节',
          dataIndex: 'stage',
          width: 110,
          render: (s: string, r) => (
            <span>
              {stageLabels[s as StageKey]}
              <ProvisionalMark provisional={r.provisional} />
            </span>
          ),
        },
        {
          title: '截止时间',
          dataIndex: 'dueAt',
          width: 200,
          render: (v: string, r) =>
            r.metAt || !r.open ? (
              <span>
                {fmtDateTime(v)}{' '}
                {r.metAt && (r.stage === 'returnBy' || r.stage === 'extensionRequestBy') ? (
                  <Tag>已结束</Tag>
                ) : r.metAt ? (
                  <Tag color="success">已完成</Tag>
                ) : (
                  <Tag>不再适用</Tag>
                )}
              </span>
            ) : (
              <DeadlineCountdown
                due={v}
                workingDaysLeft={r.workingDaysLeft}
                nowMs={nowMs}
                stopped={!running}
                full
              />
            ),
        },
        {
          title: '黄灯',
          dataIndex: 'warnAt',
          width: 96,
          render: (v: string | null) => (v ? fmtDateTime(v).slice(5) : '—'),
        },
        {
          title: '红灯',
          dataIndex: 'redAt',
          width: 96,
          render: (v: string | null) => (v ? fmtDateTime(v).slice(5) : '—'),
        },
        {
          title: '计算依据',
          dataIndex: 'explanation',
          render: (_: unknown, r) => (
            <Typography.Text type="secondary">{renderExplanation(r.explanation)}</Typography.Text>
          ),
        },
      ]}
    />
  );
}

/** The units an order was sent to, with their dates and replies. */
export function AssignmentTable({ rows }: { rows: Assignment[] }) {
  return (
    <Table<Assignment>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: '尚未派单' }}
      rowClassName={(r) => (r.active ? '' : 'row-inactive')}
      columns={[
        {
          title: '承办单位',
          dataIndex: 'unitName',
          render: (v: string, r) => (
            <span>
              {v} <Tag>{labelOf(assignmentRoleLabels, r.role)}</Tag>
            </span>
          ),
        },
        {
          title: '状态',
          dataIndex: 'status',
          width: 72,
          render: (v: string) => labelOf(assignmentStatusLabels, v),
        },
        {
          title: '派单',
          dataIndex: 'dispatchedAt',
          width: 88,
          render: (v: string | null) => (v ? fmtDateTime(v).slice(5) : '—'),
        },
        {
          title: '签收',
          dataIndex: 'acceptedAt',
          width: 88,
          render: (v: string | null) => (v ? fmtDateTime(v).slice(5) : '—'),
        },
        {
          title: '联系',
          dataIndex: 'contactedAt',
          width: 88,
          render: (v: string | null) => (v ? fmtDateTime(v).slice(5) : '—'),
        },
        {
          title: '答复',
          dataIndex: 'repliedAt',
          width: 88,
          render: (v: string | null) => (v ? fmtDateTime(v).slice(5) : '—'),
        },
      ]}
      expandable={{
        rowExpandable: (r) => !!r.reply,
        expandedRowRender: (r) => <Typography.Paragraph style={pre}>{r.reply}</Typography.Paragraph>,
      }}
    />
  );
}
