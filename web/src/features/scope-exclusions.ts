/**
 * Scope screening at intake (SPEC §3.1): matters the hotline does not accept, each with the
 * reason to tell the caller and the channel to suggest instead. A static reference list for
 * the agent; the active policy profile's own list is authoritative once the API exposes it.
 */
export interface ScopeExclusion {
  key: string;
  matter: string;
  reason: string;
  channel: string;
  keywords: string[];
}

export const scopeExclusions: ScopeExclusion[] = [
  {
    key: 'police',
    matter: '治安、刑事警情',
    reason: '属紧急警情',
    channel: '110 报警',
    keywords: ['报警', '打架', '盗窃', '被偷', '诈骗', '抢劫', '斗殴'],
  },
  {
    key: 'fire',
    matter: '火灾、救援',
    reason: '属紧急救援',
    channel: '119 火警',
    keywords: ['着火', '火灾', '冒烟', '被困'],
  },
  {
    key: 'medical',
    matter: '急症、伤病急救',
    reason: '属医疗急救',
    channel: '120 急救',
    keywords: ['急救', '晕倒', '昏迷', '受伤流血', '救护车'],
  },
  {
    key: 'traffic',
    matter: '交通事故',
    reason: '属交通事故处置',
    channel: '122 交通事故报警',
    keywords: ['车祸', '交通事故', '追尾', '撞车'],
  },
  {
    key: 'litigation',
    matter: '已进入或应通过诉讼程序的事项',
    reason: '属司法程序',
    channel: '人民法院',
    keywords: ['起诉', '诉讼', '法院', '判决', '执行'],
  },
  {
    key: 'arbitration',
    matter: '已进入仲裁程序的事项',
    reason: '属仲裁程序',
    channel: '劳动人事争议仲裁委 / 仲裁委',
    keywords: ['仲裁'],
  },
  {
    key: 'petition',
    matter: '已进入信访程序的事项',
    reason: '属信访程序',
    channel: '信访部门',
    keywords: ['信访', '上访'],
  },
  {
    key: 'discipline',
    matter: '党员干部违纪违法问题',
    reason: '属纪检监察',
    channel: '纪委监委（12388）',
    keywords: ['贪污', '受贿', '违纪', '腐败', '吃拿卡要'],
  },
  {
    key: 'review',
    matter: '行政复议事项',
    reason: '属行政复议程序',
    channel: '行政复议机构',
    keywords: ['复议'],
  },
  {
    key: 'disclosure',
    matter: '政府信息公开申请',
    reason: '属依申请公开程序',
    channel: '依申请公开渠道（政府门户网站）',
    keywords: ['信息公开', '公开申请'],
  },
  {
    key: 'civil',
    matter: '不涉及行政职权的民事纠纷',
    reason: '超出行政职权范围',
    channel: '人民调解委员会 / 人民法院',
    keywords: ['借钱不还', '欠款', '邻里纠纷', '离婚'],
  },
  {
    key: 'secret',
    matter: '涉及国家秘密、商业秘密、个人隐私',
    reason: '依法不予受理',
    channel: '—',
    keywords: ['机密', '隐私'],
  },
  {
    key: 'military',
    matter: '涉军、涉武警事项',
    reason: '不属地方政府职责',
    channel: '军队、武警有关部门',
    keywords: ['部队', '武警', '军人'],
  },
  {
    key: 'illegal',
    matter: '违反法律法规或公序良俗的诉求',
    reason: '依法不予受理',
    channel: '—',
    keywords: [],
  },
];

/** Exclusions whose keywords appear in the text (hints while the agent types). */
export function matchExclusions(text: string): ScopeExclusion[] {
  if (!text.trim()) return [];
  return scopeExclusions.filter((e) => e.keywords.some((k) => text.includes(k)));
}

/** Options for "suggested channel" fields. */
export const channelHints = [...new Set(scopeExclusions.map((e) => e.channel).filter((c) => c !== '—'))].map(
  (c) => ({ value: c, label: c }),
);
