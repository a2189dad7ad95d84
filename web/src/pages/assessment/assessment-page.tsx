import { Alert, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { periodLabel, previousPeriod } from '../../../../common/period';
import { pct, useAssessment, useIndicators, type IndicatorInfo, type UnitResult } from '../../api/assessment';
import { errorText } from '../../api/client';
import { SimpleBarChart } from '../../components/bar-chart';
import { PageTitle } from '../../components/page-title';
import { SchemePeriodPicker, useSchemePeriod } from '../../features/scheme-period-picker';
import { UnitNameCell } from '../../features/unit-name-cell';
import { CallTargets } from './call-targets';
import { DrillDrawer, type DrillTarget } from './drill-drawer';
import { XlsxExportButton } from '../../components/xlsx-export-button';

/** Rank moved up (fewer is better), down, or new. */
function RankChange({ now, before }: { now: number | null; before: number | null | undefined }) {
  if (now === null || before === undefined) return null;
  if (before === null) return <Tag style={{ marginInlineStart: 4 }}>新</Tag>;
  const d = before - now;
  if (d === 0) return <Typography.Text type="secondary"> –</Typography.Text>;
  return (
    <Typography.Text type={d > 0 ? 'success' : 'danger'} style={{ marginInlineStart: 4 }}>
      {d > 0 ? `▲${d}` : `▼${-d}`}
    </Typography.Text>
  );
}

function ScoreChange({ now, before }: { now: number | null; before: number | null | undefined }) {
  if (now === null || before === undefined || before === null) return null;
  const d = Math.round((now - before) * 100) / 100;
  if (d === 0) return null;
  return (
    <Typography.Text type={d > 0 ? 'success' : 'danger'} style={{ fontSize: 12, marginInlineStart: 4 }}>
      {d > 0 ? `+${d.toFixed(2)}` : d.toFixed(2)}
    </Typography.Text>
  );
}

/**
 * 考核: a scheme's table for a period (rank, score, every figure of the scheme), the change since
 * the period before, the 约谈 flag, and the orders behind each figure.
 */
export function AssessmentPage() {
  const sp = useSchemePeriod();
  const { scheme, period, schemes } = sp;
  const indicators = useIndicators();

  const current = useAssessment(scheme, period);
  const before = useAssessment(scheme, previousPeriod(period));
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  const info = useMemo(
    () => new Map((indicators.data?.items ?? []).map((i) => [i.id, i])),
    [indicators.data],
  );
  const componentIds = useMemo(
    () => schemes.data?.find((s) => s.id === scheme)?.components.map((c) => c.indicator) ?? [],
    [schemes.data, scheme],
  );
  const prev = useMemo(() => new Map((before.data?.units ?? []).map((u) => [u.unitId, u])), [before.data]);
  const units = current.data?.units ?? [];
  const ranked = units.filter((u) => u.rank !== null);
  const bars = ranked.map((u) => ({
    name: u.unitName.replace(/^云川市|^市/, ''),
    value: Math.round((u.score ?? 0) * 100) / 100,
    color: u.interview ? '#cf1322' : '#1677ff',
  }));

  const figure = (u: UnitResult, ind: IndicatorInfo) => {
    const v = u[ind.id];
    const text = ind.kind === 'rate' ? pct(v) : typeof v === 'number' ? String(v) : '—';
    if (v === null || v === undefined || !scheme) return text;
    return (
      <a
        onClick={() =>
          setDrill({
            scheme,
            period,
            unitId: u.unitId,
            unitName: u.unitName,
            indicator: ind.id,
            indicatorName: ind.name,
            kind: ind.kind,
          })
        }
        title="查看计入该指标的工单"
      >
        {text}
      </a>
    );
  };

  const columns: ColumnsType<UnitResult> = [
    {
      title: '排名',
      dataIndex: 'rank',
      width: 72,
      fixed: 'left',
      render: (v: number | null, u) => (
        <span>
          {v ?? '—'}
          <RankChange now={v} before={prev.has(u.unitId) ? (prev.get(u.unitId)?.rank ?? null) : undefined} />
        </span>
      ),
    },
    {
      title: '单位',
      dataIndex: 'unitName',
      width: 200,
      fixed: 'left',
      render: (v: string, u) => <UnitNameCell name={v} interview={u.interview} />,
    },
    {
      title: '得分',
      dataIndex: 'score',
      width: 110,
      render: (v: number | null, u) => (
        <span>
          <Typography.Text strong>{v === null ? '—' : v.toFixed(2)}</Typography.Text>
          <ScoreChange now={v} before={prev.get(u.unitId)?.score} />
        </span>
      ),
    },
    {
      title: '派单量',
      key: 'dispatched',
      width: 72,
      render: (_: unknown, u) => u.counts.dispatched ?? 0,
    },
    ...componentIds
      .map((id) => info.get(id))
      .filter((i): i is IndicatorInfo => !!i)
      .map((ind) => ({
        title: <Tooltip title={`${ind.definition}（${ind.source}）`}>{ind.name}</Tooltip>,
        key: ind.id,
        width: 110,
        render: (_: unknown, u: UnitResult) => figure(u, ind),
      })),
  ];

  return (
    <div>
      <PageTitle title="考核评价" />
      <Space wrap style={{ marginBottom: 8 }}>
        <SchemePeriodPicker sp={sp} schemeWidth={360} periodAria="考核期间" />
        <XlsxExportButton
          path="/api/assessment/export.xlsx"
          query={{ scheme, period }}
          fileName={`考核结果-${period}`}
          disabled={!scheme}
        />
        <Link to={`/assessment/warnings?${new URLSearchParams({ scheme: scheme ?? '', period })}`}>
          单位预警
        </Link>
        {current.data && (
          <Typography.Text type="secondary">
            {periodLabel(period)}，与{periodLabel(previousPeriod(period))}相比；数据截至{' '}
            {current.data.asOf.slice(0, 10)}
          </Typography.Text>
        )}
      </Space>
      {current.isError && <Alert type="error" showIcon title={errorText(current.error)} />}
      {current.data && <CallTargets start={current.data.period.start} end={current.data.period.end} />}
      {ranked.length > 0 && (
        <Card size="small" title="得分排名" style={{ marginBottom: 8 }}>
          <SimpleBarChart bars={bars} height={260} labelRotate={30} />
        </Card>
      )}
      <Table<UnitResult>
        size="small"
        rowKey="unitId"
        loading={current.isLoading}
        dataSource={units}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={false}
        data-testid="assessment-table"
        locale={{ emptyText: '该期间没有派单，暂无考核数据' }}
      />
      <DrillDrawer target={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
