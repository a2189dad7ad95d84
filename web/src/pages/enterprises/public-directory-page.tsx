import { Alert, Button, Card, Empty, Input, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import type { DirectoryEntryDto, EnterpriseRatingDto } from '../../../../common/contracts/enterprises';
import { errorText } from '../../api/client';
import { serviceTree, useDirectory, useServiceCategories } from '../../api/enterprises';
import { RatingCell } from './enterprise-tags';
import { PublicLayout } from './public-layout';

/** 加盟企业名录: approved enterprises, by service and nearest first; open to everyone. */
export function PublicDirectoryPage() {
  const [service, setService] = useState('');
  const [near, setNear] = useState('');
  const [nearInput, setNearInput] = useState('');
  const services = useServiceCategories();
  const list = useDirectory(service, near);

  const locate = () => {
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const v = `${p.coords.longitude.toFixed(5)},${p.coords.latitude.toFixed(5)}`;
        setNearInput(v);
        setNear(v);
      },
      () => undefined,
    );
  };

  return (
    <PublicLayout title="企业名录">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <span>服务类别</span>
          <TreeSelect
            data-testid="directory-service"
            style={{ width: 240 }}
            allowClear
            placeholder="全部服务"
            treeData={serviceTree(services.data?.items ?? [])}
            value={service || undefined}
            onChange={(v: string | undefined) => setService(v ?? '')}
          />
          <span>我的位置</span>
          <Input
            style={{ width: 220 }}
            placeholder="经度,纬度（如 102.70,25.04）"
            value={nearInput}
            onChange={(e) => setNearInput(e.target.value)}
            onPressEnter={() => setNear(nearInput.trim())}
          />
          <Button onClick={() => setNear(nearInput.trim())}>按距离排序</Button>
          {'geolocation' in navigator && <Button onClick={locate}>使用当前位置</Button>}
        </Space>
      </Card>
      {list.error && (
        <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} />
      )}
      <Table<DirectoryEntryDto>
        data-testid="directory-table"
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description="暂无符合条件的加盟企业" /> }}
        columns={[
          { title: '企业名称', dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
          {
            title: '服务类别',
            dataIndex: 'services',
            render: (s: DirectoryEntryDto['services']) => s.map((x) => <Tag key={x.code}>{x.name}</Tag>),
          },
          { title: '地址', dataIndex: 'address' },
          {
            title: '距离',
            dataIndex: 'distanceKm',
            width: 90,
            render: (d: number | null) => (d === null ? '—' : `${d.toFixed(d < 10 ? 2 : 1)} km`),
          },
          {
            title: '服务评价',
            dataIndex: 'rating',
            width: 250,
            render: (r: EnterpriseRatingDto) => <RatingCell rating={r} />,
          },
          { title: '服务介绍', dataIndex: 'description', ellipsis: true },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        服务价格由您与企业自主协商。需要服务请拨打便民服务专线，由专线为您派单并回访服务质量。
      </Typography.Paragraph>
    </PublicLayout>
  );
}
