import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import {
  deliveryStatusLabels,
  webhookDeliveryList,
  webhookEventLabels,
  type WebhookDeliveryDto,
} from '../../../common/contracts/webhooks';
import { apiParsed } from '../api/client';
import { fmtDateTime } from '../lib/format';

const statusColor: Record<WebhookDeliveryDto['status'], string> = {
  pending: 'processing',
  delivered: 'success',
  failed: 'error',
};

export function useWebhookDeliveries(id: number) {
  return useQuery({
    queryKey: ['webhooks', id, 'deliveries'],
    queryFn: ({ signal }) =>
      apiParsed(webhookDeliveryList, `/api/admin/webhooks/${id}/deliveries`, { signal }),
    refetchInterval: 5_000,
  });
}

/** 投递记录 of one subscription: status, attempts, last error and the next attempt (latest 200). */
export function WebhookDeliveries({ id }: { id: number }) {
  const log = useWebhookDeliveries(id);
  return (
    <Table<WebhookDeliveryDto>
      size="small"
      rowKey="id"
      data-testid="webhook-deliveries"
      loading={log.isLoading}
      dataSource={log.data?.items ?? []}
      pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
      locale={{ emptyText: '暂无投递' }}
      columns={[
        { title: '时间', width: 140, render: (_, d) => fmtDateTime(d.createdAt) },
        { title: '事件', width: 150, render: (_, d) => webhookEventLabels[d.event] ?? d.event },
        { title: '工单', width: 150, render: (_, d) => d.ticketNo ?? `#${d.ticketId}` },
        {
          title: '状态',
          width: 90,
          render: (_, d) => <Tag color={statusColor[d.status]}>{deliveryStatusLabels[d.status]}</Tag>,
        },
        { title: '尝试', dataIndex: 'attempts', width: 56 },
        {
          title: '最近结果',
          render: (_, d) =>
            d.lastError ? (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {d.lastError}
              </Typography.Text>
            ) : d.lastStatus ? (
              `HTTP ${d.lastStatus}`
            ) : (
              '—'
            ),
        },
        {
          title: '下次尝试',
          width: 140,
          render: (_, d) => (d.nextAttemptAt ? fmtDateTime(d.nextAttemptAt) : '—'),
        },
        {
          title: '投递 ID',
          width: 110,
          render: (_, d) => (
            <Typography.Text code copyable={{ text: d.id }} style={{ fontSize: 11 }}>
              {d.id.slice(0, 8)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
