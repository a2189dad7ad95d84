/**
 * The vocabulary of work orders (工单) with its Chinese labels: one copy, imported by the server
 * (the transition table, presenters) and by the web (filters, tags, timelines).
 * See docs/GLOSSARY.md for each term.
 */

/** Work-order statuses (工单状态). */
export const ticketStatuses = [
  'pending_dispatch', // 待派单 (created; the platform reviews and dispatches)
  'dispatched', // 已派单，待签收
  'in_progress', // 办理中 (signed for by the lead unit)
  'replied', // 已答复，待审核
  'pending_callback', // 待回访
  'unsatisfied', // 不满意，待研判 (redo, close, or the unit appeals)
  'appealed', // 申诉中
  'suspended', // 挂起 (awaiting a responsibility ruling)
  'closed', // 已办结
  'answered', // 直接答复 (closed at intake)
  'not_accepted', // 不予受理
  'merged', // 已合并
  'referred', // 已转加盟企业 (an e-order with a franchise enterprise, tianjin-wuqing §35-§36)
] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const ticketStatusLabels: Record<TicketStatus, string> = {
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
  referred: '企业办理中',
};

/** Requests a unit has made that wait for the platform's decision. */
export const pendingRequests = ['return', 'extension'] as const;
export type PendingRequest = (typeof pendingRequests)[number] | null;

export const pendingRequestLabels: Record<(typeof pendingRequests)[number], string> = {
  return: '回退申请待审',
  extension: '延期申请待审',
};

/** Lifecycle actions (zibo-12345 §11, wuqing §17-§25, tianjin-urban §7-§8, shanghai §10-§13). */
export const ticketActions = [
  'dispatch',
  'accept',
  'record-contact',
  'reply',
  'approve-reply',
  'reject-reply',
  'record-callback',
  'redo',
  'close',
  'request-return',
  'approve-return',
  'reject-return',
  'request-extension',
  'approve-extension',
  'reject-extension',
  'forward-extension',
  'report-progress',
  'appeal',
  'uphold-appeal',
  'dismiss-appeal',
  'merge',
  'not-accept',
  'suspend',
  'resume',
  'supervise',
  'remind',
  'recompute-deadlines',
  'update',
  'respond-supervision',
  'inspect',
  'refer-enterprise',
  'report-referral',
] as const;
export type TicketAction = (typeof ticketActions)[number];

/** Actions that only open an order (recorded as its first events). */
export const intakeActions = ['create', 'direct-answer', 'intake-not-accept'] as const;
export type IntakeAction = (typeof intakeActions)[number];

/** Events that record without changing the order: a remote installation's progress (decision 0010). */
export const noteActions = ['exchange-progress'] as const;
export type NoteAction = (typeof noteActions)[number];

export const actionLabels: Record<TicketAction | IntakeAction | NoteAction, string> = {
  create: '登记工单',
  'direct-answer': '直接答复',
  'intake-not-accept': '不予受理',
  dispatch: '派单',
  accept: '签收',
  'record-contact': '先行联系',
  reply: '答复',
  'approve-reply': '审核通过',
  'reject-reply': '审核退回',
  'record-callback': '回访',
  redo: '重办',
  close: '办结',
  'request-return': '申请回退',
  'approve-return': '同意回退',
  'reject-return': '驳回回退',
  'request-extension': '申请延期',
  'approve-extension': '同意延期',
  'reject-extension': '驳回延期',
  'forward-extension': '转报延期',
  'report-progress': '续报',
  appeal: '申诉',
  'uphold-appeal': '申诉成立',
  'dismiss-appeal': '申诉不成立',
  merge: '合并',
  'not-accept': '不予受理',
  suspend: '挂起',
  resume: '恢复',
  supervise: '督办',
  remind: '催办',
  'recompute-deadlines': '时限重算',
  update: '修改工单信息',
  'respond-supervision': '答复督办',
  inspect: '质检评定',
  'refer-enterprise': '转加盟企业',
  'report-referral': '企业反馈',
  'exchange-progress': '下级平台进展',
};

/** Assignment statuses (one row per unit the order was sent to). */
export const assignmentStatuses = [
  'dispatched',
  'accepted',
  'replied',
  'forwarded',
  'returned',
  'ended',
] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

export const assignmentStatusLabels: Record<AssignmentStatus, string> = {
  dispatched: '待签收',
  accepted: '已签收',
  replied: '已答复',
  forwarded: '已转派',
  returned: '已回退',
  ended: '已结束',
};

export const assignmentRoles = ['lead', 'co'] as const;
export type AssignmentRole = (typeof assignmentRoles)[number];
export const assignmentRoleLabels: Record<AssignmentRole, string> = { lead: '主办', co: '协办' };

/**
 * How the acting user stands to an order: platform = dispatcher/admin of the platform holding it
 * (or above it); lead/co = a handler of the lead or a co-handling unit; callback = callback agent /
 * quality inspector; supervisor; agent = intake agent; enterprise = the franchise enterprise an
 * order was referred to (tianjin-wuqing §36); system = the deadline sweep.
 */
export const parties = [
  'platform',
  'lead',
  'co',
  'callback',
  'supervisor',
  'agent',
  'enterprise',
  'system',
] as const;
export type Party = (typeof parties)[number];
export const partyLabels: Record<Party, string> = {
  platform: '平台',
  lead: '主办单位',
  co: '协办单位',
  callback: '回访',
  supervisor: '督办',
  agent: '受理',
  enterprise: '加盟企业',
  system: '系统',
};

/** Whether the matter was true, as the unit's reply states it (beijing-miyun §18). */
export const factualFindings = ['true', 'partly', 'false', 'n/a'] as const;
export type FactualFinding = (typeof factualFindings)[number];
export const factualLabels: Record<FactualFinding, string> = {
  true: '属实',
  partly: '部分属实',
  false: '不属实',
  'n/a': '不涉及',
};

/** The label of a value read from untyped data (event payloads); the value itself when unknown. */
export function labelOf<K extends string>(labels: Record<K, string>, value: unknown): string {
  const key = String(value);
  return Object.hasOwn(labels, key) ? labels[key as K] : key;
}
