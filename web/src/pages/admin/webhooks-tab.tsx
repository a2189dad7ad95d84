import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  webhookEventLabels,
  webhookEvents,
  webhookFormatLabels,
  webhookFormats,
  webhookList,
  type WebhookDto,
} from '../../../../common/contracts/webhooks';
import { api, apiParsed } from '../../api/client';
import { ConfirmButton, ListToolbar, SaveModal, useRemove, useSaveForm } from '../../components/list-kit';
import { WebhookDeliveries } from '../../features/webhook-deliveries';
import { fmtDateTime } from '../../lib/format';

interface HookForm {
  url: string;
  events: string[];
  secret: string;
  apiKey?: string;
  format: (typeof webhookFormats)[number];
}

const randomSecret = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, '0')).join('');

function useWebhooks() {
  return useQuery({
    queryKey: ['webhooks'],
    queryFn: ({ signal }) => apiParsed(webhookList, '/api/admin/webhooks', { signal }),
    refetchInterval: 5_000,
  });
}

function CreateWebhookModal({ onClose }: { onClose: () => void }) {
  const editor = useSaveForm(
    (v: HookForm) =>
      api('/api/admin/webhooks', {
        method: 'POST',
        body: { ...v, ...(v.apiKey ? {} : { apiKey: undefined }) },
      }),
    { queryKey: ['webhooks'], done: '推送订阅已创建', onSaved: onClose },
  );
  return (
    <SaveModal
      vertical
      title="新建推送订阅"
      okText="创建"
      width={620}
      editor={editor}
      onClose={onClose}
      initialValues={{ events: [...webhookEvents], format: 'event', secret: randomSecret() }}
    >
      <Form.Item
        name="url"
        label="接收地址"
        rules={[{ required: true, pattern: /^https?:\/\/\S+$/, message: '请填写 http(s) 地址' }]}
        extra="平台交换格式可在地址中写 {externalNo}，替换为上级平台工单号"
      >
        <Input maxLength={500} placeholder="https://example.gov.cn/civicline/hook" />
      </Form.Item>
      <Form.Item name="events" label="事件" rules={[{ required: true, message: '请至少选择一个事件' }]}>
        <Checkbox.Group
          options={['*', ...webhookEvents].map((e) => ({ value: e, label: webhookEventLabels[e] ?? e }))}
        />
      </Form.Item>
      <Form.Item name="format" label="格式">
        <Select options={webhookFormats.map((f) => ({ value: f, label: webhookFormatLabels[f] }))} />
      </Form.Item>
      <Form.Item
        name="secret"
        label="签名密钥（X-CivicLine-Signature: sha256=HMAC）"
        rules={[{ required: true, min: 16, message: '签名密钥至少 16 个字符' }]}
        extra="请将此密钥交给接收方用于验证签名；保存后不再显示"
      >
        <Input maxLength={200} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="apiKey" label="接口密钥（可选，作为 X-API-Key 发送，如上级平台签发的交换密钥）">
        <Input.Password maxLength={200} autoComplete="off" />
      </Form.Item>
    </SaveModal>
  );
}

/** 推送订阅: webhooks of order events and the exchange reports, with the delivery log. */
export function WebhooksTab() {
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const hooks = useWebhooks();
  const remove = useRemove((id) => `/api/admin/webhooks/${id}`, ['webhooks'], '推送订阅已删除');
  return (
    <div>
      <ListToolbar
        size="small"
        create={{ label: '新建订阅', onClick: () => setCreating(true) }}
        exportXlsx={{ path: '/api/admin/webhooks/export.xlsx', fileName: '推送订阅' }}
        note="工单变化时向接收地址推送事件（不含个人信息），失败后按 30 秒、2 分钟、10 分钟……重试，一天后放弃。"
      />
      <Table<WebhookDto>
        size="small"
        rowKey="id"
        data-testid="webhook-list"
        loading={hooks.isLoading}
        dataSource={hooks.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '暂无推送订阅' }}
        expandable={{
          expandedRowKeys: open === null ? [] : [open],
          onExpand: (expanded, w) => setOpen(expanded ? w.id : null),
          expandedRowRender: (w) => <WebhookDeliveries id={w.id} />,
        }}
        columns={[
          {
            title: '接收地址',
            dataIndex: 'url',
            render: (u: string) => <Typography.Text style={{ fontSize: 12 }}>{u}</Typography.Text>,
          },
          {
            title: '事件',
            render: (_, w) =>
              w.events.map((e) => (
                <Tag key={e} style={{ marginBottom: 2 }}>
                  {webhookEventLabels[e] ?? e}
                </Tag>
              )),
          },
          { title: '格式', width: 90, render: (_, w) => (w.format === 'exchange' ? '平台交换' : '事件') },
          {
            title: '投递',
            width: 170,
            render: (_, w) => (
              <Space size={4}>
                <Tag color="success">送达 {w.delivered}</Tag>
                <Tag color="processing">待投 {w.pending}</Tag>
                {w.failed > 0 && <Tag color="error">放弃 {w.failed}</Tag>}
              </Space>
            ),
          },
          { title: '创建', width: 150, render: (_, w) => `${fmtDateTime(w.createdAt)} ${w.createdBy}` },
          {
            title: '操作',
            width: 130,
            render: (_, w) => (
              <Space size={4}>
                <Button size="small" onClick={() => setOpen(open === w.id ? null : w.id)}>
                  投递记录
                </Button>
                <ConfirmButton
                  danger
                  title="删除后不再推送，待投递的记录将放弃，确定删除？"
                  okText="删除"
                  onConfirm={() => remove.mutate(w.id)}
                >
                  删除
                </ConfirmButton>
              </Space>
            ),
          },
        ]}
      />
      {creating && <CreateWebhookModal onClose={() => setCreating(false)} />}
    </div>
  );
}
