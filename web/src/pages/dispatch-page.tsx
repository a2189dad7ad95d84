import { Typography } from 'antd';
import { useMe } from '../auth/auth-context';
import { PageTitle } from '../components/page-title';
import { QueueTabs, type QueueTab } from '../components/queue-tabs';
import { columnsWithout, defaultTicketColumns, type TicketColumn } from '../components/ticket-columns';

const queueColumns: TicketColumn[] = [
  'ticketNo',
  'status',
  'urgency',
  'type',
  'category',
  'summary',
  'region',
  'caller',
  'receivedAt',
];
const handlingColumns = columnsWithout(defaultTicketColumns, 'caller');

/** 派单审核: dispatch, review of replies, returns, extensions, appeals, suspended orders. */
export function DispatchPage() {
  const me = useMe();
  const sub = me.unitKind === 'sub-platform';
  const tabs: QueueTab[] = [
    {
      key: 'dispatch',
      label: '待派单',
      query: { scope: 'todo', status: 'pending_dispatch' },
      columns: queueColumns,
      defaultSort: 'received',
      filters: ['q', 'type', 'channel', 'category'],
    },
    {
      key: 'requests',
      label: sub ? '待转派及申请' : '回退/延期申请',
      query: { scope: 'todo', status: 'dispatched,in_progress' },
      columns: handlingColumns,
      defaultSort: 'due',
      filters: ['q', 'light', 'type'],
    },
    {
      key: 'review',
      label: '答复审核',
      query: { scope: 'todo', status: 'replied' },
      columns: handlingColumns,
      defaultSort: 'received',
      filters: ['q', 'light', 'type'],
    },
    {
      key: 'appeals',
      label: '申诉',
      query: { scope: 'todo', status: 'appealed' },
      columns: handlingColumns,
      filters: ['q', 'type'],
    },
    {
      key: 'suspended',
      label: '已挂起',
      query: { scope: 'all', status: 'suspended' },
      columns: handlingColumns,
      filters: ['q', 'type'],
    },
    {
      key: 'all',
      label: '全部待办',
      query: { scope: 'todo' },
      columns: handlingColumns,
      counted: false,
      filters: ['q', 'status', 'light', 'type', 'channel'],
    },
  ];
  return (
    <div>
      <PageTitle
        title={sub ? `派单审核 · ${me.unitName}` : '派单审核'}
        extra={
          <Typography.Text type="secondary">
            点击工单在右侧打开，派单、审核、回退与延期审批均在详情中办理
          </Typography.Text>
        }
      />
      <QueueTabs tabs={tabs} exportName="派单审核" />
    </div>
  );
}
