import { App, Button, Card, List, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { IncidentDto, IncidentSummaryDto } from '../../../common/contracts/incidents';
import { api, errorText } from '../api/client';
import { LightTag } from '../components/tags';
import { fmtShort, fmtSpan } from '../lib/format';
import { useNow } from '../lib/use-now';

export const incidentKeys = {
  all: ['incidents'] as const,
  list: (status: string) => ['incidents', 'list', status] as const,
  detail: (id: number) => ['incidents', 'detail', id] as const,
};

export function useIncidents(status: 'open' | 'closed' | 'all', opts: { refetchMs?: number } = {}) {
  return useQuery({
    queryKey: incidentKeys.list(status),
    queryFn: ({ signal }) =>
      api<{ items: IncidentSummaryDto[] }>('/api/incidents', { query: { status }, signal }),
    refetchInterval: opts.refetchMs ?? 60_000,
  });
}

/** Attaches orders to an incident (agents and the duty room). */
export function useAttachOrders() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ticketIds }: { id: number; ticketIds: number[] }) =>
      api<IncidentDto>(`/api/incidents/${id}/orders`, { method: 'POST', body: { ticketIds } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: incidentKeys.all }),
  });
}

/**
 * 重大事件 on the intake desk: the open incidents (title, since when, how many orders, what to
 * tell callers), so the agent answers a new caller from them and attaches the order just
 * recorded to the right one.
 */
export function OpenIncidentsPanel({ ticket }: { ticket: { id: number; ticketNo: string } | null }) {
  const { message } = App.useApp();
  const now = useNow();
  const list = useIncidents('open', { refetchMs: 30_000 });
  const attach = useAttachOrders();
  const items = list.data?.items ?? [];
  if (list.isError || (!list.isLoading && items.length === 0)) {
    return null;
  }
  return (
    <Card size="small" title={`处置中的重大事件（${items.length}）`} data-testid="open-incidents">
      <List
        size="small"
        dataSource={items}
        renderItem={(i) => (
          <List.Item
            actions={
              ticket
                ? [
                    <Button
                      key="attach"
                      size="small"
                      loading={attach.isPending && attach.variables?.id === i.id}
                      onClick={() =>
                        attach.mutate(
                          { id: i.id, ticketIds: [ticket.id] },
                          {
                            onSuccess: () =>
                              void message.success(`工单 ${ticket.ticketNo} 已关联到「${i.title}」`),
                            onError: (e) => void message.error(errorText(e)),
                          },
                        )
                      }
                    >
                      关联本单
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space size={4}>
                  <Link to={`/incidents?id=${i.id}`}>{i.title}</Link>
                  {i.light && <LightTag light={i.light} />}
                </Space>
              }
              description={
                <Space orientation="vertical" size={0}>
                  <Typography.Text type="secondary">
                    {fmtShort(i.occurredAt)} 起（已 {fmtSpan(now - Date.parse(i.occurredAt))}）· 关联工单{' '}
                    {i.ticketCount} 件
                  </Typography.Text>
                  {i.description && <Typography.Text>答复口径：{i.description}</Typography.Text>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
