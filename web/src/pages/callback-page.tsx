import { Typography } from 'antd';
import { PageTitle } from '../components/page-title';
import { QueueTabs, type QueueTab } from '../components/queue-tabs';
import { columnsWithout, defaultTicketColumns } from '../components/ticket-columns';

/** Callbacks come after the handling: no light, no handling deadline. */
const columns = columnsWithout(defaultTicketColumns, 'light', 'handleBy');

/** 回访研判: callbacks, unsatisfied orders (redo or close), appeals. */
export function CallbackPage() {
  const tabs: QueueTab[] = [
    {
      key: 'callback',
      label: '待回访',
      query: { scope: 'todo', status: 'pending_callback' },
      columns,
      defaultSort: 'received',
      filters: ['q', 'type', 'category'],
    },
    {
      key: 'unsatisfied',
      label: '不满意待研判',
      query: { scope: 'todo', status: 'unsatisfied' },
      columns,
      filters: ['q', 'type', 'category'],
    },
    {
      key: 'appeals',
      label: '申诉研判',
      query: { scope: 'todo', status: 'appealed' },
      columns,
      filters: ['q', 'type'],
    },
    {
      key: 'closed',
      label: '已办结',
      query: { scope: 'all', status: 'closed' },
      columns,
      counted: false,
      filters: ['q', 'type', 'category'],
    },
  ];
  return (
    <div>
      <PageTitle
        title="回访研判"
        extra={
          <Typography.Text type="secondary">
            回访诉求人并记录满意度（按本地规定抽样：工单详情显示是否须回访）；不满意的工单研判、质检后重办或办结
          </Typography.Text>
        }
      />
      <QueueTabs tabs={tabs} exportName="回访" />
    </div>
  );
}
