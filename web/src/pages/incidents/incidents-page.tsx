import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Input,
  Radio,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  incidentReportKindLabels,
  incidentStatusLabels,
  type IncidentDeadlineDto,
  type IncidentDto,
  type IncidentReportKind,
  type IncidentSummaryDto,
} from '../../../../common/contracts/incidents';
import { api, errorText } from '../../api/client';
import { useMe } from '../../auth/auth-context';
import { PageTitle } from '../../components/page-title';
import { CreateIncidentModal } from './create-incident-modal';
import { XlsxExportButton } from '../../components/xlsx-export-button';
import { LightTag } from '../../components/tags';
import { incidentKeys, useIncidents } from '../../features/incident-panel';
import { fmtDateTime } from '../../lib/format';

const formLabels = { oral: '口头报告', any: '报告', written: '书面报告' } as const;

function DeadlineCell({ d }: { d: IncidentDeadlineDto | null }) {
  if (!d) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      <span>{fmtDateTime(d.dueAt)}</span>
      <LightTag light={d.light} />
      {d.reportedAt && <Tag color={d.onTime ? 'green' : 'red'}>{d.onTime ? '已按时报告' : '已逾时报告'}</Tag>}
    </Space>
  );
}

/** 重大事件: the duty room's list of incidents, their report limits and lights. */
export function IncidentsPage() {
  const me = useMe();
  // The center's dispatchers, supervisors, leaders and administrators record incidents.
  const mayCreate =
    me.unitKind === 'center' && ['dispatcher', 'supervisor', 'leader', 'admin'].includes(me.role);
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const list = useIncidents(status, { refetchMs: 30_000 });
  const openId = Number(params.get('id')) || null;

  return (
    <div>
      <PageTitle
        title="重大事件"
        extra={
          <Space>
            <Segmented
              value={status}
              onChange={(v) => setStatus(v as 'open' | 'closed' | 'all')}
              options={[
                { value: 'open', label: '处置中' },
                { value: 'closed', label: '已结束' },
                { value: 'all', label: '全部' },
              ]}
            />
            <XlsxExportButton path="/api/incidents/export.xlsx" query={{ status }} fileName="重大事件" />
            {mayCreate && (
              <Button type="primary" onClick={() => setCreating(true)}>
                登记重大事件
              </Button>
            )}
          </Space>
        }
      />
      <Table<IncidentSummaryDto>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ onClick: () => setParams({ id: String(r.id) }), style: { cursor: 'pointer' } })}
        columns={[
          { title: '事件', dataIndex: 'title' },
          { title: '事发时间', dataIndex: 'occurredAt', render: (v: string) => fmtDateTime(v), width: 150 },
          { title: '首次报告时限', render: (_, r) => <DeadlineCell d={r.deadlines.reportBy} /> },
          { title: '书面报告时限', render: (_, r) => <DeadlineCell d={r.deadlines.writtenReportBy} /> },
          { title: '关联工单', dataIndex: 'ticketCount', width: 90 },
          {
            title: '状态',
            width: 90,
            render: (_, r) => <Tag>{incidentStatusLabels[r.status]}</Tag>,
          },
        ]}
      />
      <CreateIncidentModal open={creating} onClose={() => setCreating(false)} />
      <IncidentDrawer id={openId} onClose={() => setParams({})} />
    </div>
  );
}

function IncidentDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [kind, setKind] = useState<IncidentReportKind>('oral');
  const [text, setText] = useState('');
  const detail = useQuery({
    queryKey: incidentKeys.detail(id ?? 0),
    queryFn: ({ signal }) => api<IncidentDto>(`/api/incidents/${id ?? 0}`, { signal }),
    enabled: id !== null,
  });
  const act = useMutation({
    mutationFn: (a: { path: 'report' | 'close'; body: Record<string, unknown> }) =>
      api<IncidentDto>(`/api/incidents/${id ?? 0}/${a.path}`, { method: 'POST', body: a.body }),
    onSuccess: () => {
      setText('');
      void qc.invalidateQueries({ queryKey: incidentKeys.all });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const d = detail.data;
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={d?.title ?? '重大事件'}>
      {d && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="事发时间">{fmtDateTime(d.occurredAt)}</Descriptions.Item>
            {(['reportBy', 'writtenReportBy'] as const).map((k) => {
              const dl = d.deadlines[k];
              return (
                <Descriptions.Item
                  key={k}
                  label={dl ? `${formLabels[dl.form]}时限` : k === 'reportBy' ? '报告时限' : '书面报告时限'}
                >
                  {dl ? (
                    <Space orientation="vertical" size={0}>
                      <DeadlineCell d={dl} />
                      <Typography.Text type="secondary">{dl.article}</Typography.Text>
                    </Space>
                  ) : (
                    '现行政策未规定'
                  )}
                </Descriptions.Item>
              );
            })}
            <Descriptions.Item label="答复口径">{d.description ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="状态">{incidentStatusLabels[d.status]}</Descriptions.Item>
          </Descriptions>
          {d.allowedActions.includes('report') && (
            <Space.Compact style={{ width: '100%' }}>
              <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as IncidentReportKind)}>
                <Radio.Button value="oral">口头报告</Radio.Button>
                <Radio.Button value="written">书面报告</Radio.Button>
              </Radio.Group>
              <Input value={text} onChange={(e) => setText(e.target.value)} placeholder="报告内容（可选）" />
              <Button
                type="primary"
                loading={act.isPending}
                onClick={() => act.mutate({ path: 'report', body: { kind, text: text || undefined } })}
              >
                记录报告
              </Button>
            </Space.Compact>
          )}
          {d.allowedActions.includes('close') && (
            <Button danger onClick={() => act.mutate({ path: 'close', body: {} })}>
              结束事件
            </Button>
          )}
          <Typography.Title level={5}>报告记录</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.reports}
            columns={[
              { title: '时间', dataIndex: 'reportedAt', render: (v: string) => fmtDateTime(v) },
              {
                title: '方式',
                dataIndex: 'kind',
                render: (v: IncidentReportKind) => incidentReportKindLabels[v],
              },
              { title: '记录人', render: (_, r) => r.reportedBy.name },
              { title: '内容', dataIndex: 'text' },
            ]}
          />
          <Typography.Title level={5}>关联工单（{d.orders.length}）</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.orders}
            columns={[
              { title: '工单编号', render: (_, o) => <Link to={`/tickets/${o.id}`}>{o.ticketNo}</Link> },
              { title: '区域', dataIndex: 'locationRegion' },
              { title: '关联时间', dataIndex: 'attachedAt', render: (v: string) => fmtDateTime(v) },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
