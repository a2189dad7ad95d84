import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ActionName } from '../../../common/contracts/tickets';
import { channelLabels, satisfactionLabels, ticketTypeLabels } from '../../../common/enums';
import { OrderCallLine } from './order-call-line';
import { errorText } from '../api/client';
import { useTicket, useTicketEvents } from '../api/queries';
import type { TicketDetail } from '../api/types';
import { useMe } from '../auth/auth-context';
import { LightTag, ProvisionalMark, StatusTag, UrgencyTag } from '../components/tags';
import { fmtDateTime } from '../lib/format';
import { useNow } from '../lib/use-now';
import { complainedPartyItems } from './complained-party';
import { EventTimeline } from './event-timeline';
import { TicketActions } from './ticket-actions';
import { SupervisionPanel } from './supervision-records';
import { SimilarOrdersCard } from './similar-orders-card';
import { AttachmentsCard } from './attachments-card';
import { CallerBlock } from './caller-block';
import { AssignmentTable, DeadlineTable } from './ticket-tables';

const pre = { whiteSpace: 'pre-wrap' as const, marginBottom: 0 };

/** Everything about one order: facts, caller, demand, deadlines, assignments, timeline, actions. */
export function TicketDetailView({
  id,
  stacked,
  onAction,
}: {
  id: number;
  stacked?: boolean;
  onAction?: (action: ActionName, t: TicketDetail) => void;
}) {
  const me = useMe();
  const nowMs = useNow();
  const q = useTicket(id);
  const ev = useTicketEvents(id);
  if (q.isLoading) return <Skeleton active />;
  if (q.isError || !q.data) {
    return <Alert type="error" showIcon title={q.error ? errorText(q.error) : '工单不存在'} />;
  }
  const t = q.data;
  const running = t.status === 'dispatched' || t.status === 'in_progress';
  const satisfied =
    t.resultSatisfaction || t.processSatisfaction
      ? `过程：${t.processSatisfaction ? satisfactionLabels[t.processSatisfaction] : '—'}；结果：${t.resultSatisfaction ? satisfactionLabels[t.resultSatisfaction] : '—'}`
      : null;

  const main = (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Card size="small" className="ticket-head">
        <Space wrap size={8} style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="ticket-no">
            {t.ticketNo}
          </Typography.Title>
          <span data-testid="ticket-status">
            <StatusTag status={t.status} label={t.statusLabel} pending={t.pendingRequest} />
          </span>
          <LightTag light={t.light} />
          <UrgencyTag urgency={t.urgency} />
          {t.level === 'province' && <Tag color="purple">省级工单</Tag>}
          {t.complex && <Tag>复杂件</Tag>}
          {t.redoCount > 0 && <Tag color="magenta">重办 {t.redoCount} 次</Tag>}
          <ProvisionalMark provisional={t.provisional} />
          <Link to={`/tickets/${t.id}/print`} className="no-print">
            <Button size="small" icon={<PrinterOutlined />} data-testid="print-sheet">
              打印交办单
            </Button>
          </Link>
        </Space>
        <div data-testid="ticket-actions">
          {t.allowedActions.length ? (
            <TicketActions ticket={t} events={ev.data ?? []} myUnitId={me.unitId} onDone={onAction} />
          ) : (
            <Typography.Text type="secondary">当前没有需要您办理的操作</Typography.Text>
          )}
        </div>
      </Card>
      <Card size="small" title="工单信息">
        <Descriptions
          size="small"
          bordered
          column={stacked ? 2 : 3}
          items={[
            { key: 'type', label: '诉求类型', children: ticketTypeLabels[t.type] },
            { key: 'cat', label: '问题分类', children: t.categoryName ?? '—' },
            { key: 'channel', label: '来源渠道', children: channelLabels[t.channel] },
            { key: 'recv', label: '受理时间', children: fmtDateTime(t.receivedAt) },
            { key: 'disp', label: '派单时间', children: fmtDateTime(t.dispatchedAt) },
            { key: 'lead', label: '主办单位', children: t.leadUnitName ?? '—' },
            {
              key: 'handle',
              label: '办理时限',
              children: (
                <span data-testid="handle-by">
                  {t.deadlines.handleBy ? fmtDateTime(t.deadlines.handleBy) : '—'}
                </span>
              ),
            },
            { key: 'replied', label: '答复时间', children: fmtDateTime(t.repliedAt) },
            { key: 'closed', label: '办结时间', children: fmtDateTime(t.closedAt) },
            {
              key: 'loc',
              label: '问题地点',
              span: stacked ? 2 : 3,
              children: [t.location.region, t.location.address].filter(Boolean).join(' ') || '—',
            },
            {
              key: 'caller',
              label: '来电人',
              span: stacked ? 2 : 3,
              children: <CallerBlock key={t.id} t={t} />,
            },
            ...(t.channel === 'phone'
              ? [
                  {
                    key: 'call',
                    label: '来电',
                    span: stacked ? 2 : 3,
                    children: <OrderCallLine ticketId={t.id} />,
                  },
                ]
              : []),
            ...complainedPartyItems(t, stacked ? 2 : 3),
            ...(t.numberComplaint
              ? [
                  {
                    key: 'number-complaint',
                    label: '被投诉号码',
                    span: stacked ? 2 : 3,
                    children: (
                      <span data-testid="number-complaint">
                        {t.numberComplaint.number} {t.numberComplaint.name}（{t.numberComplaint.unitName}）·{' '}
                        {t.numberComplaint.kindLabel}
                      </span>
                    ),
                  },
                ]
              : []),
            ...(satisfied
              ? [{ key: 'sat', label: '回访满意度', span: stacked ? 2 : 3, children: satisfied }]
              : []),
            ...(t.mergedIntoId
              ? [
                  {
                    key: 'merged',
                    label: '已并入',
                    children: <Link to={`/tickets/${t.mergedIntoId}`}>工单 #{t.mergedIntoId}</Link>,
                  },
                ]
              : []),
            ...(t.emergencyResultDays
              ? [{ key: 'emg', label: '紧急件时限', children: `${t.emergencyResultDays} 个工作日内反馈结果` }]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title="诉求内容">
        <Typography.Paragraph style={pre} data-testid="ticket-content">
          {t.content}
        </Typography.Paragraph>
        {t.demand && (
          <Typography.Paragraph style={{ ...pre, marginTop: 8 }}>
            <Typography.Text strong>主要诉求：</Typography.Text>
            {t.demand}
          </Typography.Paragraph>
        )}
        {t.answer && (
          <Alert
            style={{ marginTop: 8 }}
            type="success"
            title="直接答复"
            description={<span style={pre}>{t.answer}</span>}
          />
        )}
        {t.notAcceptedReason && (
          <Alert
            style={{ marginTop: 8 }}
            type="info"
            title="不予受理"
            description={`${t.notAcceptedReason}${t.suggestedChannel ? `；建议渠道：${t.suggestedChannel}` : ''}`}
          />
        )}
      </Card>
      <Card size="small" title="办理时限">
        <DeadlineTable rows={t.deadlineDetails} nowMs={nowMs} running={running} />
      </Card>
      <Card size="small" title="承办单位">
        <AssignmentTable rows={t.assignments} />
      </Card>
      <AttachmentsCard ticketId={t.id} />
      <SupervisionPanel ticketId={t.id} />
      <SimilarOrdersCard t={t} />
    </Space>
  );
  const timeline = (
    <Card size="small" title="办理记录" className="timeline-card">
      {ev.isError ? (
        <Alert type="error" title={errorText(ev.error)} />
      ) : ev.data ? (
        <EventTimeline events={ev.data} />
      ) : (
        <Empty />
      )}
    </Card>
  );
  if (stacked) {
    return (
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {main}
        {timeline}
      </Space>
    );
  }
  return (
    <Row gutter={8}>
      <Col xs={24} xl={16}>
        {main}
      </Col>
      <Col xs={24} xl={8}>
        {timeline}
      </Col>
    </Row>
  );
}
