/** Shared vocabularies of the platform (see docs/GLOSSARY.md for the Chinese terms). */

export const roles = [
  'admin', // 热线中心管理员
  'agent', // 话务员/受理员
  'dispatcher', // 派单员/审核员
  'handler', // 承办单位经办人
  'unit-leader', // 承办单位联络员/负责人
  'callback', // 回访员/质检员
  'supervisor', // 督办员
  'kb-editor', // 知识库维护员
  'leader', // 领导
  'enterprise', // 加盟企业 (a franchise enterprise's own account, tianjin-wuqing §36)
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: '系统管理员',
  agent: '话务员',
  dispatcher: '派单审核员',
  handler: '承办人员',
  'unit-leader': '单位负责人',
  callback: '回访员',
  supervisor: '督办员',
  'kb-editor': '知识库维护员',
  leader: '领导',
  enterprise: '加盟企业',
};

export const unitKinds = ['center', 'sub-platform', 'department', 'town', 'enterprise', 'sub-unit'] as const;
export type UnitKind = (typeof unitKinds)[number];

export const unitKindLabels: Record<UnitKind, string> = {
  center: '热线中心',
  'sub-platform': '分平台',
  department: '职能部门',
  town: '街镇',
  enterprise: '公共企业',
  'sub-unit': '下属科室',
};

export const channels = [
  'phone',
  'wechat',
  'app',
  'web',
  'media',
  'province',
  'hotline-12345',
  'police-110',
  'open311',
] as const;
export type Channel = (typeof channels)[number];

export const channelLabels: Record<Channel, string> = {
  phone: '电话',
  wechat: '微信小程序',
  app: '移动应用',
  web: '网站/市长信箱',
  media: '广播电视',
  province: '省级平台转办',
  'hotline-12345': '12345转办',
  'police-110': '110转办',
  open311: '开放接口',
};

export const ticketTypes = ['consult', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export type TicketType = (typeof ticketTypes)[number];

export const ticketTypeLabels: Record<TicketType, string> = {
  consult: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '意见建议',
  praise: '表扬',
};

/** normal 普通件, urgent 急件, emergency 紧急件, extra-urgent 特急件 (tianjin-urban §8). */
export const urgencies = ['normal', 'urgent', 'emergency', 'extra-urgent'] as const;
export type Urgency = (typeof urgencies)[number];

export const urgencyLabels: Record<Urgency, string> = {
  normal: '普通件',
  urgent: '急件',
  emergency: '紧急件',
  'extra-urgent': '特急件',
};

export const sourceLevels = ['city', 'province'] as const;
export type SourceLevel = (typeof sourceLevels)[number];

export const satisfactions = ['satisfied', 'basically-satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof satisfactions)[number];

export const satisfactionLabels: Record<Satisfaction, string> = {
  satisfied: '满意',
  'basically-satisfied': '基本满意',
  unsatisfied: '不满意',
};

export const lights = ['green', 'yellow', 'overdue', 'red'] as const;
export type Light = (typeof lights)[number];

/** Traffic lights of an order (zibo-12345 §12). */
export const lightLabels: Record<Light, string> = {
  green: '正常',
  yellow: '黄灯预警',
  overdue: '已超期',
  red: '红灯',
};

/** Stage deadline keys, as returned on an order under `deadlines`. */
export const stageKeys = [
  'dispatchBy',
  'receiveBy',
  'firstContactBy',
  'handleBy',
  'returnBy',
  'extensionRequestBy',
  'callbackBy',
  'feedbackBy',
] as const;
export type StageKey = (typeof stageKeys)[number];

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
