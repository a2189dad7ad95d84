import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  supervisionModeLabels,
  supervisionStatusLabels,
  supervisionStatuses,
  supervisionTriggerLabels,
  supervisionTriggers,
  type SupervisionDto,
  type SupervisionListDto,
  type SupervisionStatus,
  type SupervisionTrigger,
} from '../../../common/contracts/supervision';
import { api, errorText } from '../api/client';
import { XlsxExportButton } from '../components/xlsx-export-button';
import { useMe } from '../auth/auth-context';
import { fmtDateTime } from '../lib/format';

/** Supervision records (督办) with their lights, and the supervised unit's written answer. */

export const supervisionKeys = {
  all: ['supervisions'] as const,
  list: (q: SupervisionQuery) => ['supervisions', 'list', q] as const,
};

export interface SupervisionQuery {
  ticketId?: number;
  unitId?: number;
  status?: SupervisionStatus;
  trigger?: SupervisionTrigger;
  page?: number;
  pageSize?: number;
}

export function useSupervisions(q: SupervisionQuery) {
  return useQuery({
    queryKey: supervisionKeys.list(q),
    queryFn: ({ signal }) => api<SupervisionListDto>('/api/supervisions', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

const lightColor = { green: 'green', yellow: 'gold', red: 'red' } as const;
const lightText = { green: '正常', yellow: '将到期', red: '逾期' } as const;
const statusColor: Record<SupervisionStatus, string> = {
  open: 'processing',
  overdue: 'error',
  answered: 'default',
};

export function SupervisionLight({ s }: { s: SupervisionDto }) {
  const text = s.status === 'answered' ? (s.late ? '逾期答复' : '按时答复') : lightText[s.light];
  return (
    <Tag color={lightColor[s.light]} style={{ marginInlineEnd: 0 }} data-light={s.light}>
      {text}
    </Tag>
  );
}

/** The written answer of the supervised unit (书面说明情况, shanghai-962200 §12). */
export function RespondModal({ target, onClose }: { target: SupervisionDto | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ text: string }>();
  const respond = useMutation({
    mutationFn: (v: { id: number; text: string }) =>
      api<SupervisionDto>(`/api/supervisions/${v.id}/respond`, { method: 'POST', body: { text: v.text } }),
    onSuccess: async (s) => {
      void message.success(s.late ? '已答复（逾期答复已记录）' : '已答复');
      form.resetFields();
      onClose();
      await qc.invalidateQueries({ queryKey: supervisionKeys.all });
      await qc.invalidateQueries({ queryKey: ['tickets', 'events', s.ticketId] });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  return (
    <Modal
      open={target !== null}
      title={target ? `答复督办 · ${target.ticketNo}` : '答复督办'}
      okText="提交答复"
      confirmLoading={respond.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {target && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {supervisionTriggerLabels[target.trigger]}：{target.reason ?? '—'}
          <br />
          答复期限：{fmtDateTime(target.dueAt)}
          {target.status === 'overdue' && (
            <Tag color="error" style={{ marginInlineStart: 8 }}>
              已逾期，答复将记为逾期
            </Tag>
          )}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => target && respond.mutate({ id: target.id, text: v.text })}
      >
        <Form.Item
          name="text"
          label="书面答复"
          rules={[{ required: true, min: 2, message: '请填写书面答复（说明情况及办结安排）' }]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function columns(opts: {
  showTicket: boolean;
  canAnswer: (s: SupervisionDto) => boolean;
  onAnswer: (s: SupervisionDto) => void;
}) {
  const cols: ColumnsType<SupervisionDto> = [
    { title: '状态', key: 'light', width: 88, render: (_, s) => <SupervisionLight s={s} /> },
  ];
  if (opts.showTicket) {
    cols.push({
      title: '工单编号',
      dataIndex: 'ticketNo',
      width: 130,
      render: (no: string, s) => <Link to={`/tickets/${s.ticketId}`}>{no}</Link>,
    });
  }
  cols.push(
    {
      title: '督办事由',
      key: 'trigger',
      width: 150,
      render: (_, s) => (
        <Space size={4} wrap>
          <span>{supervisionTriggerLabels[s.trigger]}</span>
          <Tag style={{ marginInlineEnd: 0 }}>{supervisionModeLabels[s.mode]}</Tag>
        </Space>
      ),
    },
    {
      title: '督办内容',
      dataIndex: 'reason',
      ellipsis: { showTitle: false },
      render: (r: string | null) => <Tooltip title={r}>{r ?? '—'}</Tooltip>,
    },
    {
      title: '被督办单位',
      dataIndex: 'unitName',
      width: 150,
      ellipsis: true,
      render: (n: string | null) => n ?? '—',
    },
    {
      title: '督办主体',
      dataIndex: 'office',
      width: 120,
      ellipsis: true,
      render: (o?: string | null) => o ?? '—',
    },
    { title: '发起', dataIndex: 'createdAt', width: 128, render: (v: string) => fmtDateTime(v) },
    { title: '答复期限', dataIndex: 'dueAt', width: 128, render: (v: string | null) => fmtDateTime(v) },
    {
      title: '答复',
      key: 'response',
      render: (_, s) =>
        s.response ? (
          <Tooltip title={s.response}>
            <Typography.Text ellipsis style={{ maxWidth: 240 }}>
              {fmtDateTime(s.respondedAt)} {s.respondedBy?.name ?? ''}：{s.response}
            </Typography.Text>
          </Tooltip>
        ) : opts.canAnswer(s) ? (
          <Button size="small" type="primary" onClick={() => opts.onAnswer(s)}>
            答复
          </Button>
        ) : (
          <Tag color={statusColor[s.status]}>{supervisionStatusLabels[s.status]}</Tag>
        ),
    },
  );
  return cols;
}

/** Units answer; the center reads. */
function useCanAnswer() {
  const me = useMe();
  const unitRole = me.role === 'handler' || me.role === 'unit-leader';
  return (s: SupervisionDto) => unitRole && s.status !== 'answered';
}

/** The list with filters: the 督办 desk and the unit's own view. */
export function SupervisionRecords() {
  const [q, setQ] = useState<SupervisionQuery>({ page: 1, pageSize: 20 });
  const [target, setTarget] = useState<SupervisionDto | null>(null);
  const list = useSupervisions(q);
  const canAnswer = useCanAnswer();
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          allowClear
          placeholder="答复状态"
          style={{ width: 130 }}
          value={q.status}
          options={supervisionStatuses.map((s) => ({ value: s, label: supervisionStatusLabels[s] }))}
          onChange={(status?: SupervisionStatus) => setQ({ ...q, status, page: 1 })}
        />
        <Select
          allowClear
          placeholder="督办事由"
          style={{ width: 190 }}
          value={q.trigger}
          options={supervisionTriggers.map((t) => ({ value: t, label: supervisionTriggerLabels[t] }))}
          onChange={(trigger?: SupervisionTrigger) => setQ({ ...q, trigger, page: 1 })}
        />
        <XlsxExportButton
          path="/api/supervisions/export.xlsx"
          query={{ status: q.status, trigger: q.trigger }}
          fileName="督办记录"
        />
        {list.isError && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
      </Space>
      <Table<SupervisionDto>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns({ showTicket: true, canAnswer, onAnswer: setTarget })}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          size: 'small',
          showTotal: (n) => `共 ${n} 条`,
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
      />
      <RespondModal target={target} onClose={() => setTarget(null)} />
    </div>
  );
}

/** A small panel of one order's supervisions, for the order detail. */
export function SupervisionPanel({ ticketId }: { ticketId: number }) {
  const list = useSupervisions({ ticketId, pageSize: 50 });
  const [target, setTarget] = useState<SupervisionDto | null>(null);
  const canAnswer = useCanAnswer();
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title={`督办（${items.length}）`}>
      <Table<SupervisionDto>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        columns={columns({ showTicket: false, canAnswer, onAnswer: setTarget })}
      />
      <RespondModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
