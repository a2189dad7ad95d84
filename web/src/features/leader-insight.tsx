import { Card, Col, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { formatServiceTime } from '../../../common/service-time';
import { useTickets } from '../api/queries';
import { useForecast, useHotTopics } from '../api/trends';
import { SimpleLineChart } from '../components/line-chart';
import { XlsxExportButton } from '../components/xlsx-export-button';
import { lightColors } from '../lib/labels';

const openStatuses =
  'pending_dispatch,dispatched,in_progress,replied,pending_callback,unsatisfied,appealed,suspended';
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 受理量趋势: 30 days of orders and the next 7 forecast, with the forecast's backtest error. */
function TrendCard() {
  const q = useForecast();
  const f = q.data;
  const { categories, series } = useMemo(() => {
    const history = f?.history ?? [];
    const ahead = f?.forecast ?? [];
    const last = history[history.length - 1];
    return {
      categories: [...history.map((h) => h.date.slice(5)), ...ahead.map((p) => p.date.slice(5))],
      series: [
        { name: '受理量', values: history.map((h) => h.count), color: '#1677ff' },
        {
          name: '预测',
          // The forecast line starts at the last known day so the two lines join.
          values: [
            ...history.slice(0, -1).map(() => Number.NaN),
            last?.count ?? Number.NaN,
            ...ahead.map((p) => p.expected),
          ],
          color: '#fa8c16',
        },
        {
          name: '预测上限',
          values: [...history.map(() => Number.NaN), ...ahead.map((p) => p.high)],
          color: '#ffd591',
        },
        {
          name: '预测下限',
          values: [...history.map(() => Number.NaN), ...ahead.map((p) => p.low)],
          color: '#ffd591',
        },
      ],
    };
  }, [f]);
  return (
    <Card
      size="small"
      title="受理量趋势（近30日）与未来7日预测"
      loading={q.isLoading}
      data-testid="leader-trend"
      extra={
        f?.error ? (
          <Typography.Text type="secondary" title={f.method}>
            回测误差：平均绝对误差 {f.error.mae.toFixed(1)} 件/日，平均百分比误差 {pct(f.error.mape)}（
            {f.error.origins} 个起点）
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">历史不足两周，暂不预测</Typography.Text>
        )
      }
    >
      <SimpleLineChart categories={categories} series={series} height={220} />
    </Card>
  );
}

/** 热点诉求: the words that rose in the last 7 days against the 4 weeks before. */
function HotTopicsCard({ today }: { today: string }) {
  const from = useMemo(() => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 6);
    return d.toISOString().slice(0, 10);
  }, [today]);
  const q = useHotTopics(from, today, 8);
  return (
    <Card size="small" title="热点诉求（近7日较前4周）" loading={q.isLoading} data-testid="leader-hot-topics">
      {(q.data ?? []).length === 0 ? (
        <Typography.Text type="secondary">近7日没有明显上升的诉求</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={q.data}
          renderItem={(t, i) => (
            <List.Item style={{ padding: '3px 0' }}>
              <span>
                <Typography.Text type="secondary" style={{ display: 'inline-block', width: 22 }}>
                  {i + 1}
                </Typography.Text>
                <Link
                  to={`/tickets?q=${encodeURIComponent(t.term)}&receivedFrom=${from}&receivedTo=${today}`}
                >
                  {t.term}
                </Link>
              </span>
              <span>
                {t.count} 件<Typography.Text type="secondary"> （基线 {t.baseline}）</Typography.Text>
                <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
                  ↑{t.growth}倍
                </Tag>
              </span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 红灯工单: open orders on red or overdue, the most urgent deadlines first. */
function RedLightsCard() {
  const filter = { scope: 'all', status: openStatuses, light: 'red,overdue', sort: 'due' } as const;
  const q = useTickets({ ...filter, pageSize: 6 });
  return (
    <Card
      size="small"
      title="红灯、超期工单"
      extra={
        <Space size={8}>
          <XlsxExportButton
            size="small"
            path="/api/tickets/export.xlsx"
            query={filter}
            fileName="红灯超期工单"
          />
          <Link to={`/supervision?light=red`}>督办</Link>
        </Space>
      }
      data-testid="leader-red-lights"
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: '当前无红灯、超期工单' }}
        columns={[
          {
            title: '工单编号',
            dataIndex: 'ticketNo',
            width: 130,
            render: (v: string, r) => <Link to={`/tickets/${r.id}`}>{v}</Link>,
          },
          {
            title: '灯',
            dataIndex: 'light',
            width: 64,
            render: (l: 'red' | 'overdue') => (
              <Tag color={lightColors[l]}>{l === 'red' ? '红灯' : '超期'}</Tag>
            ),
          },
          {
            title: '承办单位',
            dataIndex: 'leadUnitName',
            ellipsis: true,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: '办理时限',
            dataIndex: 'handleBy',
            width: 120,
            render: (v: string | null) => (v ? formatServiceTime(v, 'short') : '—'),
          },
        ]}
      />
    </Card>
  );
}

/** The leader's reading beside the ranking: trend and forecast, hot topics, red lights. */
export function LeaderInsight({ today }: { today: string }) {
  return (
    <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
      <Col xs={24} xl={14}>
        <TrendCard />
      </Col>
      <Col xs={24} xl={10}>
        <HotTopicsCard today={today} />
      </Col>
      <Col xs={24}>
        <RedLightsCard />
      </Col>
    </Row>
  );
}
