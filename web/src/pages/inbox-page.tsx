import { Radio, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../auth/auth-context';
import { PageTitle } from '../components/page-title';
import { columnsWithout, urgentFirstColumns } from '../components/ticket-columns';
import { TicketTable } from '../components/ticket-table';

const columns = columnsWithout(urgentFirstColumns, 'leadUnit');

/** 承办: the unit's orders, most urgent deadline first; a row opens the order's page. */
export function InboxPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const all = params.get('view') === 'all';
  return (
    <div>
      <PageTitle
        title={`承办工单 · ${me.unitName}`}
        extra={
          <Space>
            <Typography.Text type="secondary">
              按办理时限排序；剩余时间按工作日计算，以预警灯为准
            </Typography.Text>
            <Radio.Group
              optionType="button"
              value={all ? 'all' : 'todo'}
              onChange={(e) => setParams(e.target.value === 'all' ? { view: 'all' } : {}, { replace: true })}
              options={[
                { value: 'todo', label: '待办' },
                { value: 'all', label: '全部经办' },
              ]}
            />
          </Space>
        }
      />
      <TicketTable
        key={all ? 'all' : 'todo'}
        baseQuery={{ scope: all ? 'all' : 'todo' }}
        defaultSort={all ? '-received' : 'due'}
        filters={['q', 'status', 'light', 'type', 'category']}
        statusOptions={all ? undefined : ['dispatched', 'in_progress', 'unsatisfied']}
        columns={columns}
        exportName={all ? '经办工单' : '承办工单'}
        refetchInterval={60_000}
      />
    </div>
  );
}
