import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import {
  intakeGroupingLabels,
  intakeGroupings,
  intakeStatsResponse,
  type IntakeGrouping,
} from '../../../../common/contracts/statistics';
import { serviceDate } from '../../../../common/service-time';
import { apiParsed, errorText } from '../../api/client';
import { SimpleBarChart } from '../../components/bar-chart';
import { PageTitle } from '../../components/page-title';
import { XlsxExportButton } from '../../components/xlsx-export-button';
import { useNow } from '../../lib/use-now';

const palette: readonly string[] = [
  '#1677ff',
  '#13c2c2',
  '#52c41a',
  '#faad14',
  '#eb2f96',
  '#722ed1',
  '#fa541c',
  '#2f54eb',
];

/** The order list behind one row: the same days and the same key as a list filter. */
function listLink(groupBy: IntakeGrouping, key: string, from: string, to: string): string | null {
  const p = new URLSearchParams({ receivedFrom: from, receivedTo: to });
  switch (groupBy) {
    case 'channel':
    case 'type':
    case 'region':
      if (!key) return null;
      p.set(groupBy, key);
      break;
    case 'category':
      if (!key) return null;
      p.set('category', key);
      break;
    case 'day':
      p.set('receivedFrom', key);
      p.set('receivedTo', key);
      break;
    case 'disposition': {
      const status = { 'direct-answer': 'answered', 'not-accepted': 'not_accepted', merged: 'merged' }[key];
      if (status) p.set('status', status);
      break;
    }
  }
  return `/tickets?${p.toString()}`;
}

/**
 * 统计分析: how many requests the hotline took (every intake, not only dispatched orders) in a date
 * range, by channel, type, category, district, day or how each ended; each row opens its orders.
 */
export function StatisticsPage() {
  const [params, setParams] = useSearchParams();
  const today = serviceDate(useNow(60_000));
  const from = params.get('from') ?? `${today.slice(0, 8)}01`;
  const to = params.get('to') ?? today;
  const groupBy = (params.get('groupBy') as IntakeGrouping | null) ?? 'channel';
  const level = Number(params.get('level') ?? 1);
  const set = (next: Record<string, string>) =>
    setParams({ ...Object.fromEntries(params), ...next }, { replace: true });

  const q = useQuery({
    queryKey: ['stats', 'intake', from, to, groupBy, level],
    queryFn: ({ signal }) =>
      apiParsed(intakeStatsResponse, '/api/stats/intake', { query: { from, to, groupBy, level }, signal }),
    placeholderData: (prev) => prev,
  });
  const rows = q.data?.rows ?? [];
  const total = q.data?.total ?? 0;
  const chartRows =
    groupBy === 'day' ? [...rows].sort((a, b) => a.key.localeCompare(b.key)) : rows.slice(0, 20);
  const bars = chartRows.map((r, i) => ({
    name: groupBy === 'day' ? r.key.slice(5) : r.label,
    value: r.count,
    color: (groupBy === 'day' ? palette[0] : palette[i % palette.length]) ?? '#1677ff',
  }));
  const days = dayjs(to).diff(dayjs(from), 'day') + 1;

  return (
    <div>
      <PageTitle title="统计分析" />
      <Space wrap style={{ marginBottom: 8 }}>
        <DatePicker.RangePicker
          value={[dayjs(from), dayjs(to)]}
          allowClear={false}
          onChange={(v) => {
            if (v?.[0] && v[1]) set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
          }}
          aria-label="统计区间"
        />
        <Segmented<IntakeGrouping>
          value={groupBy}
          options={intakeGroupings.map((g) => ({ value: g, label: intakeGroupingLabels[g] }))}
          onChange={(g) => set({ groupBy: g })}
        />
        {groupBy === 'category' && (
          <Segmented<number>
            value={level}
            options={[
              { value: 1, label: '一级' },
              { value: 2, label: '二级' },
              { value: 3, label: '三级' },
            ]}
            onChange={(l) => set({ level: String(l) })}
          />
        )}
        <XlsxExportButton
          path="/api/stats/intake/export.xlsx"
          query={{ from, to, groupBy, level }}
          fileName={`受理量统计-${from}-${to}`}
        />
      </Space>
      {q.isError && <Alert type="error" showIcon title={errorText(q.error)} style={{ marginBottom: 8 }} />}
      <Row gutter={[8, 8]} style={{ marginBottom: 8 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="受理总量" value={total} loading={q.isLoading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="日均受理"
              value={days > 0 ? (total / days).toFixed(1) : 0}
              loading={q.isLoading}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small">
            <Typography.Text type="secondary">
              统计全部受理（派单、直接答复、不予受理、并单），按受理时间（北京时间）计；点击行查看对应工单。
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={`按${intakeGroupingLabels[groupBy]}`} style={{ marginBottom: 8 }}>
        {rows.length > 0 ? (
          <SimpleBarChart bars={bars} height={260} labelRotate={bars.length > 8 ? 30 : undefined} />
        ) : (
          <Typography.Text type="secondary">该区间没有受理记录</Typography.Text>
        )}
      </Card>
      <Table
        size="small"
        rowKey="key"
        loading={q.isLoading}
        dataSource={rows}
        data-testid="statistics-table"
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: intakeGroupingLabels[groupBy],
            dataIndex: 'label',
            render: (v: string, r) => {
              const to_ = listLink(groupBy, r.key, from, to);
              return to_ ? <Link to={to_}>{v}</Link> : v;
            },
          },
          { title: '受理量', dataIndex: 'count', width: 120, align: 'right' },
          {
            title: '占比',
            key: 'share',
            width: 120,
            align: 'right',
            render: (_: unknown, r) => (total ? `${((r.count / total) * 100).toFixed(2)}%` : '—'),
          },
        ]}
      />
    </div>
  );
}
