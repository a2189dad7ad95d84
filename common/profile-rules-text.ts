/**
 * The rules of a policy profile in Chinese, for the policy screen: one row per rule with the
 * orders it applies to, the rule itself and its article cited in Chinese. Reads the profile as
 * the rules API returns it (the validated profile of server/domain/policy, structurally).
 */
import { citationNames, citeArticle } from './article-citation';
import { ticketTypeLabels, urgencyLabels, type TicketType, type Urgency } from './enums';

export interface LimitData {
  kind?: 'duration' | 'office-hours' | 'no-limit';
  amount?: number;
  unit?: 'wd' | 'nd' | 'h';
  start?: string;
  withinHours?: number;
  offHoursHours?: number;
  longHoliday?: { minDays: number; hours: number };
  article: string;
  note?: string;
}
export interface ConditionData {
  type?: string[];
  urgency?: string[];
  level?: string[];
  category?: string[];
  complex?: boolean;
}
export interface RuleSetData {
  default: LimitData | null;
  cases?: { when: ConditionData; limit: LimitData; label?: string }[];
}
interface ExtensionTermsData {
  requestLeadWd?: number;
  maxWorkingDays?: number | null;
  maxCount?: number | null;
  article: string;
}
export interface ProfileData {
  id: string;
  name: string;
  workingWindows?: { from: string; to: string }[];
  limits: Partial<Record<string, RuleSetData>>;
  extension?:
    | (ExtensionTermsData & {
        relayToCity?: boolean;
        cases?: {
          when: ConditionData;
          terms: Partial<ExtensionTermsData> & { article: string };
          label?: string;
        }[];
      })
    | null;
  callback?: { limit: RuleSetData } | null;
  emergency?: {
    urgencies: string[];
    initialResponse: LimitData | null;
    result: {
      unit: 'wd' | 'nd' | 'h';
      start: string;
      min: number;
      max: number;
      default: number;
      article: string;
    } | null;
    reports?: {
      form: 'oral' | 'any' | 'written';
      amount: number;
      unit: 'h' | 'nd';
      /** Always `occurrence`: the incident's occurredAt. */
      start?: string;
      article: string;
      note?: string;
    }[];
  } | null;
  lights?: {
    yellow: { workingDaysBefore: number } | null;
    red: { workingDaysAfter: number; reminderSlip: boolean } | null;
    article: string;
  } | null;
  calls?: {
    targets: { figure: 'connectionRate' | 'within10sRate'; target: number; article: string }[];
  } | null;
  messages?: {
    citizenOnIntake: boolean;
    citizenOnReply: boolean;
    ratingLink: boolean;
    quietHours: { from: string; to: string } | null;
    unitOnDispatch: boolean;
    unitBeforeDeadline: { hoursBefore: number; article: string } | null;
    unitWithReminderSlip: boolean;
    paging: { urgencies: string[]; ackMinutes: number; article: string } | null;
    article?: string;
  };
}

export interface ProfileRuleRow {
  key: string;
  /** 环节 */
  stage: string;
  /** 适用情形 */
  when: string;
  /** 规则 */
  rule: string;
  /** 条款, cited in Chinese */
  article: string;
}

const limitStages: [string, string][] = [
  ['dispatch', '转办'],
  ['receive', '签收'],
  ['firstContact', '先行联系'],
  ['handle', '办理'],
  ['return', '回退'],
  ['feedback', '反馈诉求人'],
];
const unitText: Record<string, string> = { wd: '个工作日', nd: '个自然日', h: '小时' };
const startText: Record<string, string> = {
  arrival: '受理',
  dispatch: '派单',
  accept: '签收',
  reply: '答复',
  close: '办结',
};
const reportStartText: Record<string, string> = { occurrence: '事发后' };
const reportFormText: Record<string, string> = { oral: '口头首报', any: '首报', written: '书面续报' };

const amount = (n: number | undefined, unit: string | undefined) =>
  `${n ?? ''} ${unitText[unit ?? ''] ?? ''}`;

/** A limit in Chinese: "自派单起 5 个工作日". */
export function limitText(l: LimitData | null, windows: { from: string; to: string }[] = []): string {
  if (!l) return '不设时限';
  if (l.kind === 'no-limit') return `不设固定时限${l.note ? `：${l.note}` : ''}`;
  if (l.kind === 'office-hours') {
    const hours = windows.map((w) => `${w.from}—${w.to}`).join('、');
    const long = l.longHoliday
      ? `；受理时间或至下一办公时段之间遇连续 ${l.longHoliday.minDays} 天以上含法定节假日的休息日，自下一办公时段开始 ${l.longHoliday.hours} 小时`
      : '';
    return `工作日办公时间${hours ? `（${hours}）` : ''}内受理的 ${l.withinHours ?? ''} 小时；其他时间受理的，自下一办公时段开始 ${l.offHoursHours ?? ''} 小时${long}`;
  }
  return `自${startText[l.start ?? ''] ?? ''}起 ${amount(l.amount, l.unit)}${l.note ? `（${l.note}）` : ''}`;
}

/** The orders a case applies to: "投诉/举报，省级工单". */
export function conditionText(w: ConditionData): string {
  const parts: string[] = [];
  if (w.type) parts.push(w.type.map((t) => ticketTypeLabels[t as TicketType] ?? t).join('/'));
  if (w.urgency) parts.push(w.urgency.map((u) => urgencyLabels[u as Urgency] ?? u).join('/'));
  if (w.level) parts.push(w.level.map((l) => (l === 'province' ? '省级工单' : '市级工单')).join('/'));
  if (w.category) parts.push(`分类 ${w.category.join('、')}`);
  if (w.complex) parts.push('复杂件');
  return parts.join('，') || '—';
}

function extensionText(t: Partial<ExtensionTermsData>, relay: boolean): string {
  const lead = t.requestLeadWd ?? 0;
  return [
    lead === 0 ? '须在办理时限前申请' : `须在办理时限所在日前第 ${lead} 个工作日结束前申请`,
    t.maxWorkingDays != null ? `最长延期 ${t.maxWorkingDays} 个工作日` : '延期天数不限',
    t.maxCount != null ? `最多 ${t.maxCount} 次` : '次数不限',
    relay ? '由所属平台报市级平台审批' : '',
  ]
    .filter(Boolean)
    .join('，');
}

/** Every time-limit rule of a profile as rows, in Chinese. */
export function profileRuleRows(p: ProfileData): ProfileRuleRow[] {
  const names = citationNames(p);
  const cite = (a: string) => citeArticle(a, names);
  const rows: ProfileRuleRow[] = [];
  const ruleSet = (key: string, stage: string, set: RuleSetData | undefined) => {
    if (!set) return;
    rows.push({
      key: `${key}-d`,
      stage,
      when: '一般情形',
      rule: limitText(set.default, p.workingWindows),
      article: set.default ? cite(set.default.article) : '—',
    });
    (set.cases ?? []).forEach((c, i) =>
      rows.push({
        key: `${key}-${i}`,
        stage,
        when: c.label ?? conditionText(c.when),
        rule: limitText(c.limit, p.workingWindows),
        article: cite(c.limit.article),
      }),
    );
  };
  for (const [key, stage] of limitStages) ruleSet(key, stage, p.limits[key]);
  ruleSet('callback', '回访', p.callback?.limit);

  const em = p.emergency;
  if (em) {
    const when = em.urgencies.map((u) => urgencyLabels[u as Urgency] ?? u).join('/');
    if (em.initialResponse) {
      rows.push({
        key: 'em-first',
        stage: '紧急事项先行响应',
        when,
        rule: limitText(em.initialResponse),
        article: cite(em.initialResponse.article),
      });
    }
    if (em.result) {
      const r = em.result;
      rows.push({
        key: 'em-result',
        stage: '紧急事项办理结果',
        when,
        rule: `自${startText[r.start] ?? ''}起 ${r.min} 至 ${r.max} ${unitText[r.unit] ?? ''}，由派单人员指定，默认 ${r.default} ${unitText[r.unit] ?? ''}`,
        article: cite(r.article),
      });
    }
    (em.reports ?? []).forEach((r, i) =>
      rows.push({
        key: `em-report-${i}`,
        stage: reportFormText[r.form] ?? '报告',
        when: '重大突发事项',
        rule: `${reportStartText[r.start ?? 'occurrence'] ?? ''} ${amount(r.amount, r.unit)}内${r.note ? `（${r.note}）` : ''}`.trim(),
        article: cite(r.article),
      }),
    );
  }

  const ext = p.extension;
  if (ext) {
    rows.push({
      key: 'ext-d',
      stage: '延期',
      when: '一般情形',
      rule: extensionText(ext, ext.relayToCity === true),
      article: cite(ext.article),
    });
    (ext.cases ?? []).forEach((c, i) =>
      rows.push({
        key: `ext-${i}`,
        stage: '延期',
        when: c.label ?? conditionText(c.when),
        rule: extensionText({ ...ext, ...c.terms }, ext.relayToCity === true),
        article: cite(c.terms.article),
      }),
    );
  }

  const lights = p.lights;
  if (lights) {
    const parts = [
      lights.yellow ? `办理时限所在日前第 ${lights.yellow.workingDaysBefore} 个工作日结束起亮黄灯` : '',
      '超过办理时限为超期',
      lights.red
        ? `超期 ${lights.red.workingDaysAfter} 个工作日亮红灯${lights.red.reminderSlip ? '，系统自动发出催办单' : ''}`
        : '',
    ];
    rows.push({
      key: 'lights',
      stage: '预警灯',
      when: '办理环节',
      rule: parts.filter(Boolean).join('；'),
      article: cite(lights.article),
    });
  }

  for (const t of p.calls?.targets ?? []) {
    rows.push({
      key: `calls-${t.figure}`,
      stage: '话务接听',
      when: t.figure === 'within10sRate' ? '来电振铃 10 秒内接起' : '来电接通',
      rule: `${t.figure === 'within10sRate' ? '10秒接通率' : '接通率'}应达到 ${Math.round(t.target * 100)}%`,
      article: cite(t.article),
    });
  }

  const m = p.messages;
  if (m) {
    const citizen = [
      m.citizenOnIntake ? '受理后短信告知工单号和查询码' : '',
      m.citizenOnReply ? '答复审核通过后短信告知' : '',
      m.ratingLink ? '办结后短信发送评价链接' : '',
    ].filter(Boolean);
    rows.push({
      key: 'messages-citizen',
      stage: '短信（诉求人）',
      when: m.quietHours ? `免打扰时段 ${m.quietHours.from}-${m.quietHours.to} 顺延至时段结束` : '全天',
      rule: citizen.length ? citizen.join('；') : '不发送',
      article: m.article ? cite(m.article) : '',
    });
    const unit = [
      m.unitOnDispatch ? '派单后短信通知联络员' : '',
      m.unitBeforeDeadline ? `办理时限前 ${m.unitBeforeDeadline.hoursBefore} 小时临期提醒` : '',
      m.unitWithReminderSlip ? '催办单同时短信通知' : '',
    ].filter(Boolean);
    rows.push({
      key: 'messages-unit',
      stage: '通知与短信（承办单位）',
      when: '办理环节',
      rule: unit.length ? unit.join('；') : '仅站内通知',
      article: m.unitBeforeDeadline ? cite(m.unitBeforeDeadline.article) : '',
    });
    if (m.paging) {
      rows.push({
        key: 'paging',
        stage: '紧急呼叫',
        when: `紧急程度：${m.paging.urgencies.map((u) => urgencyLabels[u as Urgency] ?? u).join('、')}`,
        rule: `派单即呼叫承办单位联络员和当日值班领导，${m.paging.ackMinutes} 分钟内未确认逐级上报中心领导、管理员`,
        article: cite(m.paging.article),
      });
    }
  }
  return rows;
}
