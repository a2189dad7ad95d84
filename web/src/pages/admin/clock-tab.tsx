import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, errorText } from '../../api/client';
import { useServerClock } from '../../api/queries';
import { fmtDateTime, toServiceTime } from '../../lib/format';

interface SweepResult {
  yellow: number;
  overdue: number;
  red: number;
  reminders: number;
}

/** The test clock (CIVICLINE_TEST_CLOCK=1) and the deadline sweep, for demos and training. */
export function ClockTab() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const clock = useServerClock();
  const [picked, setPicked] = useState<Dayjs | null>(null);
  const [sweepResult, setSweepResult] = useState<SweepResult | null>(null);
  const refreshAll = async () => {
    await qc.invalidateQueries({ queryKey: ['clock'] });
    await qc.invalidateQueries({ queryKey: ['tickets'] });
  };
  const setClock = useMutation({
    mutationFn: (now: string) => api<{ now: string }>('/api/admin/clock', { method: 'POST', body: { now } }),
    onSuccess: async (r) => {
      message.success(`平台时间已设为 ${fmtDateTime(r.now)}`);
      await refreshAll();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const sweep = useMutation({
    mutationFn: () => api<SweepResult>('/api/admin/sweep', { method: 'POST' }),
    onSuccess: async (r) => {
      setSweepResult(r);
      message.success('时限扫描已完成');
      await refreshAll();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const now = clock.data ? toServiceTime(clock.data.now) : null;
  const shift = (days: number, hours = 0) => {
    if (!now) return;
    setClock.mutate(now.add(days, 'day').add(hours, 'hour').format('YYYY-MM-DDTHH:mm:ssZ'));
  };
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%', maxWidth: 760 }}>
      {clock.data && !clock.data.testClock && (
        <Alert
          type="info"
          showIcon
          title="测试时钟未启用（启动时设置 CIVICLINE_TEST_CLOCK=1），平台使用系统时间，仅可执行时限扫描"
        />
      )}
      <Card size="small" title="平台时间">
        <Descriptions
          size="small"
          column={2}
          items={[
            {
              key: 'now',
              label: '当前平台时间',
              children: (
                <span data-testid="platform-now">{clock.data ? fmtDateTime(clock.data.now) : '—'}</span>
              ),
            },
            { key: 'mode', label: '时钟', children: clock.data?.testClock ? '测试时钟' : '系统时间' },
          ]}
        />
        {clock.data?.testClock && (
          <Space wrap style={{ marginTop: 8 }}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              value={picked}
              onChange={setPicked}
              placeholder="选择时间"
            />
            <Button
              type="primary"
              disabled={!picked}
              loading={setClock.isPending}
              onClick={() => picked && setClock.mutate(picked.format('YYYY-MM-DDTHH:mm:ssZ'))}
            >
              设为平台时间
            </Button>
            <Button onClick={() => shift(0, 1)}>+1小时</Button>
            <Button onClick={() => shift(1)}>+1天</Button>
            <Button onClick={() => shift(7)}>+7天</Button>
          </Space>
        )}
      </Card>
      <Card size="small" title="时限扫描">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          扫描所有在办工单的时限，更新预警灯，并为红灯工单自动发出催办单。平台每分钟自动执行一次。
        </Typography.Paragraph>
        <Button loading={sweep.isPending} onClick={() => sweep.mutate()}>
          立即扫描
        </Button>
        {sweepResult && (
          <Descriptions
            size="small"
            column={4}
            style={{ marginTop: 8 }}
            data-testid="sweep-result"
            items={[
              { key: 'y', label: '新增黄灯', children: sweepResult.yellow },
              { key: 'o', label: '新增超期', children: sweepResult.overdue },
              { key: 'r', label: '新增红灯', children: sweepResult.red },
              { key: 'm', label: '发出催办单', children: sweepResult.reminders },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
