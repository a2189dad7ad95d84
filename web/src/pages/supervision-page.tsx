import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../auth/auth-context';
import { PageTitle } from '../components/page-title';
import { QueueTabs, type QueueTab } from '../components/queue-tabs';
import { columnsWithout, urgentFirstColumns } from '../components/ticket-columns';
import { SupervisionRecords } from '../features/supervision-records';
import { UnitSupervisions } from '../features/unit-supervisions';

const open = 'dispatched,in_progress,replied,pending_callback,unsatisfied,appealed,suspended';
const columns = columnsWithout(urgentFirstColumns, 'caller', 'receivedAt');

/**
 * 督办: supervision records with their lights (units answer them here), and the center's queues
 * of overdue and red orders and yellow warnings; supervise from the order.
 */
export function SupervisionPage() {
  const tabs: QueueTab[] = [
    {
      key: 'overdue',
      label: '超期及红灯',
      query: { status: open, light: 'overdue,red' },
      columns,
      defaultSort: 'due',
      filters: ['q', 'light', 'type', 'category'],
    },
    {
      key: 'yellow',
      label: '黄灯预警',
      query: { status: open, light: 'yellow' },
      columns,
      defaultSort: 'due',
      filters: ['q', 'type', 'category'],
    },
    {
      key: 'open',
      label: '全部在办',
      query: { status: open },
      columns,
      defaultSort: 'due',
      counted: false,
      filters: ['q', 'status', 'light', 'type', 'category'],
    },
  ];
  const me = useMe();
  // A link to one of the order queues (?tab=overdue…) opens them; otherwise the records.
  const [params] = useSearchParams();
  const unitView = me.role === 'handler' || me.role === 'unit-leader';
  if (unitView) {
    return (
      <div>
        <PageTitle
          title="督办答复"
          extra={
            <Typography.Text type="secondary">
              被督办单位应在答复期限内书面说明情况；逾期答复记为逾期并通报
            </Typography.Text>
          }
        />
        <SupervisionRecords />
      </div>
    );
  }
  return (
    <div>
      <PageTitle
        title="督办"
        extra={
          <Typography.Text type="secondary">
            红灯工单由系统自动发出催办单（见办理记录“催办”）；可对工单发起书面、电话、现场等督办
          </Typography.Text>
        }
      />
      <Tabs
        size="small"
        defaultActiveKey={params.has('tab') ? 'orders' : 'records'}
        items={[
          { key: 'records', label: '督办记录', children: <SupervisionRecords /> },
          { key: 'orders', label: '工单督办', children: <QueueTabs tabs={tabs} exportName="督办" /> },
          { key: 'units', label: '单位督办', children: <UnitSupervisions /> },
        ]}
      />
    </div>
  );
}
