import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { roleLabels, roles, type Role } from '../../../../common/enums';
import { api, errorText } from '../../api/client';
import { ConfirmButton, ListToolbar, QueryError, SaveModal, useSaveForm } from '../../components/list-kit';
import type { AdminUser } from '../../api/types';
import { fmtDateTime } from '../../lib/format';
import { UnitPicker } from '../../features/unit-picker';

interface UserForm {
  username?: string;
  displayName: string;
  role: Role;
  unitId: number;
  initialPassword?: string;
}

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

function UserModal({ user, onClose }: { user: AdminUser | 'new'; onClose: () => void }) {
  const creating = user === 'new';
  const editor = useSaveForm(
    (v: UserForm) =>
      creating
        ? api('/api/admin/users', { method: 'POST', body: v })
        : api(`/api/admin/users/${user.id}`, {
            method: 'PATCH',
            body: { displayName: v.displayName, role: v.role, unitId: v.unitId },
          }),
    {
      queryKey: ['admin-users'],
      done: creating ? '用户已创建，首次登录须修改密码' : '用户已更新',
      onSaved: onClose,
    },
  );
  return (
    <SaveModal
      title={creating ? '新建用户' : `修改用户 ${user.username}`}
      editor={editor}
      onClose={onClose}
      initialValues={
        creating
          ? { role: 'handler' }
          : { displayName: user.displayName, role: user.role, unitId: user.unitId }
      }
    >
      {creating && (
        <Form.Item
          name="username"
          label="用户名"
          rules={[{ required: true, message: '请填写用户名' }]}
          extra="3-32 位小写字母、数字、点、下划线或连字符"
        >
          <Input autoFocus />
        </Form.Item>
      )}
      <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={roleOptions} />
      </Form.Item>
      <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择单位' }]}>
        <UnitPicker placeholder="选择所属单位" />
      </Form.Item>
      {creating && (
        <Form.Item
          name="initialPassword"
          label="临时密码"
          rules={[{ required: true, message: '请设置临时密码' }]}
          extra="用户首次登录时须修改"
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </SaveModal>
  );
}

function ResetPassword({ user }: { user: AdminUser }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [pwd, setPwd] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reset = useMutation({
    mutationFn: () =>
      api(`/api/admin/users/${user.id}/reset-password`, { method: 'POST', body: { temporaryPassword: pwd } }),
    onSuccess: async () => {
      message.success(`已重置 ${user.displayName} 的密码`);
      await qc.invalidateQueries({ queryKey: ['admin-users'] });
      setOpen(false);
      setPwd('');
    },
    onError: (e) => setError(errorText(e)),
  });
  return (
    <>
      <Button type="link" size="small" onClick={() => setOpen(true)}>
        重置密码
      </Button>
      <Modal
        open={open}
        title={`重置密码 · ${user.displayName}`}
        okText="重置"
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onOk={() => reset.mutate()}
        okButtonProps={{ disabled: !pwd, loading: reset.isPending }}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
        <Input.Password
          value={pwd}
          onChange={(e) => setPwd(e.target.value)}
          placeholder="临时密码（下次登录须修改）"
          autoComplete="new-password"
        />
      </Modal>
    </>
  );
}

/** Users: create, change role/unit, deactivate, reset password (every change is audited). */
export function UsersTab() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const [q, setQ] = useState('');
  const users = useQuery({
    queryKey: ['admin-users'],
    queryFn: ({ signal }) => api<AdminUser[]>('/api/admin/users', { signal }),
  });
  const toggle = useMutation({
    mutationFn: (u: AdminUser) =>
      api(`/api/admin/users/${u.id}`, { method: 'PATCH', body: { active: !u.active } }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['admin-users'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const list = (users.data ?? []).filter(
    (u) => !q || u.username.includes(q) || u.displayName.includes(q) || u.unitName.includes(q),
  );
  return (
    <>
      <ListToolbar
        create={{ label: '新建用户', onClick: () => setEditing('new') }}
        exportXlsx={{ path: '/api/admin/users/export.xlsx', query: { q: q || undefined }, fileName: '用户' }}
        note={`共 ${users.data?.length ?? 0} 个账号`}
      >
        <Input.Search
          allowClear
          placeholder="用户名、姓名或单位"
          style={{ width: 240 }}
          onSearch={(v) => setQ(v.trim())}
        />
      </ListToolbar>
      <QueryError query={users} />
      <Table<AdminUser>
        size="small"
        rowKey="id"
        loading={users.isLoading}
        dataSource={list}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 130 },
          { title: '姓名', dataIndex: 'displayName', width: 180 },
          {
            title: '角色',
            dataIndex: 'role',
            width: 110,
            render: (r: Role) => <Tag color="blue">{roleLabels[r] ?? r}</Tag>,
          },
          { title: '所属单位', dataIndex: 'unitName' },
          {
            title: '状态',
            key: 'state',
            width: 150,
            render: (_: unknown, u) => (
              <Space size={4}>
                {u.active ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>}
                {u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now() && (
                  <Tag color="error">已锁定</Tag>
                )}
                {u.mustChangePassword && <Tag color="warning">待改密</Tag>}
              </Space>
            ),
          },
          { title: '创建时间', dataIndex: 'createdAt', width: 130, render: (v: string) => fmtDateTime(v) },
          {
            title: '操作',
            key: 'ops',
            width: 200,
            render: (_: unknown, u) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(u)}>
                  修改
                </Button>
                <ResetPassword user={u} />
                <ConfirmButton
                  link
                  danger={u.active}
                  title={u.active ? `停用 ${u.displayName}？停用后立即无法登录` : `启用 ${u.displayName}？`}
                  onConfirm={() => toggle.mutate(u)}
                >
                  {u.active ? '停用' : '启用'}
                </ConfirmButton>
              </Space>
            ),
          },
        ]}
      />
      {editing && <UserModal user={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
