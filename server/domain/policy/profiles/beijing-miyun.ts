import type { ProfileInput } from '../profile-schema';
import {
  emergencyChannelTerms,
  platformMessages,
  standardSatisfactionScale,
  utilityEmergencyTerms,
} from './common';

/** Category of complaints about a unit's service or emergency-repair number (§26-§30). */
export const beijingNumberComplaintCategory = 'service-number-complaint';

/** 密云县便民服务和应急抢险电话管理办法实施细则 (密政办字〔2014〕27号), 2014-11-27. */
export const beijingMiyun: ProfileInput = {
  id: 'beijing-miyun',
  name: '密云县便民服务和应急抢险电话',
  version: '2014-11-27',
  regulation: {
    title: '密云县便民服务和应急抢险电话管理办法实施细则',
    issuer: '北京市密云县人民政府办公室',
    date: '2014-11-27',
    docNo: '密政办字〔2014〕27号',
  },
  timezone: 'Asia/Shanghai',
  endOfDay: '23:59:59',
  workingWindows: [],
  limits: {
    handle: {
      default: { amount: 7, unit: 'nd', start: 'dispatch', article: 'beijing-miyun §17' },
      cases: [
        {
          label: '便民服务电话投诉',
          when: { category: [beijingNumberComplaintCategory] },
          limit: { amount: 7, unit: 'nd', start: 'dispatch', article: 'beijing-miyun §27' },
        },
      ],
    },
    feedback: {
      default: { amount: 10, unit: 'wd', start: 'accept', article: 'beijing-miyun §19' },
      cases: [],
    },
  },
  extension: {
    requestLeadWd: 0,
    maxWorkingDays: 3,
    maxCount: 1,
    relayToCity: false,
    article: 'beijing-miyun §17',
    cases: [
      {
        label: '便民服务电话投诉',
        when: { category: [beijingNumberComplaintCategory] },
        terms: { requestLeadWd: 2, maxWorkingDays: 3, article: 'beijing-miyun §28' },
      },
    ],
  },
  callback: {
    limit: {
      default: { amount: 7, unit: 'nd', start: 'close', article: 'beijing-miyun §22' },
      cases: [],
    },
    channel: 'any',
    sampling: [
      { by: 'unit', minRate: 0.7, period: 'order', article: 'beijing-miyun §22' },
      { by: 'county', minRate: 0.5, period: 'order', article: 'beijing-miyun §22' },
      { by: 'city', minRate: 0.3, period: 'order', article: 'beijing-miyun §22, Annex 2 §2(2)' },
    ],
    article: 'beijing-miyun §22',
  },
  emergency: {
    urgencies: ['emergency', 'extra-urgent'],
    initialResponse: null,
    result: null,
    reports: [
      {
        kind: 'duration',
        form: 'any',
        amount: 0.5,
        unit: 'h',
        start: 'occurrence',
        article: 'beijing-miyun §8',
        note: '重大突发事件半小时内报告应急管理部门',
      },
    ],
    article: 'beijing-miyun §8',
  },
  lights: null,
  unitWarnings: {
    levels: ['red', 'yellow', 'blue'],
    targets: { onTimeRate: 1, feedbackRate: 1, satisfactionRate: 0.75, upheldNumberComplaints: 0 },
    overdueComplaint: {
      category: beijingNumberComplaintCategory,
      workingDaysAfter: 1,
      level: 'yellow',
      article: 'beijing-miyun §30',
    },
    article: 'beijing-miyun §21',
  },
  supervision: {
    triggers: [
      { trigger: 'overdue', office: '县非紧急救助服务中心', article: 'beijing-miyun §7, §30' },
      { trigger: 'unsatisfied-fault', office: '县非紧急救助服务中心', article: 'beijing-miyun §22' },
    ],
    modes: ['system', 'written', 'phone'],
    respondWithin: null,
    repeatCalls: null,
    article: 'beijing-miyun §7, §20, §22, §30',
  },
  intake: {
    outOfScope: [
      {
        matter: '紧急报警求助',
        terms: emergencyChannelTerms,
        channel: '请拨打110、122、120、999、119等紧急报警电话',
        article: 'beijing-miyun §2',
      },
    ],
    emergencyTerms: {
      terms: utilityEmergencyTerms,
      article: 'beijing-miyun §2, §8',
    },
  },
  satisfaction: {
    scale: standardSatisfactionScale,
    satisfied: ['satisfied'],
    ratings: 'overall',
    article: 'beijing-miyun Annex 2 §2(3)',
  },
  calls: { targets: [{ figure: 'within10sRate', target: 1, article: 'beijing-miyun §14' }] },
  messages: {
    ...platformMessages,
    ratingLink: false,
    unitBeforeDeadline: { hoursBefore: 24, article: 'beijing-miyun §20' },
    paging: { urgencies: ['emergency', 'extra-urgent'], ackMinutes: 15, article: 'beijing-miyun §8' },
  },
};
