import { Alert, Card, Collapse, Descriptions, Skeleton, Table, Tag, Typography } from 'antd';
import { ticketTypeLabels, urgencyLabels, type TicketType, type Urgency } from '../../../../common/enums';
import { errorText } from '../../api/client';
import { useRules } from '../../api/queries';

const limitLabels: Record<string, string> = {
  dispatch: '派单',
  receive: '签收',
  firstContact: '先行联系',
  handle: '办理',
  return: '回退',
  feedback: '反馈诉求人',
};
const unitLabels: Record<string, string> = { wd: '个工作日', nd: '个自然日', h: '小时' };
const startLabels: Record<string, string> = {
  arrival: '受理',
  dispatch: '派单',
  accept: '签收',
  reply: '答复',
  close: '办结',
};

interface LimitLike {
  kind?: string;
  amount?: number;
  unit?: string;
  start?: string;
  article?: string;
  note?: string;
}
interface Condition {
  type?: string[];
  urgency?: string[];
  level?: string[];
  category?: string[];
  complex?: boolean;
}
interface RuleSetLike {
  default: LimitLike | null;
  cases?: { when: Condition; limit: LimitLike; label?: string }[];
}

function describeLimit(l: LimitLike | null): string {
  if (!l) return '不限';
  if (l.kind === 'no-limit') return `不设固定时限${l.note ? `（${l.note}）` : ''}`;
  if (l.kind === 'office-hours') return '按办公时段计算（工作日办公时间内 3 小时等）';
  return `自${startLabels[l.start ?? ''] ?? l.start ?? ''}起 ${l.amount ?? ''}${unitLabels[l.unit ?? ''] ?? l.unit ?? ''}`;
}

function describeWhen(w: Condition): string {
  const parts: string[] = [];
  if (w.type) parts.push(w.type.map((t) => ticketTypeLabels[t as TicketType] ?? t).join('/'));
  if (w.urgency) parts.push(w.urgency.map((u) => urgencyLabels[u as Urgency] ?? u).join('/'));
  if (w.level) parts.push(w.level.map((l) => (l === 'province' ? '省级工单' : '市级工单')).join('/'));
  if (w.category) parts.push(`分类 ${w.category.join('、')}`);
  if (w.complex) parts.push('复杂件');
  return parts.join('，') || '—';
}

interface Row {
  key: string;
  stage: string;
  when: string;
  limit: string;
  article: string;
}

/** The active policy profile, read-only (profiles are data files chosen at start). */
export function PolicyTab() {
  const rules = useRules();
  if (rules.isLoading) return <Skeleton active />;
  if (rules.isError || !rules.data) return <Alert type="error" showIcon title={errorText(rules.error)} />;
  const p = rules.data.profile;
  const limits = (p.limits ?? {}) as Record<string, RuleSetLike | undefined>;
  const rows: Row[] = [];
  for (const [stage, set] of Object.entries(limits)) {
    if (!set) continue;
    rows.push({
      key: `${stage}-d`,
      stage: limitLabels[stage] ?? stage,
      when: '一般情形',
      limit: describeLimit(set.default),
      article: set.default?.article ?? '',
    });
    (set.cases ?? []).forEach((c, i) =>
      rows.push({
        key: `${stage}-${i}`,
        stage: limitLabels[stage] ?? stage,
        when: c.label ?? describeWhen(c.when),
        limit: describeLimit(c.limit),
        article: c.limit.article ?? '',
      }),
    );
  }
  const ext = p.extension;
  const lights = p.lights as
    | {
        yellow?: { workingDaysBefore?: number };
        red?: { workingDaysAfter?: number; reminderSlip?: boolean };
        article?: string;
      }
    | null
    | undefined;
  return (
    <div style={{ maxWidth: 1100 }}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 8 }}
        title="政策配置为只读：时限规则以配置文件形式维护，启动时通过 CIVICLINE_PROFILE 选择；已生成的工单时限随规则版本一并保存"
      />
      <Card size="small" title="当前规则" style={{ marginBottom: 8 }}>
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'name', label: '规则名称', children: p.name },
            { key: 'id', label: '标识', children: <Tag>{p.id}</Tag> },
            { key: 'ver', label: '版本', children: p.version },
            {
              key: 'reg',
              label: '依据文件',
              span: 2,
              children: p.regulation ? regulationLine(p.regulation) : '—',
            },
            { key: 'cal', label: '日历版本', children: rules.data.calendarVersion },
            {
              key: 'ext',
              label: '延期',
              span: 3,
              children: ext
                ? `最长 ${ext.maxWorkingDays ?? '不限'} 个工作日${ext.maxCount ? `，最多 ${ext.maxCount} 次` : ''}（${ext.article ?? ''}）`
                : '未规定延期',
            },
            {
              key: 'lights',
              label: '预警灯',
              span: 3,
              children: lights
                ? `距时限 ${lights.yellow?.workingDaysBefore ?? '—'} 个工作日黄灯；超期 ${lights.red?.workingDaysAfter ?? '—'} 个工作日红灯${lights.red?.reminderSlip ? '并自动发出催办单' : ''}（${lights.article ?? ''}）`
                : '未设置',
            },
            {
              key: 'sat',
              label: '满意度',
              span: 3,
              children: p.satisfaction
                ? `${p.satisfaction.scale.map((s) => s.label).join(' / ')}；计为满意：${p.satisfaction.scale
                    .filter((s) => p.satisfaction?.satisfied.includes(s.value))
                    .map((s) => s.label)
                    .join('、')}`
                : '—',
            },
            {
              key: 'years',
              label: '已导入放假安排',
              span: 3,
              children: `${rules.data.coveredYears[0] ?? ''} — ${rules.data.coveredYears[rules.data.coveredYears.length - 1] ?? ''} 年`,
            },
          ]}
        />
      </Card>
      <Card size="small" title="时限规则" style={{ marginBottom: 8 }}>
        <Table<Row>
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '环节', dataIndex: 'stage', width: 90 },
            { title: '适用情形', dataIndex: 'when', width: 220 },
            { title: '时限', dataIndex: 'limit' },
            {
              title: '条款',
              dataIndex: 'article',
              width: 220,
              render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
            },
          ]}
        />
      </Card>
      <Collapse
        size="small"
        items={[
          {
            key: 'raw',
            label: '完整配置（JSON）',
            children: (
              <pre style={{ fontSize: 12, margin: 0, maxHeight: 400, overflow: 'auto' }}>
                {JSON.stringify(p, null, 2)}
              </pre>
            ),
          },
        ]}
      />
    </div>
  );
}

/** 《title》 (issuer, docNo, date) as a citation line. */
function regulationLine(r: { title: string; issuer?: string; docNo?: string; date?: string }): string {
  const parts = [r.issuer, r.docNo, r.date].filter(Boolean);
  return parts.length ? `${r.title}（${parts.join('，')}）` : r.title;
}
