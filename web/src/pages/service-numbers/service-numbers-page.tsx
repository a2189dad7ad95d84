import { useQuery } from '@tanstack/react-query';
import { Table, Tabs, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import {
  numberActionLabels,
  numberKindLabels,
  type NumberVersionDto,
  type ServiceNumberDto,
} from '../../../../common/contracts/service-numbers';
import { api } from '../../api/client';
import { useMe } from '../../auth/auth-context';
import { PageTitle } from '../../components/page-title';
import { XlsxExportButton } from '../../components/xlsx-export-button';
import { ApplicationsTab } from './applications-tab';
import { ReviewsTab } from './reviews-tab';

export const numberKeys = {
  all: ['service-numbers'] as const,
  registry: ['service-numbers', 'registry'] as const,
  applications: (status: string) => ['service-numbers', 'applications', status] as const,
  reviews: ['service-numbers', 'reviews'] as const,
};

const stateLabels: Record<ServiceNumberDto['state'], [string, string]> = {
  published: ['已公布', 'green'],
  scheduled: ['待生效', 'blue'],
  closed: ['已撤销', 'default'],
};

function History({ versions }: { versions: NumberVersionDto[] }) {
  return (
    <Table<NumberVersionDto>
      size="small"
      rowKey="seq"
      pagination={false}
      dataSource={versions}
      columns={[
        {
          title: '操作',
          dataIndex: 'action',
          width: 70,
          render: (v: NumberVersionDto['action']) => numberActionLabels[v],
        },
        { title: '号码', dataIndex: 'number', width: 140 },
        { title: '名称', dataIndex: 'name' },
        { title: '值守时间', dataIndex: 'dutyHours', width: 140 },
        { title: '生效日期', dataIndex: 'effectiveDate', width: 110 },
        {
          title: '审核通过',
          dataIndex: 'approvedAt',
          width: 170,
          render: (v: string) => v.slice(0, 16).replace('T', ' '),
        },
      ]}
    />
  );
}

function RegistryTab() {
  const registry = useQuery({
    queryKey: numberKeys.registry,
    queryFn: ({ signal }) => api<{ items: ServiceNumberDto[] }>('/api/service-numbers', { signal }),
  });
  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <XlsxExportButton path="/api/service-numbers/export.xlsx" query={{}} fileName="号码登记簿" />
      </div>
      <Table<ServiceNumberDto>
        size="small"
        rowKey="id"
        loading={registry.isLoading}
        dataSource={registry.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (r) => <History versions={r.history} /> }}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 200 },
          {
            title: '号码',
            render: (_, r) => <Typography.Text strong>{r.current.number}</Typography.Text>,
            width: 140,
          },
          { title: '名称', render: (_, r) => r.current.name },
          { title: '类别', width: 110, render: (_, r) => numberKindLabels[r.current.kind] },
          { title: '值守时间', width: 130, render: (_, r) => r.current.dutyHours },
          {
            title: '状态',
            width: 80,
            render: (_, r) => <Tag color={stateLabels[r.state][1]}>{stateLabels[r.state][0]}</Tag>,
          },
          { title: '变更次数', width: 80, render: (_, r) => r.history.length - 1 },
          {
            title: '投诉（办理中/属实）',
            width: 140,
            render: (_, r) => `${r.complaints.total}（${r.complaints.open}/${r.complaints.upheld}）`,
          },
        ]}
      />
    </>
  );
}

/** 服务号码: the registry, the applications and the semi-annual review, for the center and for units. */
export function ServiceNumbersPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'registry';
  const isCenter = me.unitKind === 'center';
  return (
    <div>
      <PageTitle title={isCenter ? '服务号码登记簿' : '本单位服务号码'} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'registry', label: '号码登记簿', children: <RegistryTab /> },
          { key: 'applications', label: isCenter ? '申请审核' : '号码申请', children: <ApplicationsTab /> },
          { key: 'reviews', label: '半年审核', children: <ReviewsTab /> },
        ]}
      />
    </div>
  );
}
