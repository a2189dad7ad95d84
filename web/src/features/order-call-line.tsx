import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { orderCall } from '../../../common/contracts/cti';
import { apiParsed } from '../api/client';
import { fmtDateTime } from '../lib/format';

/** 来电: the call the order was taken on (from the telephone system), in one line. */
export function OrderCallLine({ ticketId }: { ticketId: number }) {
  const q = useQuery({
    queryKey: ['ticket-call', ticketId],
    queryFn: ({ signal }) => apiParsed(orderCall, `/api/tickets/${ticketId}/call`, { signal }),
    staleTime: 60_000,
  });
  const c = q.data?.call;
  if (!c) return <Typography.Text type="secondary">{q.isLoading ? '…' : '未关联话务记录'}</Typography.Text>;
  const wait =
    c.offeredAt && c.answeredAt
      ? Math.max(0, Math.round((Date.parse(c.answeredAt) - Date.parse(c.offeredAt)) / 1000))
      : null;
  return (
    <span data-testid="order-call">
      {[
        c.caller ?? '号码不可见',
        c.answeredAt
          ? `${fmtDateTime(c.answeredAt)} 接通`
          : c.offeredAt
            ? `${fmtDateTime(c.offeredAt)} 呼入`
            : null,
        wait !== null ? `等待 ${wait} 秒` : null,
        c.agent ? `话务员 ${c.agent}` : null,
        c.queue ? `队列 ${c.queue}` : null,
      ]
        .filter(Boolean)
        .join(' · ')}
      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
        呼叫编号 {c.callId}
      </Typography.Text>
    </span>
  );
}
