import { apiKeyScopeLabels, type ApiKeyDto } from '../../../common/contracts/api-keys';
import type { CategoryNode } from '../../../common/contracts/categories';
import { smsStatusLabels, type MessageDto } from '../../../common/contracts/notifications';
import { webhookEventLabels, webhookFormatLabels, type WebhookDto } from '../../../common/contracts/webhooks';
import { satisfactionLabels, type Satisfaction } from '../../../common/enums';
import type { YearReport } from '../../../common/contracts/calendar';
import type { DeskOrder } from '../enterprises/enterprise-desk';
import { serviceMinute, yesNo, type Cell, type XlsxSheet } from './xlsx-stream';

/**
 * Sheets of the configuration lists (categories, text messages, webhooks, API keys, the
 * working-day calendar) and the enterprise desk: the rows their screens show, labels not codes.
 */

const activeLabel = (active: boolean) => (active ? '启用' : '停用');

/** 问题分类 in tree order (as the tree shows them) and the profile's key mapping. */
export function categorySheets(
  tree: CategoryNode[],
  mappings: {
    profile: string;
    items: { key: string; codes: string[]; articles: string[]; reached: number }[];
  },
): XlsxSheet[] {
  const rows: Cell[][] = [];
  const names = new Map<string, string>();
  const walk = (nodes: CategoryNode[], parent: CategoryNode | null) => {
    for (const n of nodes) {
      names.set(n.code, n.name);
      rows.push([
        n.code,
        n.name,
        n.level,
        parent ? `${parent.code} ${parent.name}` : '',
        activeLabel(n.active),
      ]);
      walk(n.children, n);
    }
  };
  walk(tree, null);
  return [
    {
      name: '问题分类',
      columns: [
        { header: '分类代码', width: 14 },
        { header: '分类名称', width: 24 },
        { header: '层级', width: 8 },
        { header: '上级分类', width: 30 },
        { header: '状态', width: 8 },
      ],
      rows: [rows],
    },
    {
      name: `分类键对应（${mappings.profile}）`.slice(0, 31),
      columns: [
        { header: '分类键', width: 24 },
        { header: '本地分类', width: 40 },
        { header: '覆盖分类数', width: 12 },
        { header: '条款', width: 40 },
      ],
      rows: [
        mappings.items.map((m): Cell[] => [
          m.key,
          m.codes.length === 0
            ? '未对应，规则不生效'
            : m.codes.map((c) => `${c} ${names.get(c) ?? ''}`).join('、'),
          m.reached,
          m.articles.join('；'),
        ]),
      ],
    },
  ];
}

/** 短信记录: recipients masked and tracking codes withheld as in the log. */
export function messagesSheet(items: MessageDto[]): XlsxSheet {
  return {
    name: '短信记录',
    columns: [
      { header: '时间', width: 17 },
      { header: '接收号码', width: 14 },
      { header: '模板', width: 18 },
      { header: '内容', width: 60 },
      { header: '状态', width: 10 },
      { header: '发送次数', width: 10 },
      { header: '发送时间', width: 17 },
      { header: '工单内部编号', width: 12 },
    ],
    rows: [
      items.map((m): Cell[] => [
        serviceMinute(m.createdAt),
        m.to,
        m.template,
        m.text,
        smsStatusLabels[m.status],
        m.attempts,
        serviceMinute(m.sentAt),
        m.ticketId,
      ]),
    ],
  };
}

/** 推送订阅 with their delivery counts (never the secret or the key). */
export function webhooksSheet(items: WebhookDto[]): XlsxSheet {
  return {
    name: '推送订阅',
    columns: [
      { header: '接收地址', width: 50 },
      { header: '事件', width: 40 },
      { header: '格式', width: 10 },
      { header: '已送达', width: 10 },
      { header: '待投递', width: 10 },
      { header: '已放弃', width: 10 },
      { header: '创建时间', width: 17 },
      { header: '创建人', width: 14 },
    ],
    rows: [
      items.map((w): Cell[] => [
        w.url,
        w.events.map((e) => webhookEventLabels[e] ?? e).join('、'),
        webhookFormatLabels[w.format],
        w.delivered,
        w.pending,
        w.failed,
        serviceMinute(w.createdAt),
        w.createdBy,
      ]),
    ],
  };
}

/** 接口密钥: the prefix only, as the list shows it. */
export function apiKeysSheet(items: ApiKeyDto[]): XlsxSheet {
  return {
    name: '接口密钥',
    columns: [
      { header: '名称', width: 24 },
      { header: '密钥前缀', width: 14 },
      { header: '权限范围', width: 30 },
      { header: '单位', width: 24 },
      { header: '创建时间', width: 17 },
      { header: '创建人', width: 14 },
      { header: '最近使用', width: 17 },
      { header: '状态', width: 10 },
      { header: '吊销时间', width: 17 },
    ],
    rows: [
      items.map((k): Cell[] => [
        k.name,
        `${k.prefix}…`,
        k.scopes.map((s) => apiKeyScopeLabels[s]).join('、'),
        k.unitName ?? '',
        serviceMinute(k.createdAt),
        k.createdBy,
        k.lastUsedAt ? serviceMinute(k.lastUsedAt) : '未使用',
        k.revokedAt ? '已吊销' : '有效',
        serviceMinute(k.revokedAt),
      ]),
    ],
  };
}

const weekdays: Record<string, string> = {
  Mon: '星期一',
  Tue: '星期二',
  Wed: '星期三',
  Thu: '星期四',
  Fri: '星期五',
  Sat: '星期六',
  Sun: '星期日',
};

/** 工作日历 of a year: every holiday and make-up working day, then the year's working-day count. */
export function calendarSheet(year: YearReport): XlsxSheet {
  return {
    name: `${year.year}年工作日历`,
    columns: [
      { header: '日期', width: 12 },
      { header: '星期', width: 8 },
      { header: '安排', width: 10 },
      { header: '名称', width: 14 },
    ],
    rows: [
      year.days.map((d): Cell[] => [
        d.date,
        weekdays[d.weekday] ?? d.weekday,
        d.kind === 'holiday' ? '放假' : d.kind === 'makeup' ? '调休上班' : '',
        d.name ?? '',
      ]),
      [
        [`全年工作日 ${year.workingDays} 天`],
        [
          year.provisional
            ? '暂估（放假安排未公布）：按周末及法定节日暂估，不含调休'
            : '国务院办公厅放假安排',
        ],
      ],
    ],
  };
}

/** 电子工单 on the enterprise desk: the enterprise's own orders, with its report and the rating. */
export function deskOrdersSheet(items: DeskOrder[]): XlsxSheet {
  return {
    name: '电子工单',
    columns: [
      { header: '工单编号', width: 16 },
      { header: '派单时间', width: 17 },
      { header: '服务类别', width: 12 },
      { header: '服务需求', width: 40 },
      { header: '联系人', width: 10 },
      { header: '联系电话', width: 14 },
      { header: '服务地址', width: 30 },
      { header: '状态', width: 10 },
      { header: '已联系群众', width: 10 },
      { header: '办理情况', width: 30 },
      { header: '服务价格', width: 12 },
      { header: '服务时间', width: 17 },
      { header: '回访评价', width: 10 },
    ],
    rows: [
      items.map((o): Cell[] => [
        o.ticketNo,
        serviceMinute(o.referredAt),
        o.categoryName ?? '',
        o.content,
        o.callerName ?? '',
        o.callerPhone ?? '',
        o.address ?? '',
        o.statusLabel,
        yesNo(o.report?.contacted),
        o.report?.result ?? '',
        o.report?.price ?? '',
        o.report?.serviceTime ?? '',
        o.rating ? (satisfactionLabels[o.rating as Satisfaction] ?? o.rating) : '',
      ]),
    ],
  };
}

/** 同义词 groups, with the screen's word search (a group any of whose words contains the text). */
export function synonymsSheet(
  groups: { words: string[]; note: string | null; updatedBy: string | null; updatedAt: Date | string }[],
  q: string | undefined,
): XlsxSheet {
  const shown = q ? groups.filter((g) => g.words.some((w) => w.includes(q))) : groups;
  return {
    name: '同义词',
    columns: [
      { header: '同义词', width: 50 },
      { header: '说明', width: 30 },
      { header: '修改人', width: 14 },
      { header: '修改时间', width: 17 },
    ],
    rows: [
      shown.map((g): Cell[] => [
        g.words.join('、'),
        g.note ?? '',
        g.updatedBy ?? '系统',
        serviceMinute(g.updatedAt),
      ]),
    ],
  };
}
