import { Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { periodLabel, periodOfDate } from '../../../common/period';
import { useAssessment, useSchemes } from '../api/assessment';
import { useRules } from '../api/queries';
import { XlsxExportButton } from '../components/xlsx-export-button';

/** How many units each end of the ranking shows. */
const shown = 5;

/**
 * The leader's own reading: this month's assessment at a glance, best and last units, with the
 * way to the full table (考核评价).
 */
export function LeaderRanking({ today }: { today: string }) {
  const schemes = useSchemes();
  const rules = useRules();
  const scheme = schemes.data?.find((s) => s.profile === rules.data?.profile.id) ?? schemes.data?.[0];
  const period = periodOfDate('month', today);
  const result = useAssessment(scheme?.id, period);
  const ranked = (result.data?.units ?? []).filter((u) => u.rank !== null);
  const top = ranked.slice(0, shown);
  const bottom = ranked.length > shown ? ranked.slice(-Math.min(shown, ranked.length - shown)) : [];
  const row = (u: (typeof ranked)[number]) => (
    <List.Item style={{ padding: '3px 0' }}>
      <span>
        <Typography.Text type="secondary" style={{ display: 'inline-block', width: 28 }}>
          {u.rank}
        </Typography.Text>
        {u.unitName}
        {u.interview && (
          <Tag color="red" style={{ marginInlineStart: 4 }}>
            约谈
          </Tag>
        )}
      </span>
      <Typography.Text strong>{u.score?.toFixed(2) ?? '—'}</Typography.Text>
    </List.Item>
  );
  return (
    <Card
      size="small"
      title={`${periodLabel(period)}考核排名`}
      extra={
        <Space size={8}>
          {scheme && (
            <XlsxExportButton
              size="small"
              path="/api/assessment/export.xlsx"
              query={{ scheme: scheme.id, period }}
              fileName={`考核结果-${period}`}
            />
          )}
          <Link to="/assessment">考核评价</Link>
        </Space>
      }
      loading={result.isLoading || schemes.isLoading}
      data-testid="leader-ranking"
    >
      {ranked.length === 0 ? (
        <Typography.Text type="secondary">本月尚无派单，暂无排名</Typography.Text>
      ) : (
        <Row gutter={16}>
          <Col span={bottom.length ? 12 : 24}>
            <Typography.Text type="secondary">前 {top.length} 名</Typography.Text>
            <List size="small" dataSource={top} renderItem={row} />
          </Col>
          {bottom.length > 0 && (
            <Col span={12}>
              <Typography.Text type="secondary">后 {bottom.length} 名</Typography.Text>
              <List size="small" dataSource={bottom} renderItem={row} />
            </Col>
          )}
        </Row>
      )}
    </Card>
  );
}
