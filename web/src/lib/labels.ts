import type { Light, StageKey } from '../../../common/enums';

/**
 * Chinese labels the web needs beyond common/enums.ts. Work-order statuses mirror
 * server/domain/ticket/statuses.ts (list items and details carry `statusLabel`; this map only
 * feeds the status filters).
 */
export const ticketStatusLabels = {
  pending_dispatch: '待派单',
  dispatched: '待签收',
  in_progress: '办理中',
  replied: '待审核',
  pending_callback: '待回访',
  unsatisfied: '不满意待研判',
  appealed: '申诉中',
  suspended: '已挂起',
  closed: '已办结',
  answered: '已直接答复',
  not_accepted: '不予受理',
  merged: '已合并',
} as const satisfies Record<string, string>;
export type TicketStatus = keyof typeof ticketStatusLabels;

export const statusColors: Record<string, string> = {
  pending_dispatch: 'gold',
  dispatched: 'orange',
  in_progress: 'processing',
  replied: 'cyan',
  pending_callback: 'geekblue',
  unsatisfied: 'magenta',
  appealed: 'purple',
  suspended: 'default',
  closed: 'success',
  answered: 'success',
  not_accepted: 'default',
  merged: 'default',
};

export const lightLabels: Record<Light, string> = {
  green: '正常',
  yellow: '黄灯预警',
  overdue: '已超期',
  red: '红灯',
};

export const lightColors: Record<Light, string> = {
  green: '#52c41a',
  yellow: '#faad14',
  overdue: '#fa541c',
  red: '#cf1322',
};

export const stageLabels: Record<StageKey, string> = {
  dispatchBy: '转办时限',
  receiveBy: '签收时限',
  firstContactBy: '先行联系时限',
  handleBy: '办理时限',
  returnBy: '回退时限',
  extensionRequestBy: '延期申请截止',
  callbackBy: '回访时限',
  feedbackBy: '反馈时限',
};

export const pendingRequestLabels: Record<'return' | 'extension', string> = {
  return: '回退申请待审',
  extension: '延期申请待审',
};

export const assignmentStatusLabels: Record<string, string> = {
  dispatched: '待签收',
  accepted: '已签收',
  replied: '已答复',
  forwarded: '已转派',
  returned: '已回退',
  ended: '已结束',
};

export const assignmentRoleLabels: Record<string, string> = { lead: '主办', co: '协办' };

export const partyLabels: Record<string, string> = {
  platform: '平台',
  lead: '主办单位',
  co: '协办单位',
  callback: '回访',
  supervisor: '督办',
  agent: '受理',
  system: '系统',
};

export const superviseTriggerLabels = {
  overdue: '超期未办结',
  'repeat-complaint': '办结后重复投诉',
  'low-rank': '办结率/满意率排名靠后',
  'kb-outdated': '知识库未及时更新',
  'leader-instruction': '领导批示',
  'hot-issue': '热点难点问题',
  'unsatisfied-fault': '不满意且确属过错',
  'repeat-unsatisfied': '多次来电仍不满意',
  'flawed-procedure': '程序不当或结果不实',
  'upper-platform': '上级平台督办',
  other: '其他',
} as const;

export const superviseModeLabels = {
  system: '系统催办',
  written: '书面督办',
  phone: '电话督办',
  'on-site': '现场督办',
  'joint-meeting': '联席会议督办',
} as const;

export const factualLabels = {
  true: '属实',
  partly: '部分属实',
  false: '不属实',
  'n/a': '不涉及',
} as const;

/** The districts of the demo city (location region). */
export const regions = ['东城区', '西城区', '北山区'] as const;
