import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { callFigures } from '../../../../common/contracts/cti';
import { citeArticle } from '../../../../common/article-citation';
import { apiParsed } from '../../api/client';
import { useMe } from '../../auth/auth-context';
import { pct } from '../../api/assessment';
import { XlsxExportButton } from '../../components/xlsx-export-button';

const figureLabels = { connectionRate: '接通率', within10sRate: '10秒接通率' } as const;
const centerRoles = new Set(['admin', 'leader', 'supervisor', 'dispatcher']);

/**
 * 话务指标: the telephone figures the active profile sets a target for, over the assessed period
 * (the center's own answering, beside the units' table). Hidden when the profile sets none.
 */
export function CallTargets({ start, end }: { start: string; end: string }) {
  const me = useMe();
  const q = useQuery({
    queryKey: ['stats', 'calls', start, end],
    queryFn: ({ signal }) =>
      apiParsed(callFigures, '/api/stats/calls', { query: { from: start, to: end }, signal }),
    enabled: centerRoles.has(me.role),
  });
  const targets = q.data?.targets ?? [];
  if (targets.length === 0) return null;
  return (
    <Card
      size="small"
      title="话务指标"
      style={{ marginBottom: 8 }}
      data-testid="call-targets"
      extra={
        <XlsxExportButton
          size="small"
          path="/api/stats/calls/export.xlsx"
          query={{ from: start, to: end }}
          fileName="话务统计"
        />
      }
    >
      <Table
        size="small"
        rowKey="figure"
        pagination={false}
        dataSource={targets}
        columns={[
          { title: '指标', dataIndex: 'figure', render: (f: keyof typeof figureLabels) => figureLabels[f] },
          { title: '实际', dataIndex: 'actual', render: (v: number | null) => pct(v) },
          { title: '目标', dataIndex: 'target', render: (v: number) => pct(v) },
          {
            title: '结果',
            dataIndex: 'met',
            render: (m: boolean | null) =>
              m === null ? '无来电' : m ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>,
          },
          { title: '依据', dataIndex: 'article', render: (a: string) => citeArticle(a) },
          { title: '呼入量', key: 'offered', render: () => q.data?.offered ?? 0 },
        ]}
      />
    </Card>
  );
}
