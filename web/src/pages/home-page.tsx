import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { api } from '../api/client';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { lights, roleLabels, type Light, type Role } from '../../../common/enums';
import { useTicketCount } from '../api/queries';
import type { TicketListQuery } from '../api/types';
import { useMe } from '../auth/auth-context';
import { SimpleBarChart } from '../components/bar-chart';
import { PageTitle } from '../components/page-title';
import { lightLabels } from '../../../common/enums';
import { lightColors } from '../lib/labels';
import { useNow } from '../lib/use-now';
import { serviceDate } from '../../../common/service-time';
import { CallFiguresCard } from './home-calls';
import { KbCounters } from './home-kb';
import { LeaderRanking } from './home-leader';
import { LeaderInsight } from '../features/leader-insight';

interface Counter {
  label: string;
  query: TicketListQuery;
  /** Where a click on the counter leads. */
  to: string;
}

const openStatuses = 'dispatched,in_progress,replied,pending_callback,unsatisfied,appealed,suspended';

/** What waits for each role, as list queries whose totals are the counters. */
function countersFor(
  role: Role,
  subPlatform: boolean,
  today: string,
): { base: TicketListQuery; counters: Counter[] } {
  switch (role) {
    case 'dispatcher':
    case 'admin':
      return {
        base: { scope: 'todo' },
        counters: [
          {
            label: '待派单',
            query: { scope: 'todo', status: 'pending_dispatch' },
            to: '/dispatch?tab=dispatch',
          },
          { label: '答复待审核', query: { scope: 'todo', status: 'replied' }, to: '/dispatch?tab=review' },
          {
            label: subPlatform ? '待转派及申请' : '回退/延期待审',
            query: { scope: 'todo', status: 'dispatched,in_progress' },
            to: '/dispatch?tab=requests',
          },
          { label: '申诉待研判', query: { scope: 'todo', status: 'appealed' }, to: '/dispatch?tab=appeals' },
        ],
      };
    case 'handler':
    case 'unit-leader':
      return {
        base: { scope: 'todo' },
        counters: [
          { label: '待签收', query: { scope: 'todo', status: 'dispatched' }, to: '/inbox?status=dispatched' },
          {
            label: '办理中',
            query: { scope: 'todo', status: 'in_progress' },
            to: '/inbox?status=in_progress',
          },
          {
            label: '不满意待研判',
            query: { scope: 'todo', status: 'unsatisfied' },
            to: '/inbox?status=unsatisfied',
          },
          { label: '已超期', query: { scope: 'todo', light: 'overdue,red' }, to: '/inbox?light=overdue,red' },
        ],
      };
    case 'callback':
      return {
        base: { scope: 'todo' },
        counters: [
          {
            label: '待回访',
            query: { scope: 'todo', status: 'pending_callback' },
            to: '/callback?tab=callback',
          },
          {
            label: '不满意待研判',
            query: { scope: 'todo', status: 'unsatisfied' },
            to: '/callback?tab=unsatisfied',
          },
          { label: '申诉待研判', query: { scope: 'todo', status: 'appealed' }, to: '/callback?tab=appeals' },
        ],
      };
    case 'leader':
      return {
        base: { scope: 'all', status: openStatuses },
        counters: [
          {
            label: '今日受理',
            query: { receivedFrom: today, receivedTo: today },
            to: `/tickets?receivedFrom=${today}&receivedTo=${today}`,
          },
          { label: '在办工单', query: { status: openStatuses }, to: `/tickets?status=${openStatuses}` },
          {
            label: '已超期',
            query: { status: openStatuses, light: 'overdue' },
            to: '/supervision?light=overdue',
          },
          { label: '红灯', query: { status: openStatuses, light: 'red' }, to: '/supervision?light=red' },
        ],
      };
    case 'supervisor':
      return {
        base: { scope: 'all', status: openStatuses },
        counters: [
          { label: '在办工单', query: { status: openStatuses }, to: `/tickets?status=${openStatuses}` },
          {
            label: '黄灯预警',
            query: { status: openStatuses, light: 'yellow' },
            to: '/supervision?light=yellow',
          },
          {
            label: '已超期',
            query: { status: openStatuses, light: 'overdue' },
            to: '/supervision?light=overdue',
          },
          { label: '红灯', query: { status: openStatuses, light: 'red' }, to: '/supervision?light=red' },
        ],
      };
    case 'agent':
    case 'kb-editor':
      return {
        base: { scope: 'mine' },
        counters: [
          {
            label: '今日登记',
            query: { scope: 'mine', receivedFrom: today, receivedTo: today },
            to: `/tickets?scope=mine&receivedFrom=${today}&receivedTo=${today}`,
          },
          {
            label: '待派单',
            query: { scope: 'mine', status: 'pending_dispatch' },
            to: '/tickets?scope=mine&status=pending_dispatch',
          },
          {
            label: '直接答复',
            query: { scope: 'mine', status: 'answered' },
            to: '/tickets?scope=mine&status=answered',
          },
          {
            label: '不予受理',
            query: { scope: 'mine', status: 'not_accepted' },
            to: '/tickets?scope=mine&status=not_accepted',
          },
        ],
      };
    case 'enterprise':
      // An enterprise's e-orders are on its own desk (/enterprise-desk), not in the order lists.
      return { base: { scope: 'mine' }, counters: [] };
  }
}

function CounterCard({ c }: { c: Counter }) {
  const navigate = useNavigate();
  const { count, loading } = useTicketCount(c.query);
  return (
    <Card
      size="small"
      className="stat-card"
      hoverable
      onClick={() => void navigate(c.to)}
      data-testid={`counter-${c.label}`}
    >
      <Statistic title={c.label} value={count ?? 0} loading={loading} />
    </Card>
  );
}

/** Totals per light (four count queries, always in the same order). */
function useLightCounts(base: TicketListQuery): Record<Light, number> {
  const green = useTicketCount({ ...base, light: 'green' }).count ?? 0;
  const yellow = useTicketCount({ ...base, light: 'yellow' }).count ?? 0;
  const overdue = useTicketCount({ ...base, light: 'overdue' }).count ?? 0;
  const red = useTicketCount({ ...base, light: 'red' }).count ?? 0;
  return { green, yellow, overdue, red };
}

/** Platform warnings for administrators (e.g. next year's holiday schedule not imported). */
function HealthWarnings() {
  const health = useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => api<{ warnings?: string[] }>('/api/health', { signal }),
    staleTime: 5 * 60_000,
  });
  const warnings = health.data?.warnings ?? [];
  if (!warnings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 8 }}
      title={warnings.length === 1 ? warnings[0] : '平台提示'}
      description={warnings.length > 1 ? warnings.map((w) => <div key={w}>{w}</div>) : undefined}
    />
  );
}

export function HomePage() {
  const me = useMe();
  const navigate = useNavigate();
  const nowMs = useNow(60_000);
  const { base, counters } = countersFor(me.role, me.unitKind === 'sub-platform', serviceDate(nowMs));
  const counts = useLightCounts(base);
  const { green, yellow, overdue, red } = counts;
  const bars = useMemo(() => {
    const values: Record<Light, number> = { green, yellow, overdue, red };
    return lights.map((l) => ({ name: lightLabels[l], value: values[l], color: lightColors[l] }));
  }, [green, yellow, overdue, red]);
  // Every order has exactly one light: the total is their sum (one query fewer).
  const total = green + yellow + overdue + red;

  return (
    <div>
      <PageTitle title={`工作台 · ${roleLabels[me.role]}`} />
      {me.role === 'admin' && <HealthWarnings />}
      {me.role === 'kb-editor' && <KbCounters />}
      <Row gutter={[8, 8]}>
        {counters.map((c) => (
          <Col key={c.label} xs={12} md={6}>
            <CounterCard c={c} />
          </Col>
        ))}
      </Row>
      {me.role === 'leader' && (
        <div style={{ marginTop: 8 }}>
          <LeaderRanking today={serviceDate(nowMs)} />
          <LeaderInsight today={serviceDate(nowMs)} />
        </div>
      )}
      <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={`${base.scope === 'mine' ? '我登记的工单' : base.scope === 'todo' ? '我的待办' : '在办工单'}按预警灯分布（共 ${total} 件）`}
          >
            <SimpleBarChart
              bars={bars}
              onClickBar={(i) => {
                const l = lights[i];
                if (l) {
                  void navigate(
                    `/tickets?light=${l}${base.scope && base.scope !== 'all' ? `&scope=${base.scope}` : ''}${base.status ? `&status=${base.status}` : ''}`,
                  );
                }
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="预警灯说明">
            {lights.map((l) => (
              <div key={l} style={{ display: 'flex', justifyContent: 'space-between', padding: '3px 0' }}>
                <span>
                  <span
                    style={{
                      display: 'inline-block',
                      width: 10,
                      height: 10,
                      borderRadius: 5,
                      background: lightColors[l],
                      marginInlineEnd: 6,
                    }}
                  />
                  {lightLabels[l]}
                </span>
                <Typography.Text strong>{counts[l]}</Typography.Text>
              </div>
            ))}
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
              距办理时限不足 1 个工作日为黄灯；超过时限为已超期；超过时限 1
              个工作日仍未答复为红灯，系统自动发出催办单。
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      {(me.role === 'leader' || me.role === 'supervisor' || me.role === 'admin') && <CallFiguresCard />}
    </div>
  );
}
