import { CopyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  apiKeyList,
  apiKeyScopeLabels,
  apiKeyScopes,
  type ApiKeyDto,
  type ApiKeyScope,
} from '../../../../common/contracts/api-keys';
import { api, apiParsed } from '../../api/client';
import { ConfirmButton, ListToolbar, SaveModal, useRemove, useSaveForm } from '../../components/list-kit';
import { UnitPicker } from '../../features/unit-picker';
import { fmtDateTime } from '../../lib/format';

interface KeyForm {
  name: string;
  scopes: ApiKeyScope[];
  unitId?: number;
}

function CreateKeyModal({ onClose }: { onClose: () => void }) {
  const [created, setCreated] = useState<string | null>(null);
  const { message } = App.useApp();
  const editor = useSaveForm(
    (v: KeyForm) =>
      api<{ id: number; key: string }>('/api/admin/api-keys', {
        method: 'POST',
        body: { name: v.name, scopes: v.scopes, ...(v.scopes.includes('unit') ? { unitId: v.unitId } : {}) },
      }),
    { queryKey: ['api-keys'], onSaved: (r) => setCreated(r.key) },
  );
  const scopes = Form.useWatch('scopes', editor.form) ?? [];
  if (created) {
    return (
      <Modal
        open
        title="接口密钥已创建"
        okText="我已保存"
        onOk={onClose}
        onCancel={onClose}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon title="密钥只显示这一次，关闭后无法再次查看，请立即复制并妥善保存。" />
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input readOnly value={created} data-testid="created-api-key" style={{ fontFamily: 'monospace' }} />
          <Button
            icon={<CopyOutlined />}
            onClick={() => {
              void navigator.clipboard?.writeText(created).then(
                () => message.success('已复制'),
                () => message.warning('无法访问剪贴板，请手动复制'),
              );
            }}
          >
            复制
          </Button>
        </Space.Compact>
      </Modal>
    );
  }
  return (
    <SaveModal
      vertical
      title="新建接口密钥"
      okText="创建"
      editor={editor}
      onClose={onClose}
      initialValues={{ scopes: [] }}
    >
      <Form.Item name="name" label="名称" rules={[{ required: true, min: 2, message: '请填写密钥名称' }]}>
        <Input maxLength={100} placeholder="如：呼叫中心话务系统" />
      </Form.Item>
      <Form.Item
        name="scopes"
        label="权限范围"
        rules={[{ required: true, message: '请至少选择一个权限范围' }]}
      >
        <Checkbox.Group options={apiKeyScopes.map((s) => ({ value: s, label: apiKeyScopeLabels[s] }))} />
      </Form.Item>
      {scopes.includes('unit') && (
        <Form.Item
          name="unitId"
          label="承办单位（密钥以该单位承办人员身份办理工单）"
          rules={[{ required: true, message: '请选择单位' }]}
        >
          <UnitPicker placeholder="选择单位" />
        </Form.Item>
      )}
    </SaveModal>
  );
}

/** 接口密钥: keys of the telephone system, unit systems, third parties and other platforms. */
export function ApiKeysTab() {
  const [creating, setCreating] = useState(false);
  const keys = useQuery({
    queryKey: ['api-keys'],
    queryFn: ({ signal }) => apiParsed(apiKeyList, '/api/admin/api-keys', { signal }),
  });
  const revoke = useRemove((id) => `/api/admin/api-keys/${id}`, ['api-keys'], '密钥已吊销');
  return (
    <div>
      <ListToolbar
        size="small"
        create={{ label: '新建密钥', onClick: () => setCreating(true) }}
        exportXlsx={{ path: '/api/admin/api-keys/export.xlsx', fileName: '接口密钥' }}
        note="外部系统以请求头 X-API-Key 调用接口；密钥只在创建时显示一次，平台仅保存其摘要。"
      />
      <Table<ApiKeyDto>
        size="small"
        rowKey="id"
        loading={keys.isLoading}
        dataSource={keys.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name' },
          {
            title: '密钥',
            dataIndex: 'prefix',
            width: 120,
            render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
          },
          {
            title: '权限范围',
            render: (_, k) => k.scopes.map((s) => <Tag key={s}>{apiKeyScopeLabels[s]}</Tag>),
          },
          { title: '单位', dataIndex: 'unitName', render: (u: string | null) => u ?? '—' },
          { title: '创建', width: 150, render: (_, k) => `${fmtDateTime(k.createdAt)} ${k.createdBy}` },
          {
            title: '最近使用',
            width: 140,
            render: (_, k) => (k.lastUsedAt ? fmtDateTime(k.lastUsedAt) : '未使用'),
          },
          {
            title: '状态',
            width: 150,
            render: (_, k) =>
              k.revokedAt ? (
                <Tag color="default">已吊销 {fmtDateTime(k.revokedAt)}</Tag>
              ) : (
                <ConfirmButton
                  danger
                  title="吊销后使用该密钥的系统将立即无法访问，确定吊销？"
                  okText="吊销"
                  onConfirm={() => revoke.mutate(k.id)}
                >
                  吊销
                </ConfirmButton>
              ),
          },
        ]}
      />
      {creating && <CreateKeyModal onClose={() => setCreating(false)} />}
    </div>
  );
}
