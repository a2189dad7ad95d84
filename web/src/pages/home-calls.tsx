import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { callFigures } from '../../../common/contracts/cti';
import { instantOfServiceTime, serviceDate } from '../../../common/service-time';
import { apiParsed } from '../api/client';
import { SimpleLineChart } from '../components/line-chart';
import { XlsxExportButton } from '../components/xlsx-export-button';

type Period = 'today' | 'yesterday' | 'week';
const periodLabels: Record<Period, string> = { today: '今日', yesterday: '昨日', week: '近7日' };
const DAY = 86_400_000;

function rangeOf(period: Period, now: number): { from: string; to: string } {
  const todayStart = instantOfServiceTime(serviceDate(now)).getTime();
  const [from, to] =
    period === 'today'
      ? [todayStart, todayStart + DAY]
      : period === 'yesterday'
        ? [todayStart - DAY, todayStart]
        : [todayStart - 6 * DAY, todayStart + DAY];
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const hours = Array.from({ length: 24 }, (_, h) => `${h}时`);

/**
 * 话务情况 on the leader's desk: calls offered, answered and abandoned, 接通率 and 10秒接通率
 * (beijing-miyun §14), the mean wait, calls by hour and by agent.
 */
export function CallFiguresCard() {
  const [period, setPeriod] = useState<Period>('today');
  const range = useMemo(() => rangeOf(period, Date.now()), [period]);
  const q = useQuery({
    queryKey: ['call-figures', range],
    queryFn: ({ signal }) => apiParsed(callFigures, '/api/stats/calls', { query: range, signal }),
    staleTime: 60_000,
    refetchInterval: 60_000,
  });
  const f = q.data;
  const series = useMemo(
    () => [
      { name: '呼入', values: f?.byHour.map((h) => h.offered) ?? [], color: '#1677ff' },
      { name: '接通', values: f?.byHour.map((h) => h.answered) ?? [], color: '#52c41a' },
      { name: '放弃', values: f?.byHour.map((h) => h.abandoned) ?? [], color: '#ff4d4f' },
    ],
    [f],
  );
  return (
    <Card
      size="small"
      title="话务情况"
      style={{ marginTop: 8 }}
      data-testid="call-figures"
      extra={
        <Space size={8}>
          <Segmented
            size="small"
            value={period}
            onChange={(v) => setPeriod(v)}
            options={(Object.keys(periodLabels) as Period[]).map((p) => ({
              value: p,
              label: periodLabels[p],
            }))}
          />
          <XlsxExportButton
            size="small"
            path="/api/stats/calls/export.xlsx"
            query={range}
            fileName={`话务统计-${periodLabels[period]}`}
          />
        </Space>
      }
    >
      {q.isError ? (
        <Typography.Text type="secondary">话务数据暂不可用</Typography.Text>
      ) : (
        <Row gutter={[8, 8]}>
          <Col xs={24} lg={10}>
            <Row gutter={[8, 8]}>
              {[
                ['呼入', f?.offered ?? 0],
                ['接通', f?.answered ?? 0],
                ['放弃', f?.abandoned ?? 0],
                ['接通率', percent(f?.connectionRate ?? null)],
                ['10秒接通率', percent(f?.within10sRate ?? null)],
                [
                  '平均等待',
                  f?.averageWaitSeconds === null || f === undefined
                    ? '—'
                    : `${f.averageWaitSeconds.toFixed(1)}秒`,
                ],
              ].map(([label, value]) => (
                <Col key={label} span={8}>
                  <Statistic
                    title={label}
                    value={value}
                    loading={q.isLoading}
                    styles={{ content: { fontSize: 18 } }}
                  />
                </Col>
              ))}
            </Row>
            <Table
              size="small"
              style={{ marginTop: 8 }}
              pagination={false}
              rowKey="agent"
              dataSource={(f?.byAgent ?? []).slice(0, 5)}
              locale={{ emptyText: '暂无接通记录' }}
              columns={[
                { title: '话务员', render: (_, a) => a.displayName ?? a.agent },
                { title: '接通', dataIndex: 'answered', width: 60, align: 'right' },
                { title: '10秒内', dataIndex: 'answeredWithin10s', width: 64, align: 'right' },
                {
                  title: '平均等待',
                  width: 80,
                  align: 'right',
                  render: (_, a) =>
                    a.averageWaitSeconds === null ? '—' : `${a.averageWaitSeconds.toFixed(1)}秒`,
                },
              ]}
            />
          </Col>
          <Col xs={24} lg={14}>
            <SimpleLineChart categories={hours} series={series} height={220} />
          </Col>
        </Row>
      )}
    </Card>
  );
}
