import { useQuery } from '@tanstack/react-query';
import { Alert, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { citeArticle } from '../../../../common/article-citation';
import { periodLabel } from '../../../../common/period';
import { pct, useIndicators } from '../../api/assessment';
import { api, errorText } from '../../api/client';
import { PageTitle } from '../../components/page-title';
import { XlsxExportButton } from '../../components/xlsx-export-button';
import { SchemePeriodPicker, useSchemePeriod } from '../../features/scheme-period-picker';

type Level = 'red' | 'yellow' | 'blue';

/** One unit's warning as GET /api/assessment/warnings answers it. */
interface Warning {
  unitCode: string;
  unitName: string;
  level: Level;
  reasons: {
    code: string;
    indicator: string | null;
    target: number;
    actual: number;
    message: string;
    article: string;
    ticketNos?: string[];
  }[];
}

/** One row of the table: a missed target of a unit (a unit with two misses has two rows). */
type Row = Warning['reasons'][number] & Pick<Warning, 'unitCode' | 'unitName' | 'level'> & { key: string };

const levels: Record<Level, { label: string; color: string }> = {
  red: { label: '红色预警', color: 'red' },
  yellow: { label: '黄色预警', color: 'gold' },
  blue: { label: '蓝色预警', color: 'blue' },
};

/**
 * 单位预警 (beijing-miyun §21, §30): the units that missed the scheme's targets in the period, red
 * first, one row per missed target; units see their own unit and sub-units. A scheme that sets no
 * warning targets answers 422 and the screen says so.
 */
export function WarningsPage() {
  const all = useSchemePeriod();
  // Only the schemes that set warning targets (beijing-miyun §21); the others would answer 422.
  const warned = (all.schemes.data ?? []).filter((x) => (x as { warnings?: unknown }).warnings);
  const sp = {
    ...all,
    scheme: warned.some((x) => x.id === all.scheme) ? all.scheme : warned[0]?.id,
    schemes: { ...all.schemes, data: warned } as typeof all.schemes,
  };
  const { scheme, period } = sp;
  const [level, setLevel] = useState<Level | 'all'>('all');
  const [q, setQ] = useState('');
  const indicators = useIndicators();
  const warnings = useQuery({
    queryKey: ['assessment', 'warnings', scheme, period],
    queryFn: ({ signal }) =>
      api<{ items: Warning[] }>('/api/assessment/warnings', {
        query: { scheme: scheme ?? '', period },
        signal,
      }),
    enabled: !!scheme,
    staleTime: 60_000,
  });
  const kinds = useMemo(
    () => new Map((indicators.data?.items ?? []).map((i) => [i.id, i.kind])),
    [indicators.data],
  );
  const items = warnings.data?.items ?? [];
  const rows: Row[] = items
    .filter((w) => (level === 'all' || w.level === level) && (!q || w.unitName.includes(q)))
    .flatMap((w) =>
      w.reasons.map((r) => ({
        ...r,
        unitCode: w.unitCode,
        unitName: w.unitName,
        level: w.level,
        key: `${w.unitCode}-${r.code}`,
      })),
    );
  const figure = (r: Row, v: number) =>
    r.indicator && kinds.get(r.indicator) === 'rate' ? pct(v) : String(v);
  const columns: ColumnsType<Row> = [
    {
      title: '预警等级',
      dataIndex: 'level',
      width: 96,
      render: (l: Level) => <Tag color={levels[l].color}>{levels[l].label}</Tag>,
    },
    { title: '单位代码', dataIndex: 'unitCode', width: 110 },
    { title: '承办单位', dataIndex: 'unitName', width: 200 },
    { title: '未达标项', dataIndex: 'message' },
    { title: '目标', key: 'target', width: 90, render: (_: unknown, r) => figure(r, r.target) },
    {
      title: '实际',
      key: 'actual',
      width: 90,
      render: (_: unknown, r) => <Typography.Text type="danger">{figure(r, r.actual)}</Typography.Text>,
    },
    {
      title: '依据',
      dataIndex: 'article',
      width: 200,
      ellipsis: true,
      render: (a: string) => citeArticle(a),
    },
    {
      title: '涉及工单',
      key: 'tickets',
      width: 220,
      render: (_: unknown, r) => (r.ticketNos ?? []).join('、') || '—',
    },
  ];
  const count = (l: Level) => items.filter((w) => w.level === l).length;
  return (
    <div>
      <PageTitle title="单位预警" />
      <Space wrap style={{ marginBottom: 8 }}>
        <SchemePeriodPicker sp={sp} schemeWidth={320} periodAria="预警期间" />
        <Segmented<Level | 'all'>
          value={level}
          onChange={setLevel}
          options={[
            { value: 'all', label: '全部' },
            ...(Object.keys(levels) as Level[]).map((l) => ({ value: l, label: levels[l].label })),
          ]}
        />
        <Input.Search
          allowClear
          placeholder="单位名称"
          style={{ width: 180 }}
          onSearch={(v) => setQ(v.trim())}
          aria-label="查找单位"
        />
        <XlsxExportButton
          path="/api/assessment/warnings/export.xlsx"
          query={{ scheme, period, level: level === 'all' ? undefined : level, q: q || undefined }}
          fileName={`单位预警-${period}`}
          disabled={!scheme}
        />
        <Link to={`/assessment?${new URLSearchParams({ scheme: scheme ?? '', period })}`}>考核评价</Link>
      </Space>
      {warnings.data && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {periodLabel(period)}：红色预警 {count('red')} 个单位，黄色预警 {count('yellow')} 个，蓝色预警{' '}
          {count('blue')} 个；未列出的单位各项目标均已达到。
        </Typography.Paragraph>
      )}
      {all.schemes.data && warned.length === 0 && (
        <Alert type="info" showIcon title="现有考核方案均未规定单位预警目标" />
      )}
      {warnings.isError && <Alert type="warning" showIcon title={errorText(warnings.error)} />}
      <Table<Row>
        size="small"
        rowKey="key"
        loading={warnings.isLoading}
        dataSource={rows}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 项` }}
        scroll={{ x: 'max-content' }}
        data-testid="warnings-table"
        locale={{ emptyText: warnings.data ? '该期间没有单位触发预警' : '暂无数据' }}
      />
    </div>
  );
}
