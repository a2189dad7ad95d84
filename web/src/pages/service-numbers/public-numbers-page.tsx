import { Input, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { numberKindLabels, type PublicServiceNumberDto } from '../../../../common/contracts/service-numbers';
import { api, errorText } from '../../api/client';

/**
 * 便民服务和应急抢险电话公布: the numbers in force today, open to everyone without signing in
 * (beijing-miyun §5, §12). Standalone and light: one request, one table.
 */
export function PublicNumbersPage() {
  const [items, setItems] = useState<PublicServiceNumberDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [q, setQ] = useState('');
  useEffect(() => {
    api<{ items: PublicServiceNumberDto[] }>('/api/public/service-numbers')
      .then((r) => setItems(r.items))
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  const shown = useMemo(
    () =>
      (items ?? []).filter(
        (n) => !q || [n.unitName, n.name, n.number, n.duties].some((s) => s.includes(q.trim())),
      ),
    [items, q],
  );
  return (
    <div style={{ maxWidth: 1100, margin: '24px auto', padding: '0 16px' }}>
      <Typography.Title level={3}>便民服务和应急抢险电话</Typography.Title>
      <Typography.Paragraph type="secondary">
        以下为经登记备案、现行有效的各单位便民服务电话和应急抢险电话。如遇无人接听、长时间占线、号码错误等情况，请拨打
        12345 投诉。
      </Typography.Paragraph>
      <Input.Search
        allowClear
        placeholder="按单位、名称、号码或职责查找"
        style={{ maxWidth: 360, marginBottom: 12 }}
        onChange={(e) => setQ(e.target.value)}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table<PublicServiceNumberDto>
        size="small"
        rowKey="id"
        loading={items === null && !error}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="public-numbers"
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 220 },
          { title: '名称', dataIndex: 'name', width: 200 },
          {
            title: '电话号码',
            dataIndex: 'number',
            width: 150,
            render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
          },
          {
            title: '类别',
            dataIndex: 'kind',
            width: 120,
            render: (v: PublicServiceNumberDto['kind']) => (
              <Tag color={v === 'emergency-repair' ? 'red' : 'blue'}>{numberKindLabels[v]}</Tag>
            ),
          },
          { title: '值守时间', dataIndex: 'dutyHours', width: 140 },
          { title: '工作职责', dataIndex: 'duties' },
        ]}
      />
    </div>
  );
}
