import type { ProfileInput } from '../profile-schema';
import {
  emergencyChannelTerms,
  legalProcedureTerms,
  militaryTerms,
  platformMessages,
  secretTerms,
  standardSatisfactionScale,
  utilityEmergencyTerms,
} from './common';

/** 上海市"962200"社区服务热线管理办法 (沪民办发〔2017〕33号), 上海市民政局, 2017-12-12. */
export const shanghai962200: ProfileInput = {
  id: 'shanghai-962200',
  name: '上海市"962200"社区服务热线',
  version: '2017-12-12',
  regulation: {
    title: '上海市"962200"社区服务热线管理办法',
    issuer: '上海市民政局',
    date: '2017-12-12',
    docNo: '沪民办发〔2017〕33号',
  },
  timezone: 'Asia/Shanghai',
  endOfDay: '23:59:59',
  workingWindows: [],
  limits: {
    dispatch: {
      default: { amount: 1, unit: 'wd', start: 'arrival', article: 'shanghai-962200 §10(2)' },
      cases: [
        {
          label: '应急处理',
          when: { urgency: ['emergency', 'extra-urgent'] },
          limit: {
            kind: 'no-limit',
            article: 'shanghai-962200 §10(3)',
            note: '立即流转',
          },
        },
      ],
    },
    // §11: an electronic order counts as received when the hotline dispatches it.
    firstContact: {
      default: { amount: 1, unit: 'wd', start: 'dispatch', article: 'shanghai-962200 §11(1)' },
      cases: [],
    },
    handle: {
      default: {
        amount: 5,
        unit: 'wd',
        start: 'dispatch',
        article: 'shanghai-962200 §11(2)',
        note: '法定或承诺办理期限优先（按分类另设情形）',
      },
      cases: [
        {
          label: '复杂、疑难',
          when: { complex: true },
          limit: {
            amount: 10,
            unit: 'wd',
            start: 'dispatch',
            article: 'shanghai-962200 §11(2) (复杂、疑难)',
          },
        },
      ],
    },
    feedback: {
      default: {
        kind: 'no-limit',
        article: 'shanghai-962200 §11(2)',
        note: '在办理时限内答复诉求人',
      },
      cases: [],
    },
  },
  extension: null,
  callback: {
    limit: {
      default: {
        kind: 'no-limit',
        article: 'shanghai-962200 §13',
        note: '按照每月一定比例回访，不设单件时限',
      },
      cases: [],
    },
    channel: 'any',
    sampling: [
      // 按照每月一定比例: §13 sets no figure; this platform calls back 30 % of each month's orders.
      { by: 'platform', minRate: null, rate: 0.3, period: 'month', article: 'shanghai-962200 §13' },
      { by: 'supervised', minRate: 1, period: 'order', article: 'shanghai-962200 §13' },
    ],
    article: 'shanghai-962200 §13',
  },
  emergency: {
    urgencies: ['emergency', 'extra-urgent'],
    initialResponse: null,
    result: null,
    reports: [
      {
        kind: 'duration',
        form: 'oral',
        amount: 0.5,
        unit: 'h',
        start: 'occurrence',
        article: 'shanghai-962200 §15',
        note: '重大突发事项 30 分钟内口头报告',
      },
      {
        kind: 'duration',
        form: 'written',
        amount: 2,
        unit: 'h',
        start: 'occurrence',
        article: 'shanghai-962200 §15',
        note: '事发后 2 小时内以书面方式续报',
      },
    ],
    article: 'shanghai-962200 §10(3), §15',
  },
  lights: null,
  unitWarnings: null,
  supervision: {
    triggers: [
      { trigger: 'overdue', office: '管理办公室', article: 'shanghai-962200 §12(1)' },
      { trigger: 'flawed-procedure', office: '管理办公室', article: 'shanghai-962200 §12(2)' },
      { trigger: 'repeat-unsatisfied', office: '管理办公室', article: 'shanghai-962200 §12(3)' },
      { trigger: 'upper-platform', office: '市局办公室', article: 'shanghai-962200 §12(4)' },
      { trigger: 'leader-instruction', office: '市局办公室', article: 'shanghai-962200 §12(5)' },
    ],
    modes: ['phone', 'written', 'on-site', 'joint-meeting'],
    respondWithin: null,
    repeatCalls: {
      trigger: 'repeat-unsatisfied',
      windowDays: 30,
      minRepeats: 3,
      unsatisfiedOnly: true,
      article: 'shanghai-962200 §12(3)',
      note: '不满意且重复来电 3 次以上；条款未规定期间，取 30 个自然日',
    },
    article: 'shanghai-962200 §12',
  },
  intake: {
    outOfScope: [
      {
        matter: '诉讼、仲裁、行政审批、行政处罚、行政复议、信访复查复核、政府信息公开等法定程序事项',
        terms: [...legalProcedureTerms, '行政处罚', '信访', '信息公开申请'],
        channel: '请通过相应法定程序的受理机关办理',
        article: 'shanghai-962200 §7(1)',
      },
      {
        matter: '人身、财产安全紧急求助',
        terms: emergencyChannelTerms,
        channel: '请拨打110、119、120等紧急电话求助',
        article: 'shanghai-962200 §7(2)',
      },
      {
        matter: '国家机密、商业秘密、个人隐私事项',
        terms: secretTerms,
        channel: '热线不受理，请向有关主管机关咨询',
        article: 'shanghai-962200 §7(3)',
      },
      {
        matter: '军队、武警管辖事项',
        terms: militaryTerms,
        channel: '请向军队、武警有关部门反映',
        article: 'shanghai-962200 §7(4)',
      },
    ],
    emergencyTerms: {
      terms: [...utilityEmergencyTerms, '重大突发', '突发事件', '群体性', '老人走失'],
      article: 'shanghai-962200 §15',
    },
  },
  satisfaction: {
    scale: standardSatisfactionScale,
    satisfied: ['satisfied'],
    ratings: 'overall',
    article: 'shanghai-962200 §24',
  },
  messages: {
    ...platformMessages,
    ratingLink: false,
    unitBeforeDeadline: null,
    paging: { urgencies: ['emergency', 'extra-urgent'], ackMinutes: 15, article: 'shanghai-962200 §15' },
  },
};
