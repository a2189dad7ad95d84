import type { ProfileInput } from '../profile-schema';
import {
  emergencyChannelTerms,
  legalProcedureTerms,
  platformMessages,
  secretTerms,
  standardSatisfactionScale,
  utilityEmergencyTerms,
} from './common';

/** 淄博12345政务服务便民热线运行管理办法(试行), 淄博市人民政府办公室, 2021-02-04. */
export const zibo12345: ProfileInput = {
  id: 'zibo-12345',
  name: '淄博12345政务服务便民热线',
  version: '2021-02-04',
  regulation: {
    title: '淄博12345政务服务便民热线运行管理办法(试行)',
    issuer: '淄博市人民政府办公室',
    date: '2021-02-04',
  },
  timezone: 'Asia/Shanghai',
  endOfDay: '23:59:59',
  workingWindows: [],
  limits: {
    dispatch: {
      default: { amount: 1, unit: 'wd', start: 'arrival', article: 'zibo-12345 §11(2)' },
      cases: [
        {
          when: { urgency: ['emergency', 'extra-urgent'] },
          limit: {
            kind: 'no-limit',
            article: 'zibo-12345 §11(2), §13',
            note: '紧急事项及时转办',
          },
        },
      ],
    },
    handle: {
      default: { amount: 5, unit: 'wd', start: 'dispatch', article: 'zibo-12345 §11(3)' },
      cases: [],
    },
    return: {
      default: { amount: 2, unit: 'wd', start: 'dispatch', article: 'zibo-12345 §11(6)' },
      cases: [
        {
          when: { level: ['province'] },
          limit: { amount: 1, unit: 'wd', start: 'dispatch', article: 'zibo-12345 §11(6) (省级工单)' },
        },
      ],
    },
    feedback: {
      default: {
        kind: 'no-limit',
        article: 'zibo-12345 §11(5)',
        note: '在办理时限内反馈办理结果',
      },
      cases: [],
    },
  },
  extension: {
    requestLeadWd: 0,
    maxWorkingDays: 5,
    maxCount: 1,
    relayToCity: false,
    article: 'zibo-12345 §11(4)',
    cases: [
      { when: { level: ['province'] }, terms: { requestLeadWd: 1, article: 'zibo-12345 §11(4) (省级工单)' } },
    ],
  },
  callback: {
    limit: {
      default: {
        kind: 'no-limit',
        article: 'zibo-12345 §11(8)',
        note: '答复审核通过后回访',
      },
      cases: [],
    },
    channel: 'phone',
    sampling: [{ by: 'platform', minRate: 1, period: 'order', article: 'zibo-12345 §11(8)' }],
    article: 'zibo-12345 §11(8)',
  },
  emergency: {
    urgencies: ['emergency', 'extra-urgent'],
    initialResponse: { kind: 'duration', amount: 2, unit: 'h', start: 'dispatch', article: 'zibo-12345 §13' },
    result: { unit: 'wd', start: 'dispatch', min: 1, max: 3, default: 3, article: 'zibo-12345 §13' },
    reports: [],
    article: 'zibo-12345 §13',
  },
  lights: {
    yellow: { workingDaysBefore: 1 },
    red: { workingDaysAfter: 1, reminderSlip: true },
    article: 'zibo-12345 §12',
  },
  unitWarnings: null,
  supervision: {
    triggers: [
      { trigger: 'overdue', office: '市政府市民投诉中心', article: 'zibo-12345 §15(1)' },
      { trigger: 'repeat-complaint', office: '市政府市民投诉中心', article: 'zibo-12345 §15(2)' },
      { trigger: 'low-rank', office: '市政府市民投诉中心', article: 'zibo-12345 §15(4)' },
      { trigger: 'kb-outdated', office: '市政府市民投诉中心', article: 'zibo-12345 §15(5)' },
      { trigger: 'leader-instruction', office: '市政府市民投诉中心', article: 'zibo-12345 §16' },
      { trigger: 'other', office: '市政府市民投诉中心', article: 'zibo-12345 §15(3), §15(6)' },
    ],
    modes: null,
    respondWithin: null,
    repeatCalls: {
      trigger: 'repeat-complaint',
      windowDays: 30,
      minRepeats: 1,
      unsatisfiedOnly: false,
      article: 'zibo-12345 §15(2)',
      note: '办理完毕后多次反弹、重复投诉；条款未规定期间，取办结后 30 个自然日',
    },
    article: 'zibo-12345 §12, §15',
  },
  intake: {
    outOfScope: [
      {
        matter: '紧急求助（非紧急诉求以外）',
        terms: emergencyChannelTerms,
        channel: '请拨打110、119、120等紧急电话',
        article: 'zibo-12345 §3',
      },
      {
        matter: '应通过诉讼、仲裁、行政复议解决的事项',
        terms: legalProcedureTerms,
        channel: '请通过诉讼、仲裁或行政复议途径解决',
        article: 'zibo-12345 §3',
      },
      {
        matter: '纪检监察事项',
        terms: ['纪委', '纪检', '监察委', '违纪'],
        channel: '请向纪检监察机关反映',
        article: 'zibo-12345 §3',
      },
      {
        matter: '政府信息公开申请',
        terms: ['信息公开申请', '申请政府信息公开', '依申请公开'],
        channel: '请按政府信息公开途径提出申请',
        article: 'zibo-12345 §3',
      },
      {
        matter: '已进入信访渠道的事项',
        terms: ['信访', '上访'],
        channel: '请通过信访渠道继续办理',
        article: 'zibo-12345 §3',
      },
      {
        matter: '国家秘密、商业秘密、个人隐私事项',
        terms: secretTerms,
        channel: '热线不受理，请向有关主管机关咨询',
        article: 'zibo-12345 §3',
      },
    ],
    emergencyTerms: {
      terms: [...utilityEmergencyTerms, '灾情', '疫情', '环境污染', '公共安全'],
      article: 'zibo-12345 §13',
    },
  },
  satisfaction: {
    scale: standardSatisfactionScale,
    satisfied: ['satisfied'],
    ratings: 'process-and-result',
    article: 'zibo-12345 §11(8), §11(10)',
  },
  messages: {
    ...platformMessages,
    ratingLink: true,
    unitBeforeDeadline: { hoursBefore: 24, article: 'zibo-12345 §12' },
    paging: { urgencies: ['emergency', 'extra-urgent'], ackMinutes: 15, article: 'zibo-12345 §13' },
  },
};
