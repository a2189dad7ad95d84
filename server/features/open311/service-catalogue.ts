import type { TicketType } from '../../../common/enums';
import type { Db } from '../../platform/db';
import { listAllCategories } from '../categories/categories.repository';

/**
 * The Open311 services: one per active leaf of the category tree (问题分类), its code the
 * category code. A service asks the extra questions of `serviceAttributes` (metadata true) when
 * its category has any; the order's type (诉求类型) follows `reportCategories`.
 */

export const attributeDatatypes = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type AttributeDatatype = (typeof attributeDatatypes)[number];

export interface ServiceAttribute {
  /** false: an informational notice the client shows, never answered. */
  variable: boolean;
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

const yesNo = [
  { key: 'yes', name: '是' },
  { key: 'no', name: '否' },
];

/** One question as written below; its `order` is its place in the category's list. */
type Question = Omit<ServiceAttribute, 'order' | 'variable'> & { variable?: false };

/** The category's questions, numbered from 1 in the order given; questions are answered unless marked. */
function questions(...qs: Question[]): ServiceAttribute[] {
  return qs.map((q, i) => ({ ...q, variable: q.variable ?? true, order: i + 1 }));
}

/** A question answered by picking one of `values`. */
function pickOne(code: string, description: string, values: { key: string; name: string }[]): Question {
  const datatype_description = '请选择一项';
  return { code, datatype: 'singlevaluelist', required: true, datatype_description, description, values };
}

/** A required W3C date-time: when the outage began. */
function since(description: string): Question {
  const datatype_description = 'W3C 日期时间，如 2026-12-07T08:00:00+08:00';
  return { code: 'since', datatype: 'datetime', required: true, datatype_description, description };
}

/** The questions of the default taxonomy's categories that need them (by category code). */
export const serviceAttributes: Readonly<Record<string, readonly ServiceAttribute[]>> = {
  // 道路破损
  '050301': questions(
    pickOne('damage_type', '破损类型', [
      { key: 'pothole', name: '坑槽' },
      { key: 'crack', name: '裂缝' },
      { key: 'subsidence', name: '路面沉陷' },
      { key: 'manhole', name: '井盖缺失或破损' },
    ]),
    {
      code: 'area_m2',
      datatype: 'number',
      required: false,
      datatype_description: '估计面积，单位平方米',
      description: '破损面积',
    },
  ),
  // 垃圾清运
  '060101': questions({
    code: 'waste_kind',
    datatype: 'multivaluelist',
    required: true,
    datatype_description: '可多选',
    description: '垃圾种类',
    values: [
      { key: 'household', name: '生活垃圾' },
      { key: 'construction', name: '建筑垃圾' },
      { key: 'bulky', name: '大件垃圾' },
      { key: 'other', name: '其他' },
    ],
  }),
  // 树木修剪
  '060301': questions(
    pickOne('hazard', '树木情况', [
      { key: 'blocking', name: '遮挡道路或信号灯' },
      { key: 'broken', name: '断枝悬挂' },
      { key: 'leaning', name: '倾斜有倒伏危险' },
    ]),
    {
      code: 'blocks_traffic',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: null,
      description: '是否影响通行',
      values: yesNo,
    },
  ),
  // 停水
  '070101': questions(since('停水开始时间'), {
    code: 'households',
    datatype: 'number',
    required: false,
    datatype_description: '整数',
    description: '受影响户数',
  }),
  // 停电
  '070201': questions(since('停电开始时间')),
  // 燃气安全隐患: a notice only (emergencies go to the emergency numbers, not to a report).
  '070301': questions(
    {
      variable: false,
      code: 'emergency_notice',
      datatype: 'text',
      required: false,
      datatype_description: null,
      description: '闻到燃气泄漏气味等紧急情况，请立即拨打燃气抢修电话或 119，勿通过本接口报告。',
    },
    {
      code: 'details',
      datatype: 'text',
      required: false,
      datatype_description: '隐患位置和现象',
      description: '隐患情况',
    },
  ),
};

/**
 * Categories (and everything below them) whose reports are 举报 (a violation for an authority to
 * stop); every other service files a 求助 (a problem for a unit to fix).
 */
export const reportCategories: readonly string[] = [
  '0602', // 违法建设
  '0303', // 价格监管
  '060102', // 占道经营
  '060103', // 乱贴乱画
  '040102', // 露天焚烧
  '040301', // 污水排放
  '080202', // 无证办学
];

export function ticketTypeOf(code: string): TicketType {
  return reportCategories.some((c) => code.startsWith(c)) ? 'report' : 'help';
}

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

/** Every service: the active leaves of the tree, in the tree's order. */
export async function listServices(db: Db): Promise<Open311Service[]> {
  const rows = await listAllCategories(db);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const children = new Map<string, typeof rows>();
  for (const r of rows) {
    if (r.parentCode === null) continue;
    children.set(r.parentCode, [...(children.get(r.parentCode) ?? []), r]);
  }
  const path = (code: string): string[] => {
    const out: string[] = [];
    for (let c = byCode.get(code); c; c = c.parentCode ? byCode.get(c.parentCode) : undefined) {
      out.unshift(c.name);
    }
    return out;
  };
  const activeChain = (code: string): boolean => {
    for (let c = byCode.get(code); c; c = c.parentCode ? byCode.get(c.parentCode) : undefined) {
      if (!c.active) return false;
    }
    return true;
  };
  const services: Open311Service[] = [];
  const walk = (nodes: typeof rows) => {
    for (const n of [...nodes].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code))) {
      const kids = children.get(n.code) ?? [];
      if (kids.length > 0) {
        walk(kids);
        continue;
      }
      if (!activeChain(n.code)) continue;
      const names = path(n.code);
      services.push({
        service_code: n.code,
        service_name: n.name,
        description: names.join(' / '),
        metadata: (serviceAttributes[n.code]?.length ?? 0) > 0,
        type: 'realtime',
        keywords: names.slice(0, -1).join(','),
        group: names[0] ?? n.name,
      });
    }
  };
  walk(rows.filter((r) => r.parentCode === null));
  return services;
}

export async function findService(db: Db, code: string): Promise<Open311Service | undefined> {
  return (await listServices(db)).find((s) => s.service_code === code);
}

export function attributesOf(code: string): readonly ServiceAttribute[] {
  return [...(serviceAttributes[code] ?? [])].sort((a, b) => a.order - b.order);
}
