import type { ProfileInput } from '../profile-schema';
import {
  emergencyChannelTerms,
  legalProcedureTerms,
  militaryTerms,
  platformMessages,
  standardSatisfactionScale,
} from './common';

/** 武清区便民服务专线管理规定实施细则, 天津市武清区人民政府办公室, 2015-08-12. */
export const tianjinWuqing: ProfileInput = {
  id: 'tianjin-wuqing',
  name: '武清区便民服务专线',
  version: '2015-08-12',
  regulation: {
    title: '武清区便民服务专线管理规定实施细则',
    issuer: '天津市武清区人民政府办公室',
    date: '2015-08-12',
  },
  timezone: 'Asia/Shanghai',
  endOfDay: '23:59:59',
  workingWindows: [],
  limits: {
    dispatch: {
      default: {
        kind: 'no-limit',
        article: 'tianjin-wuqing §17',
        note: '审核后即时转办',
      },
      cases: [],
    },
    firstContact: {
      default: {
        kind: 'no-limit',
        article: 'tianjin-wuqing §19(1)',
        note: '第一时间联系反映人',
      },
      cases: [],
    },
    handle: {
      // §19(2): 一般求助类事项 2 working days; a dispatched consultation is handled as a general request.
      default: {
        amount: 2,
        unit: 'wd',
        start: 'dispatch',
        article: 'tianjin-wuqing §19(2)',
        note: '一般求助类事项；法律法规或有关部门对办理期限有明确规定的，从其规定（按分类另设情形）',
      },
      cases: [
        {
          label: '投诉、举报、意见建议',
          when: { type: ['complaint', 'report', 'suggestion'] },
          limit: { amount: 7, unit: 'wd', start: 'dispatch', article: 'tianjin-wuqing §19(2)' },
        },
        {
          label: '其他疑难事项',
          when: { complex: true },
          limit: { amount: 7, unit: 'wd', start: 'dispatch', article: 'tianjin-wuqing §19(2)' },
        },
      ],
    },
    feedback: {
      default: {
        kind: 'no-limit',
        article: 'tianjin-wuqing §19(2)',
        note: '在办理时限内答复诉求人',
      },
      cases: [],
    },
  },
  extension: {
    requestLeadWd: 1,
    maxWorkingDays: null,
    maxCount: null,
    relayToCity: true,
    article: 'tianjin-wuqing §21',
    cases: [],
  },
  callback: {
    limit: {
      default: { amount: 24, unit: 'h', start: 'reply', article: 'tianjin-wuqing §25' },
      cases: [],
    },
    channel: 'any',
    sampling: [{ by: 'platform', minRate: 1, period: 'order', article: 'tianjin-wuqing §25' }],
    // §25: 群众对办理结果不满意的，进行质检评定，分析原因，界定责任.
    inspection: { article: 'tianjin-wuqing §25' },
    article: 'tianjin-wuqing §25',
  },
  emergency: null,
  lights: null,
  unitWarnings: null,
  supervision: {
    triggers: [
      { trigger: 'overdue', office: '专线服务中心', article: 'tianjin-wuqing §23' },
      { trigger: 'leader-instruction', office: '专线服务中心', article: 'tianjin-wuqing §23(1)' },
      { trigger: 'hot-issue', office: '专线服务中心', article: 'tianjin-wuqing §23(2)' },
      { trigger: 'unsatisfied-fault', office: '专线服务中心', article: 'tianjin-wuqing §23(3)' },
    ],
    modes: null,
    respondWithin: null,
    repeatCalls: null,
    article: 'tianjin-wuqing §23-§24',
  },
  intake: {
    outOfScope: [
      {
        matter: '人身财产安全紧急求助',
        terms: emergencyChannelTerms,
        channel: '请拨打110、119、120等紧急电话求助',
        article: 'tianjin-wuqing §6(1)',
      },
      {
        matter: '行政职权范围以外的民事纠纷',
        terms: ['民事纠纷', '借钱不还', '欠款不还', '合同纠纷', '遗产继承', '离婚'],
        channel: '可申请人民调解或向人民法院起诉',
        article: 'tianjin-wuqing §6(2)',
      },
      {
        matter: '诉讼、仲裁、行政复议、信访复查复核等法定程序事项',
        terms: [...legalProcedureTerms, '信访'],
        channel: '请通过原法定程序（法院、仲裁机构、复议机关、信访部门）办理',
        article: 'tianjin-wuqing §6(3)',
      },
      {
        matter: '军队、武警管辖事项',
        terms: militaryTerms,
        channel: '请向军队、武警有关部门反映',
        article: 'tianjin-wuqing §6(4)',
      },
    ],
    emergencyTerms: null,
  },
  satisfaction: {
    scale: standardSatisfactionScale,
    satisfied: ['satisfied'],
    ratings: 'overall',
    article: 'tianjin-wuqing §25, §28',
  },
  calls: { targets: [{ figure: 'connectionRate', target: 1, article: 'tianjin-wuqing §1' }] },
  messages: {
    ...platformMessages,
    ratingLink: false,
    unitBeforeDeadline: null,
    paging: null,
  },
};
