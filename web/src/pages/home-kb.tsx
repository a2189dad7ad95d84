import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { api } from '../api/client';

const kbCounters = [
  { label: '待审核条目', query: { status: 'in-review' } },
  { label: '草稿', query: { status: 'draft' } },
  { label: '复审逾期', query: { reviewOverdue: 'true' } },
  { label: '已发布', query: { status: 'published' } },
] as const;

function KbCounter({ label, query }: { label: string; query: Record<string, string> }) {
  const q = useQuery({
    queryKey: ['kb-count', query],
    queryFn: ({ signal }) =>
      api<{ total: number }>('/api/kb/articles', { query: { ...query, pageSize: 1 }, signal }),
    staleTime: 30_000,
  });
  return (
    <Card size="small" className="stat-card" data-testid={`counter-${label}`}>
      <Statistic title={label} value={q.data?.total ?? 0} loading={q.isLoading} />
    </Card>
  );
}

/** The knowledge editor's own work: articles waiting for review, drafts, overdue reviews. */
export function KbCounters() {
  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 8 }}>
      {kbCounters.map((c) => (
        <Col key={c.label} xs={12} md={6}>
          <KbCounter label={c.label} query={c.query} />
        </Col>
      ))}
    </Row>
  );
}
