import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { z } from 'zod';
import {
  dutyDto,
  messageDto,
  smsStatusLabels,
  type MessageDto,
} from '../../../../common/contracts/notifications';
import { serviceDate } from '../../../../common/service-time';
import { api, apiParsed, errorText } from '../../api/client';
import type { AdminUser } from '../../api/types';
import { XlsxExportButton } from '../../components/xlsx-export-button';
import { fmtDateTime } from '../../lib/format';

const statusColors: Record<MessageDto['status'], string> = {
  pending: 'processing',
  sent: 'success',
  failed: 'error',
  suppressed: 'default',
};

/** 短信与值班: the message log, opt-outs and the duty roster of emergency pages. */
export function MessagesTab() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [ticketId, setTicketId] = useState<number | null>(null);
  const log = useQuery({
    queryKey: ['admin-messages', ticketId],
    queryFn: ({ signal }) =>
      apiParsed(z.object({ items: z.array(messageDto) }), '/api/admin/messages', {
        query: { ticketId: ticketId ?? undefined },
        signal,
      }),
  });
  const today = serviceDate(new Date());
  const until = dayjs(today).add(30, 'day').format('YYYY-MM-DD');
  const roster = useQuery({
    queryKey: ['duty-roster', today],
    queryFn: ({ signal }) =>
      apiParsed(z.object({ items: z.array(dutyDto) }), '/api/admin/duty-roster', {
        query: { from: today, to: until },
        signal,
      }),
  });
  const users = useQuery({
    queryKey: ['admin-users'],
    queryFn: ({ signal }) => api<AdminUser[]>('/api/admin/users', { signal }),
  });
  const optOut = useMutation({
    mutationFn: (v: { phone: string; reason?: string }) =>
      api('/api/messages/opt-outs', { method: 'POST', body: v }),
    onSuccess: () => {
      void message.success('已登记退订，该号码不再接收短信');
      void qc.invalidateQueries({ queryKey: ['admin-messages'] });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const setDuty = useMutation({
    mutationFn: (v: { day: Dayjs; userId: number }) =>
      api(`/api/admin/duty-roster/${v.day.format('YYYY-MM-DD')}`, {
        method: 'PUT',
        body: { userId: v.userId },
      }),
    onSuccess: () => {
      void message.success('值班领导已设置');
      void qc.invalidateQueries({ queryKey: ['duty-roster'] });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const leaders = (users.data ?? []).filter(
    (u) => u.active && ['leader', 'admin', 'supervisor'].includes(u.role),
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small" title="短信记录">
        <Space style={{ marginBottom: 8 }}>
          <InputNumber
            placeholder="工单内部编号"
            min={1}
            style={{ width: 160 }}
            value={ticketId}
            onChange={(v) => setTicketId(typeof v === 'number' ? v : null)}
            aria-label="工单内部编号"
          />
          <XlsxExportButton
            path="/api/admin/messages/export.xlsx"
            query={{ ticketId: ticketId ?? undefined }}
            fileName="短信记录"
          />
        </Space>
        {log.isError && <Alert type="error" showIcon title={errorText(log.error)} />}
        <Table<MessageDto>
          size="small"
          rowKey="id"
          loading={log.isLoading}
          dataSource={log.data?.items ?? []}
          pagination={{ pageSize: 20, size: 'small' }}
          columns={[
            { title: '时间', dataIndex: 'createdAt', width: 150, render: (v: string) => fmtDateTime(v) },
            { title: '接收号码', dataIndex: 'to', width: 120 },
            { title: '模板', dataIndex: 'template', width: 130 },
            { title: '内容', dataIndex: 'text' },
            {
              title: '状态',
              dataIndex: 'status',
              width: 110,
              render: (s: MessageDto['status'], r) => (
                <Tag color={statusColors[s]}>
                  {smsStatusLabels[s]}
                  {r.attempts > 1 ? ` (${r.attempts}次)` : ''}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      <Space align="start" size={12} wrap>
        <Card size="small" title="短信退订" style={{ width: 420 }}>
          <Form layout="inline" onFinish={(v: { phone: string; reason?: string }) => optOut.mutate(v)}>
            <Form.Item name="phone" rules={[{ required: true, message: '请输入手机号码' }]}>
              <Input placeholder="手机号码" style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="reason">
              <Input placeholder="原因（可选）" style={{ width: 130 }} />
            </Form.Item>
            <Button htmlType="submit" loading={optOut.isPending}>
              登记退订
            </Button>
          </Form>
        </Card>
        <Card size="small" title="值班领导（含节假日）" style={{ width: 520 }}>
          <Form
            layout="inline"
            style={{ marginBottom: 8 }}
            onFinish={(v: { day: Dayjs; userId: number }) => setDuty.mutate(v)}
          >
            <Form.Item name="day" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="userId" rules={[{ required: true, message: '请选择值班领导' }]}>
              <Select
                style={{ width: 180 }}
                placeholder="值班领导"
                options={leaders.map((u) => ({ value: u.id, label: `${u.displayName}（${u.unitName}）` }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={setDuty.isPending}>
              设置
            </Button>
          </Form>
          <Table
            size="small"
            rowKey="day"
            pagination={false}
            dataSource={roster.data?.items ?? []}
            locale={{ emptyText: '未排班的日期由中心领导接收紧急呼叫' }}
            columns={[
              { title: '日期', dataIndex: 'day', width: 120 },
              { title: '值班领导', dataIndex: 'displayName' },
            ]}
          />
        </Card>
      </Space>
    </Space>
  );
}
