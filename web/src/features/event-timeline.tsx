import { Empty, Timeline, Typography } from 'antd';
import { satisfactionLabels, stageLabels, type Satisfaction, type StageKey } from '../../../common/enums';
import { useUnits } from '../api/queries';
import type { TicketEvent } from '../api/types';
import { fmtDateTime } from '../lib/format';
import { supervisionModeLabels, supervisionTriggerLabels } from '../../../common/contracts/supervision';
import { factualLabels, labelOf, ticketStatusLabels } from '../../../common/ticket-vocabulary';

const colorOf: Record<string, string> = {
  remind: 'red',
  supervise: 'red',
  'reject-reply': 'orange',
  'reject-return': 'orange',
  'reject-extension': 'orange',
  'request-return': 'orange',
  'request-extension': 'orange',
  close: 'green',
  'direct-answer': 'green',
};

const yesNo = (v: unknown) => (v === true ? '是' : v === false ? '否' : String(v));
const sat = (v: unknown) => satisfactionLabels[v as Satisfaction] ?? String(v);

/** Readable lines for the payload fields an event may carry. */
export function payloadLines(e: TicketEvent, unitName: (id: unknown) => string): [string, string][] {
  const p = e.payload;
  const out: [string, string][] = [];
  const add = (label: string, v: unknown, fmt: (v: unknown) => string = String) => {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return;
    out.push([label, fmt(v)]);
  };
  if (e.action === 'dispatch') {
    add('主办单位', p.unitId, unitName);
    add('协办单位', p.coUnitIds, (v) => (v as unknown[]).map(unitName).join('、'));
    add('紧急件办结时限', p.emergencyResultDays, (v) => `${String(v)} 个工作日`);
    if (p.forwarded === true) out.push(['方式', '分平台转派']);
    const c = p.classified as { category?: { new?: unknown }; region?: { new?: unknown } } | undefined;
    if (c?.category) out.push(['派单时确定问题分类', String(c.category.new)]);
    if (c?.region) out.push(['派单时确定所在区', String(c.region.new)]);
  }
  if (e.action === 'exchange-progress') {
    add('下级平台工单号', p.remoteNo);
    add('下级平台事件', p.remoteEvent);
    add('下级平台状态', p.remoteStatus, (v) => labelOf(ticketStatusLabels, v));
  }
  add('答复内容', p.answer);
  add('办理结果', p.result);
  if ('contacted' in p) add('已联系诉求人', p.contacted, yesNo);
  add('是否属实', p.factual, (v) => labelOf(factualLabels, v));
  if ('solved' in p) add('是否解决', p.solved, yesNo);
  add('后续措施', p.nextSteps);
  if ('reached' in p) add('联系到诉求人', p.reached, yesNo);
  if ('contactedByUnit' in p) add('承办单位联系过', p.contactedByUnit, yesNo);
  add('过程满意度', p.processSatisfaction, sat);
  add('结果满意度', p.resultSatisfaction, sat);
  add('延期天数', p.workingDays, (v) => `${String(v)} 个工作日`);
  add('进展', p.progress);
  add('承诺办结', p.committedDate);
  add('理由', p.reason);
  add('依据', p.basis);
  add('建议承办单位', p.suggestedUnitId, unitName);
  add('建议渠道', p.suggestedChannel);
  add('督办事由', p.trigger, (v) => labelOf(supervisionTriggerLabels, v));
  add('督办方式', p.mode, (v) => labelOf(supervisionModeLabels, v));
  add('限期反馈', p.respondWithinWorkingDays, (v) => `${String(v)} 个工作日内`);
  add('佐证材料', p.evidence);
  add('并入工单', p.intoTicketId, (v) => `#${String(v)}`);
  add('引用知识', p.knowledgeArticleId, (v) => `知识条目 #${String(v)}`);
  add('原办理时限', p.previousHandleBy, (v) => fmtDateTime(String(v)));
  if (Array.isArray(p.changes)) {
    for (const c of p.changes as { stage?: unknown; old?: unknown; new?: unknown }[]) {
      const stage = typeof c.stage === 'string' ? (stageLabels[c.stage as StageKey] ?? c.stage) : '时限';
      out.push([stage, `${fmtDateTime(String(c.old))} → ${fmtDateTime(String(c.new))}`]);
    }
  }
  if (p.late === true) out.push(['逾期', '是']);
  add('备注', p.note);
  // Server notes may name stages by key ("handleBy 超期…"): show their Chinese names.
  return out.map(([k, v]) => [
    k,
    v.replace(
      /\b(receiveBy|firstContactBy|handleBy|returnBy|extensionRequestBy|callbackBy)\b\s*/g,
      (m, key: StageKey) => stageLabels[key] ?? m,
    ),
  ]);
}

export function EventTimeline({ events, loading }: { events: TicketEvent[] | undefined; loading?: boolean }) {
  const units = useUnits();
  const names = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const unitName = (id: unknown) => (typeof id === 'number' ? (names.get(id) ?? `单位 #${id}`) : String(id));
  if (!loading && (!events || events.length === 0)) {
    return <Empty description="暂无办理记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  }
  return (
    <Timeline
      className="event-timeline"
      items={(events ?? []).map((e) => ({
        key: e.seq,
        color: colorOf[e.action] ?? 'blue',
        content: (
          <div className="event-item" data-event={e.action}>
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>{fmtDateTime(e.at)}</div>
            <div>
              <Typography.Text strong>{e.actionLabel}</Typography.Text>
              {e.toStatus && e.fromStatus !== e.toStatus && (
                <Typography.Text type="secondary">
                  {' '}
                  → {labelOf(ticketStatusLabels, e.toStatus)}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {e.actorName ??
                  (e.party === 'system' ? '系统' : e.party === 'citizen' ? '市民（网上提交）' : '')}
                {e.actorUnitName ? ` · ${e.actorUnitName}` : ''}
              </Typography.Text>
            </div>
            {payloadLines(e, unitName).map(([k, v]) => (
              <div key={k} style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
                <Typography.Text type="secondary">{k}：</Typography.Text>
                {v}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
