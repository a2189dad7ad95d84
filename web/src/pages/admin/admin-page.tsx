import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../components/page-title';
import { ApiKeysTab } from './api-keys-tab';
import { AuditTab } from './audit-tab';
import { CalendarTab } from './calendar-tab';
import { CategoriesTab } from './categories-tab';
import { ClockTab } from './clock-tab';
import { MessagesTab } from './messages-tab';
import { PolicyTab } from './policy-tab';
import { UnitsTab } from './units-tab';
import { UsersTab } from './users-tab';
import { WebhooksTab } from './webhooks-tab';

const tabs = [
  'units',
  'users',
  'categories',
  'policy',
  'calendar',
  'messages',
  'clock',
  'audit',
  'api-keys',
  'webhooks',
] as const;

/** 系统管理: units, users, the active policy profile, the calendar and the test clock. */
export function AdminPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const active = tabs.includes(raw as (typeof tabs)[number]) ? (raw as string) : 'units';
  return (
    <div>
      <PageTitle title="系统管理" />
      <Tabs
        size="small"
        activeKey={active}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'units', label: '单位', children: <UnitsTab /> },
          { key: 'users', label: '用户', children: <UsersTab /> },
          { key: 'categories', label: '问题分类', children: <CategoriesTab /> },
          { key: 'policy', label: '政策配置', children: <PolicyTab /> },
          { key: 'calendar', label: '工作日历', children: <CalendarTab /> },
          { key: 'messages', label: '短信与值班', children: <MessagesTab /> },
          { key: 'clock', label: '测试时钟', children: <ClockTab /> },
          { key: 'audit', label: '审计日志', children: <AuditTab /> },
          { key: 'api-keys', label: '接口密钥', children: <ApiKeysTab /> },
          { key: 'webhooks', label: '推送订阅', children: <WebhooksTab /> },
        ]}
      />
    </div>
  );
}
