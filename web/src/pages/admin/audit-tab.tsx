import { useQuery } from '@tanstack/react-query';
import { plainText } from '../../../../common/plain-text';
import { Alert, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  auditActionLabels,
  auditDetailLabels,
  auditTargetLabels,
  auditValueLabels,
} from '../../../../common/audit-vocabulary';
import { actionLabels, labelOf } from '../../../../common/ticket-vocabulary';
import { api, errorText } from '../../api/client';
import type { AuditEntry, Page } from '../../api/types';
import { fmtDateTime } from '../../lib/format';
import { XlsxExportButton } from '../../components/xlsx-export-button';

/** How many order numbers a detail shows before "等 N 件". */
const shownNumbers = 3;

function valueText(v: unknown, ticketNos: Record<string, string>, key: string): string {
  if ((key === 'ids' || key === 'ticketIds') && Array.isArray(v)) {
    const nos = v.map((id) => ticketNos[String(id)] ?? `#${String(id)}`);
    return nos.length > shownNumbers
      ? `${nos.slice(0, shownNumbers).join('、')} 等 ${nos.length} 件`
      : nos.join('、');
  }
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${auditDetailLabels[k] ?? k}=${valueText(x, ticketNos, k)}`)
      .join('，');
  }
  const s = plainText(v);
  return auditValueLabels[s] ?? labelOf(actionLabels, s);
}

/** The details of an entry as 名称：值 pairs in Chinese, order ids shown as order numbers. */
export function auditDetailText(details: Record<string, unknown> | null, ticketNos: Record<string, string>) {
  if (!details || Object.keys(details).length === 0) return '—';
  return Object.entries(details)
    .map(([k, v]) => `${auditDetailLabels[k] ?? k}：${valueText(v, ticketNos, k)}`)
    .join('；');
}

function Target({ r }: { r: AuditEntry }) {
  if (!r.targetType) return <>—</>;
  const kind = auditTargetLabels[r.targetType] ?? r.targetType;
  const no = r.targetType === 'ticket' && r.targetId ? r.ticketNos?.[r.targetId] : undefined;
  if (no) {
    return (
      <span>
        {kind} <Link to={`/tickets/${r.targetId ?? ''}`}>{no}</Link>
      </span>
    );
  }
  return <span>{r.targetId ? `${kind} ${r.targetId}` : kind}</span>;
}

/** The audit log (who did what, from where, newest first), paged on the server. */
export function AuditTab() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [action, setAction] = useState('');
  const [ticketNo, setTicketNo] = useState('');
  const [actor, setActor] = useState('');
  const q = useQuery({
    queryKey: ['audit', page, pageSize, action, ticketNo, actor],
    queryFn: ({ signal }) =>
      api<Omit<Page<AuditEntry>, 'page' | 'pageSize'>>('/api/admin/audit', {
        query: {
          page,
          pageSize,
          action: action || undefined,
          ticketNo: ticketNo || undefined,
          actor: actor || undefined,
        },
        signal,
      }),
    placeholderData: (prev) => prev,
  });
  return (
    <>
      <Space style={{ marginBottom: 8 }} wrap>
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
          options={Object.entries(auditActionLabels).map(([value, label]) => ({ value, label }))}
          aria-label="按操作筛选"
        />
        <Input.Search
          allowClear
          placeholder="工单编号"
          style={{ width: 220 }}
          aria-label="按工单编号筛选"
          onSearch={(v) => {
            setTicketNo(v.trim());
            setPage(1);
          }}
        />
        <Input.Search
          allowClear
          placeholder="操作人用户名"
          style={{ width: 180 }}
          aria-label="按操作人筛选"
          onSearch={(v) => {
            setActor(v.trim());
            setPage(1);
          }}
        />
        <XlsxExportButton
          path="/api/admin/audit/export.xlsx"
          query={{ action: action || undefined, ticketNo: ticketNo || undefined, actor: actor || undefined }}
          fileName="审计日志"
        />
      </Space>
      {q.isError && <Alert type="error" showIcon title={errorText(q.error)} />}
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        data-testid="audit-table"
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
          { title: '操作人', dataIndex: 'actor', width: 110, render: (v: string | null) => v ?? '系统' },
          {
            title: '操作',
            dataIndex: 'action',
            width: 170,
            render: (v: string) => <span title={v}>{auditActionLabels[v] ?? v}</span>,
          },
          { title: '对象', key: 'target', width: 200, render: (_: unknown, r) => <Target r={r} /> },
          {
            title: '详情',
            dataIndex: 'details',
            render: (d: Record<string, unknown> | null, r) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {auditDetailText(d, r.ticketNos ?? {})}
              </Typography.Text>
            ),
          },
          { title: 'IP', dataIndex: 'ip', width: 120, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
