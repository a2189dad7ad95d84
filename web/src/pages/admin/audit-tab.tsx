import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api/client';
import type { AuditEntry, Page } from '../../api/types';
import { fmtDateTime } from '../../lib/format';

const actionLabels: Record<string, string> = {
  login: '登录',
  'login-failed': '登录失败',
  'login-refused': '拒绝登录',
  logout: '退出',
  'password-changed': '修改密码',
  'reveal-caller': '查看来电人完整信息',
  'read-caller': '读取来电人信息',
  'list-caller': '列表返回来电人信息',
  'reveal-caller-refused': '拒绝查看（投诉人保护）',
  'calendar-imported': '导入节假日安排',
  'user-created': '新建用户',
  'user-updated': '修改用户',
  'password-reset': '重置密码',
  'unit-created': '新建单位',
  'unit-updated': '修改单位',
};

/** The audit log (who did what, newest first), paged on the server. */
export function AuditTab() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [action, setAction] = useState('');
  const q = useQuery({
    queryKey: ['audit', page, pageSize, action],
    queryFn: ({ signal }) =>
      api<Omit<Page<AuditEntry>, 'page' | 'pageSize'>>('/api/admin/audit', {
        query: { page, pageSize, action: action || undefined },
        signal,
      }),
    placeholderData: (prev) => prev,
  });
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="按操作筛选"
          style={{ width: 240 }}
          value={action || undefined}
          onChange={(v?: string) => {
            setAction(v ?? '');
            setPage(1);
          }}
          options={Object.entries(actionLabels).map(([value, label]) => ({ value, label }))}
          aria-label="按操作筛选"
        />
      </Space>
      {q.isError && <Alert type="error" showIcon title={errorText(q.error)} />}
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{
          current: page,
          pageSize,
          total: q.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 140, render: (v: string) => fmtDateTime(v) },
          { title: '操作人', dataIndex: 'actor', width: 120, render: (v: string | null) => v ?? '系统' },
          { title: '操作', dataIndex: 'action', width: 130, render: (v: string) => actionLabels[v] ?? v },
          {
            title: '对象',
            key: 'target',
            width: 130,
            render: (_: unknown, r) => (r.targetType ? `${r.targetType} #${r.targetId ?? ''}` : '—'),
          },
          {
            title: '详情',
            dataIndex: 'details',
            render: (d: Record<string, unknown> | null) =>
              d ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {JSON.stringify(d)}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          { title: 'IP', dataIndex: 'ip', width: 120, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
