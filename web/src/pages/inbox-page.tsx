import { Typography } from 'antd';
import { useMe } from '../auth/auth-context';
import { PageTitle } from '../components/page-title';
import { TicketTable } from '../components/ticket-table';

/** 承办: the unit's orders, most urgent deadline first; a row opens the order's page. */
export function InboxPage() {
  const me = useMe();
  return (
    <div>
      <PageTitle
        title={`承办工单 · ${me.unitName}`}
        extra={
          <Typography.Text type="secondary">
            按办理时限排序；剩余时间按自然时间计算，以预警灯为准
          </Typography.Text>
        }
      />
      <TicketTable
        baseQuery={{ scope: 'todo' }}
        defaultSort="due"
        filters={['q', 'status', 'light', 'type', 'category']}
        statusOptions={['dispatched', 'in_progress', 'unsatisfied']}
        columns={[
          'ticketNo',
          'light',
          'status',
          'urgency',
          'type',
          'category',
          'summary',
          'caller',
          'receivedAt',
          'handleBy',
        ]}
        exportName="承办工单"
        refetchInterval={60_000}
      />
    </div>
  );
}
