import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  notificationKindLabels,
  notificationList,
  pageDto,
  streamTicketDto,
  type NotificationDto,
} from '../../../common/contracts/notifications';
import { formatServiceTime } from '../../../common/service-time';
import { z } from 'zod';
import { api, apiParsed } from '../api/client';

const listKey = ['notifications'] as const;
const pagesKey = ['pages'] as const;

const kindColors: Record<NotificationDto['kind'], string> = {
  'new-order': 'blue',
  reminder: 'red',
  deadline: 'orange',
  decision: 'green',
  supervision: 'volcano',
  emergency: 'magenta',
};

/**
 * Live updates: an EventSource on the notification stream, opened with a one-time ticket (the
 * session token never goes into a URL). Every `notifications` event refetches the list. When
 * the stream cannot be opened, the list polls every 15 seconds.
 */
function useNotificationStream(onChange: () => void): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    let source: EventSource | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const open = async () => {
      try {
        const { ticket } = await apiParsed(streamTicketDto, '/api/notifications/stream-ticket', {
          method: 'POST',
        });
        if (stopped) return;
        source = new EventSource(`/api/notifications/stream?ticket=${encodeURIComponent(ticket)}`);
        source.addEventListener('notifications', () => onChange());
        source.onopen = () => setLive(true);
        source.onerror = () => {
          // A ticket is good once: a dropped stream opens again with a new one.
          source?.close();
          source = null;
          setLive(false);
          if (!stopped) retry = setTimeout(() => void open(), 5_000);
        };
      } catch {
        setLive(false);
        if (!stopped) retry = setTimeout(() => void open(), 30_000);
      }
    };
    void open();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [onChange]);
  return live;
}

/** The bell in the workbench header: unread count, the latest notifications, pages to acknowledge. */
export function NotificationBell() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [refresh] = useState(() => () => {
    void qc.invalidateQueries({ queryKey: listKey });
    void qc.invalidateQueries({ queryKey: pagesKey });
  });
  const live = useNotificationStream(refresh);
  const list = useQuery({
    queryKey: listKey,
    queryFn: ({ signal }) =>
      apiParsed(notificationList, '/api/notifications', { query: { limit: 20 }, signal }),
    refetchInterval: live ? false : 15_000,
  });
  const pages = useQuery({
    queryKey: pagesKey,
    queryFn: ({ signal }) => apiParsed(z.object({ items: z.array(pageDto) }), '/api/pages', { signal }),
    refetchInterval: live ? false : 15_000,
  });
  const read = useMutation({
    mutationFn: (id: number) => api(`/api/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const readAll = useMutation({
    mutationFn: () => api('/api/notifications/read-all', { method: 'POST' }),
    onSuccess: refresh,
  });
  const ack = useMutation({
    mutationFn: (id: number) => api(`/api/pages/${id}/ack`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const unread = list.data?.unread ?? 0;
  const openPages = (pages.data?.items ?? []).filter((p) => !p.ackedAt);

  const content = (
    <div style={{ width: 380 }} data-testid="notification-list">
      {openPages.map((p) => (
        <div key={p.id} className="page-alert" style={{ marginBottom: 8 }}>
          <Space>
            <Tag color="magenta">紧急呼叫</Tag>
            <span>工单 {p.ticketNo}</span>
            <Button
              size="small"
              type="primary"
              danger
              loading={ack.isPending}
              onClick={() => ack.mutate(p.id)}
            >
              确认收到
            </Button>
          </Space>
        </div>
      ))}
      <List
        size="small"
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" /> }}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: n.ticketId ? 'pointer' : 'default', opacity: n.readAt ? 0.6 : 1 }}
            onClick={() => {
              if (!n.readAt) read.mutate(n.id);
              if (n.ticketId) {
                setOpen(false);
                void navigate(`/tickets/${n.ticketId}`);
              }
            }}
          >
            <Space direction="vertical" size={0} style={{ width: '100%' }}>
              <Space size={6}>
                <Tag color={kindColors[n.kind]} style={{ marginInlineEnd: 0 }}>
                  {notificationKindLabels[n.kind]}
                </Tag>
                <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatServiceTime(n.createdAt, 'minute')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>通知</span>
          <Button size="small" type="link" disabled={unread === 0} onClick={() => readAll.mutate()}>
            全部已读
          </Button>
        </Space>
      }
      content={content}
    >
      <Badge count={unread + openPages.length} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label="通知" data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
