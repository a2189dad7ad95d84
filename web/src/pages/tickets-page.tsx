import { Radio } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageTitle } from '../components/page-title';
import { TicketTable } from '../components/ticket-table';

type Scope = 'all' | 'mine' | 'todo';
const scopes: Scope[] = ['all', 'todo', 'mine'];

/** Every order this user may see, with all filters. */
export function TicketsPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('scope');
  const scope: Scope = scopes.includes(raw as Scope) ? (raw as Scope) : 'all';
  return (
    <div>
      <PageTitle
        title="工单查询"
        extra={
          <Radio.Group
            optionType="button"
            value={scope}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              if (e.target.value === 'all') next.delete('scope');
              else next.set('scope', String(e.target.value));
              next.delete('page');
              setParams(next, { replace: true });
            }}
            options={[
              { value: 'all', label: '全部可见' },
              { value: 'todo', label: '我的待办' },
              { value: 'mine', label: '我登记的' },
            ]}
          />
        }
      />
      <TicketTable
        baseQuery={{ scope }}
        filters={['q', 'received', 'region', 'leadUnit', 'status', 'light', 'type', 'channel', 'category']}
        columns={[
          'ticketNo',
          'light',
          'status',
          'type',
          'urgency',
          'channel',
          'category',
          'summary',
          'caller',
          'region',
          'leadUnit',
          'receivedAt',
          'handleBy',
        ]}
        exportName="工单查询"
      />
    </div>
  );
}
