import { Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  type EnterpriseRatingDto,
  type EnterpriseStatus,
  type EnterpriseSummaryDto,
} from '../../../../common/contracts/enterprises';
import { useEnterprises } from '../../api/enterprises';
import { PageTitle } from '../../components/page-title';
import { XlsxExportButton } from '../../components/xlsx-export-button';
import { fmtDateTime } from '../../lib/format';
import { EnterpriseDrawer } from './enterprise-drawer';
import { EnterpriseStatusTag, RatingCell } from './enterprise-tags';

/** 加盟企业: the center's review queue and registry (verify, approve, suspend, credit record, stars). */
export function EnterprisesPage() {
  const [status, setStatus] = useState<EnterpriseStatus | 'all'>('pending');
  const [q, setQ] = useState('');
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useEnterprises(status, q);

  return (
    <div>
      <PageTitle
        title="加盟企业"
        extra={
          <Space>
            <Input.Search
              placeholder="企业名称或信用代码"
              allowClear
              onSearch={setQ}
              style={{ width: 220 }}
            />
            <Segmented
              value={status}
              onChange={(v) => setStatus(v as EnterpriseStatus | 'all')}
              options={[
                { value: 'pending', label: '待审核' },
                { value: 'approved', label: '已加盟' },
                { value: 'suspended', label: '已暂停' },
                { value: 'rejected', label: '未通过' },
                { value: 'all', label: '全部' },
              ]}
            />
            <XlsxExportButton
              path="/api/enterprises/export.xlsx"
              query={{ status, q: q || undefined }}
              fileName="加盟企业"
            />
            <Typography.Link href="/public/enterprises" target="_blank">
              公开名录
            </Typography.Link>
          </Space>
        }
      />
      <Table<EnterpriseSummaryDto>
        data-testid="enterprise-table"
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '企业名称', dataIndex: 'name' },
          { title: '统一社会信用代码', dataIndex: 'creditCode', width: 170 },
          {
            title: '服务类别',
            dataIndex: 'services',
            render: (s: EnterpriseSummaryDto['services']) => s.map((x) => <Tag key={x.code}>{x.name}</Tag>),
          },
          { title: '联系人', width: 150, render: (_, r) => `${r.contactName} ${r.contactPhone}` },
          {
            title: '状态',
            dataIndex: 'status',
            width: 110,
            render: (s: EnterpriseStatus, r) => (
              <Space size={2}>
                <EnterpriseStatusTag status={s} />
                {r.suspensionDue && <Tag color="red">应暂停</Tag>}
              </Space>
            ),
          },
          {
            title: '核实/推荐',
            width: 90,
            render: (_, r) => `${r.visits} / ${r.recommendations}`,
          },
          {
            title: '星级',
            dataIndex: 'rating',
            width: 230,
            render: (rt: EnterpriseRatingDto) => <RatingCell rating={rt} />,
          },
          { title: '申请时间', dataIndex: 'appliedAt', width: 140, render: (v: string) => fmtDateTime(v) },
        ]}
      />
      <EnterpriseDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
