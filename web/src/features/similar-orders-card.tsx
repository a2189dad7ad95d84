import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { similarResponse } from '../../../common/contracts/intake-assist';
import { apiParsed, errorText } from '../api/client';
import { useTicketAction } from '../api/queries';
import type { TicketDetail } from '../api/types';
import { fmtDateTime } from '../lib/format';

/**
 * 相似工单: orders about the same matter as this one (重复件), best first, with why; a repeat
 * may be merged into one of them where the merge action is allowed. Also the repeats already
 * merged into this order (并单), with their callers as the viewer may see them.
 */
export function SimilarOrdersCard({ t }: { t: TicketDetail }) {
  const { message } = App.useApp();
  const q = useQuery({
    queryKey: ['tickets', 'similar', t.id, t.version],
    queryFn: ({ signal }) => apiParsed(similarResponse, `/api/tickets/${t.id}/similar`, { signal }),
  });
  const act = useTicketAction(t.id);
  const canMerge = t.allowedActions.includes('merge');
  const merge = (intoTicketId: number, ticketNo: string) =>
    act.mutate(
      { action: 'merge', payload: { intoTicketId }, version: t.version },
      {
        onSuccess: () => void message.success(`已合并到工单 ${ticketNo}`),
        onError: (e) => void message.error(errorText(e)),
      },
    );
  const items = q.data?.items ?? [];
  return (
    <Card
      size="small"
      title="相似工单"
      data-testid="similar-orders"
      extra={q.data?.repeatedClosedMatter ? <Tag color="red">来电人反复反映已办结事项</Tag> : null}
    >
      {q.isError ? (
        <Typography.Text type="danger">{errorText(q.error)}</Typography.Text>
      ) : items.length === 0 && !q.isLoading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现相似工单" />
      ) : (
        <List
          size="small"
          loading={q.isLoading}
          dataSource={items}
          renderItem={(s) => (
            <List.Item
              actions={
                canMerge && !s.closed
                  ? [
                      <Popconfirm
                        key="merge"
                        title={`将本工单合并到 ${s.ticketNo}？`}
                        okText="合并"
                        cancelText="取消"
                        onConfirm={() => merge(s.ticketId, s.ticketNo)}
                      >
                        <Button size="small" loading={act.isPending}>
                          合并
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                <Space wrap size={6}>
                  <Link to={`/tickets/${s.ticketId}`}>{s.ticketNo}</Link>
                  <Typography.Text type="secondary">{Math.round(s.score * 100)}%</Typography.Text>
                  {s.likelyDuplicate && <Tag color="orange">疑似重复</Tag>}
                  {s.closed && <Tag>已办结</Tag>}
                  <Typography.Text type="secondary">{fmtDateTime(s.createdAt)}</Typography.Text>
                </Space>
                <Typography.Text style={{ fontSize: 12 }}>{s.reason}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                  {s.summary}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {t.mergedRepeats && t.mergedRepeats.length > 0 && (
        <List
          size="small"
          header={
            <Typography.Text strong>已并入本工单的重复件（办理结果同样答复以下来电人）</Typography.Text>
          }
          dataSource={t.mergedRepeats}
          renderItem={(r) => (
            <List.Item>
              <Space wrap size={6}>
                <Typography.Text>{r.ticketNo}</Typography.Text>
                <Typography.Text type="secondary">{fmtDateTime(r.receivedAt)}</Typography.Text>
                <Typography.Text>
                  {r.caller.name ?? '（隐去）'} {r.caller.phone ?? ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
