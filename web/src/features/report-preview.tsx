import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CountRow, PeriodicReport, ReportUnitRow } from '../../../common/contracts/reports';
import { pct } from '../api/assessment';
import { SimpleBarChart } from '../components/bar-chart';
import { UnitNameCell } from './unit-name-cell';

const palette = ['#1677ff', '#13c2c2', '#52c41a', '#faad14', '#eb2f96', '#722ed1', '#fa541c', '#2f54eb'];
const short = (name: string) => name.replace(/^云川市|^市/, '');

/** 环比 of two counts, one decimal, coloured. */
function Change({ now, before }: { now: number; before: number }) {
  if (before <= 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const r = (now - before) / before;
  if (Math.abs(r) < 0.0005) return <Typography.Text type="secondary">持平</Typography.Text>;
  return (
    <Typography.Text type={r > 0 ? 'danger' : 'success'}>
      {r > 0 ? '+' : ''}
      {(r * 100).toFixed(1)}%
    </Typography.Text>
  );
}

function countColumns(r: PeriodicReport, title: string): ColumnsType<CountRow> {
  return [
    { title, dataIndex: 'label' },
    { title: r.period.label, dataIndex: 'count', width: 110, align: 'right' },
    { title: r.period.previousLabel, dataIndex: 'previous', width: 110, align: 'right' },
    {
      title: '环比',
      key: 'change',
      width: 80,
      align: 'right',
      render: (_: unknown, c) => <Change now={c.count} before={c.previous} />,
    },
  ];
}

/** The units' table: the assessment's figures (percentages with two decimals), score, rank change, 约谈. */
function UnitTable({ r }: { r: PeriodicReport }) {
  const columns: ColumnsType<ReportUnitRow> = [
    { title: '排名', dataIndex: 'rank', width: 56, fixed: 'left', render: (v: number | null) => v ?? '—' },
    {
      title: '承办单位',
      dataIndex: 'unitName',
      width: 200,
      fixed: 'left',
      render: (v: string, u) => <UnitNameCell name={v} interview={u.interview} />,
    },
    { title: '派单量', dataIndex: 'dispatched', width: 72, align: 'right' },
    ...r.columns.map((c) => ({
      title: c.name,
      key: c.id,
      width: 104,
      align: 'right' as const,
      render: (_: unknown, u: ReportUnitRow) => {
        const v = u.values[c.id] ?? null;
        return c.kind === 'rate' ? pct(v) : (v ?? '—');
      },
    })),
    {
      title: '得分',
      dataIndex: 'score',
      width: 80,
      align: 'right',
      render: (v: number | null) => (
        <Typography.Text strong>{v === null ? '—' : v.toFixed(2)}</Typography.Text>
      ),
    },
    {
      title: '上期排名',
      dataIndex: 'previousRank',
      width: 80,
      align: 'center',
      render: (v: number | null) => v ?? '—',
    },
  ];
  return (
    <Table
      size="small"
      rowKey="unitId"
      dataSource={r.units}
      columns={columns}
      scroll={{ x: 'max-content' }}
      pagination={false}
      data-testid="report-units"
    />
  );
}

/**
 * The periodic report on the screen: key figures with 环比, the units' scores, channels and
 * categories as charts, the units' assessment table, the categories that grew most.
 */
export function ReportPreview({ r }: { r: PeriodicReport }) {
  const t = r.totals;
  const ranked = r.units.filter((u) => u.rank !== null);
  const figure = (title: string, value: string, extra?: React.ReactNode) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small">
        <Statistic title={title} value={value} />
        {extra}
      </Card>
    </Col>
  );
  return (
    <div data-testid="report-preview">
      <Row gutter={[8, 8]} style={{ marginBottom: 8 }}>
        {figure(
          '受理诉求（件）',
          t.intake.toLocaleString(),
          <span>
            环比 <Change now={t.intake} before={t.previousIntake} />
          </span>,
        )}
        {figure(
          '派单（件次）',
          t.dispatched.toLocaleString(),
          <span>
            环比 <Change now={t.dispatched} before={t.previousDispatched} />
          </span>,
        )}
        {r.columns
          .filter((c) => c.kind === 'rate')
          .slice(0, 4)
          .map((c) => (
            <Col xs={12} md={8} xl={4} key={c.id}>
              <Card size="small">
                <Statistic title={`全部单位${c.name}`} value={pct(t.overall[c.id] ?? null)} />
                <Typography.Text type="secondary">汇总计算</Typography.Text>
              </Card>
            </Col>
          ))}
      </Row>
      <Row gutter={[8, 8]} style={{ marginBottom: 8 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title="承办单位综合得分">
            {ranked.length ? (
              <SimpleBarChart
                height={240}
                labelRotate={ranked.length > 6 ? 30 : undefined}
                bars={ranked.map((u) => ({
                  name: short(u.unitName),
                  value: Math.round((u.score ?? 0) * 100) / 100,
                  color: u.interview ? '#cf1322' : '#1677ff',
                }))}
              />
            ) : (
              <Typography.Text type="secondary">本期无派单，暂无排名</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card size="small" title="受理渠道">
            <SimpleBarChart
              height={240}
              bars={t.byChannel.map((c, i) => ({
                name: c.label,
                value: c.count,
                color: palette[i % 8] ?? '#1677ff',
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card size="small" title="问题分类（一级）">
            <SimpleBarChart
              height={240}
              labelRotate={30}
              bars={t.byCategory
                .filter((c) => c.key)
                .slice(0, 8)
                .map((c, i) => ({ name: c.label, value: c.count, color: palette[i % 8] ?? '#1677ff' }))}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={`承办单位考核（${r.scheme.name}）`} style={{ marginBottom: 8 }}>
        <UnitTable r={r} />
      </Card>
      <Row gutter={[8, 8]} style={{ marginBottom: 8 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title="增长较多的问题分类">
            <Table
              size="small"
              rowKey="key"
              dataSource={r.risingCategories}
              columns={countColumns(r, '问题分类')}
              pagination={false}
              locale={{ emptyText: '与上期相比无明显增长' }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="受理情况（按处置方式）">
            <Table
              size="small"
              rowKey="key"
              dataSource={t.byDisposition}
              columns={countColumns(r, '处置方式')}
              pagination={false}
            />
          </Card>
        </Col>
      </Row>
      {r.hotTopics.length > 0 && (
        <Card size="small" title="热点问题" style={{ marginBottom: 8 }}>
          <Table
            size="small"
            rowKey="title"
            dataSource={r.hotTopics}
            pagination={false}
            columns={[
              { title: '热点问题', dataIndex: 'title' },
              { title: r.period.label, dataIndex: 'count', width: 110, align: 'right' },
              { title: '说明', dataIndex: 'note' },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
