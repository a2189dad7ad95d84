import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { api } from '../api/client';

interface DemoAccounts {
  password: string;
  items: { username: string; roleLabel: string; displayName: string; unitName: string }[];
}

/** Every demo account with its role and unit, on a demo installation only (the route 404s otherwise). */
export function DemoAccounts({ onPick }: { onPick: (username: string, password: string) => void }) {
  const q = useQuery({
    queryKey: ['demo-accounts'],
    queryFn: ({ signal }) => api<DemoAccounts>('/api/public/demo-accounts', { signal }),
    retry: false,
    staleTime: Infinity,
  });
  if (!q.data) return null;
  const { password, items } = q.data;
  return (
    <div style={{ marginTop: 16 }} data-testid="demo-accounts">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        演示环境账号（密码均为 {password}，点击填入）：
      </Typography.Text>
      <Table
        size="small"
        rowKey="username"
        pagination={false}
        scroll={{ y: 200 }}
        dataSource={items}
        style={{ marginTop: 4 }}
        onRow={(r) => ({ onClick: () => onPick(r.username, password), style: { cursor: 'pointer' } })}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 110 },
          { title: '角色', dataIndex: 'roleLabel', width: 100 },
          { title: '单位', dataIndex: 'unitName', ellipsis: true },
        ]}
      />
    </div>
  );
}
