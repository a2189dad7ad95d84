import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Modal,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ActionName } from '../../../common/contracts/tickets';
import {
  channelLabels,
  satisfactionLabels,
  stageLabels,
  ticketTypeLabels,
  type StageKey,
} from '../../../common/enums';
import { api, errorText } from '../api/client';
import { useTicket, useTicketEvents } from '../api/queries';
import type { Assignment, CallerView, DeadlineDetail, TicketDetail } from '../api/types';
import { useMe } from '../auth/auth-context';
import { DeadlineCountdown } from '../components/deadline-countdown';
import { LightTag, ProvisionalMark, StatusTag, UrgencyTag } from '../components/tags';
import { renderExplanation } from '../../../common/deadline-text';
import { fmtDateTime } from '../lib/format';
import { assignmentRoleLabels, assignmentStatusLabels, labelOf } from '../../../common/ticket-vocabulary';
import { useNow } from '../lib/use-now';
import { complainedPartyItems, ProtectedCallerNotice } from './complained-party';
import { EventTimeline } from './event-timeline';
import { TicketActions } from './ticket-actions';
import { SupervisionPanel } from './supervision-records';

const pre = { whiteSpace: 'pre-wrap' as const, marginBottom: 0 };

function CallerBlock({ t }: { t: TicketDetail }) {
  const [revealed, setRevealed] = useState<CallerView | null>(null);
  const [asking, setAsking] = useState(false);
  const c = revealed ?? t.caller;
  if (c.protected) return <ProtectedCallerNotice />;
  if (c.confidential && !c.name && !c.phone) {
    return (
      <Alert
        type="warning"
        showIcon
        title="来电人要求保密：身份与联系方式不向承办单位提供，如需联系请通过热线平台转接"
      />
    );
  }
  return (
    <Space size={12} wrap>
      <span data-testid="caller-name">{c.name ?? '—'}</span>
      <span data-testid="caller-phone">{c.phone ?? '—'}</span>
      <Typography.Text type="secondary">{c.address ?? ''}</Typography.Text>
      {c.confidential && <Tag color="warning">保密</Tag>}
      {c.masked && (
        <>
          <Typography.Text type="secondary">（已按权限脱敏）</Typography.Text>
          <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setAsking(true)}>
            查看完整信息
          </Button>
        </>
      )}
      {revealed && <Tag color="orange">已记录查看</Tag>}
      {asking && <RevealModal ticketId={t.id} onClose={() => setAsking(false)} onRevealed={setRevealed} />}
    </Space>
  );
}

/** Unmasking the caller needs a reason; the server records every reveal in the audit log. */
function RevealModal({
  ticketId,
  onClose,
  onRevealed,
}: {
  ticketId: number;
  onClose: () => void;
  onRevealed: (c: CallerView) => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (reason.trim().length < 2) {
      setError('请说明查看理由');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onRevealed(
        await api<CallerView>(`/api/tickets/${ticketId}/reveal-caller`, {
          method: 'POST',
          body: { reason: reason.trim() },
        }),
      );
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="查看来电人完整信息"
      okText="查看"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ loading: busy }}
    >
      <Typography.Paragraph type="secondary">查看操作将记入审计日志，请说明理由。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Input.TextArea
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={200}
        placeholder="如：需回拨核实诉求细节"
        autoSize={{ minRows: 2 }}
      />
    </Modal>
  );
}

function DeadlineTable({
  rows,
  nowMs,
  running,
}: {
  rows: DeadlineDetail[];
  nowMs: number;
  running: boolean;
}) {
  return (
    <Table<DeadlineDetail>
      size="small"
      rowKey="stage"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: '派单后生成办理时限' }}
      columns={[
        {
          title: '环节',
          dataIndex: 'stage',
          width: 110,
          render: (s: string, r) => (
            <span>
              {stageLabels[s as StageKey]}
              <ProvisionalMark provisional={r.provisional} />
            </span>
          ),
        },
        {
          title: '截止时间',
          dataIndex: 'dueAt',
          width: 200,
          render: (v: string, r) =>
            r.metAt || !r.open ? (
              <span>
                {fmtDateTime(v)}{' '}
                {r.metAt && (r.stage === 'returnBy' || r.stage === 'extensionRequestBy') ? (
                  <Tag>已结束</Tag>
                ) : r.metAt ? (
                  <Tag color="success">已完成</Tag>
                ) : (
                  <Tag>不再适用</Tag>
                )}
              </span>
            ) : (
              <DeadlineCountdown
                due={v}
                workingDaysLeft={r.workingDaysLeft}
                nowMs={nowMs}
                stopped={!running}
                full
              />
            ),
        },
        {
          title: '黄灯',
          dataIndex: 'warnAt',
          width: 96,
          render: (v: string | null) => (v ? fmtDateTime(v).slice(5) : '—'),
        },
        {
          title: '红灯',
          dataIndex: 'redAt',
          width: 96,
          render: (v: string | null) => (v ? fmtDateTime(v).slice(5) : '—'),
        },
        {
          title: '计算依据',
          dataIndex: 'explanation',
          render: (_: unknown, r) => (
            <Typography.Text type="secondary">{renderExplanation(r.explanation)}</Typography.Text>
          ),
        },
      ]}
    />
  );
}

function AssignmentTable({ rows }: { rows: Assignment[] }) {
  return (
    <Table<Assignment>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: '尚未派单' }}
      rowClassName={(r) => (r.active ? '' : 'row-inactive')}
      columns={[
        {
          title: '承办单位',
          dataIndex: 'unitName',
          render: (v: string, r) => (
            <span>
              {v} <Tag>{labelOf(assignmentRoleLabels, r.role)}</Tag>
            </span>
          ),
        },
        {
          title: '状态',
          dataIndex: 'status',
          width: 72,
          render: (v: string) => labelOf(assignmentStatusLabels, v),
        },
        {
          title: '派单',
          dataIndex: 'dispatchedAt',
          width: 88,
          render: (v: string | null) => (v ? fmtDateTime(v).slice(5) : '—'),
        },
        {
          title: '签收',
          dataIndex: 'acceptedAt',
          width: 88,
          render: (v: string | null) => (v ? fmtDateTime(v).slice(5) : '—'),
        },
        {
          title: '联系',
          dataIndex: 'contactedAt',
          width: 88,
          render: (v: string | null) => (v ? fmtDateTime(v).slice(5) : '—'),
        },
        {
          title: '答复',
          dataIndex: 'repliedAt',
          width: 88,
          render: (v: string | null) => (v ? fmtDateTime(v).slice(5) : '—'),
        },
      ]}
      expandable={{
        rowExpandable: (r) => !!r.reply,
        expandedRowRender: (r) => <Typography.Paragraph style={pre}>{r.reply}</Typography.Paragraph>,
      }}
    />
  );
}

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
            ...complainedPartyItems(t, stacked ? 2 : 3),
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
      <SupervisionPanel ticketId={t.id} />
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
