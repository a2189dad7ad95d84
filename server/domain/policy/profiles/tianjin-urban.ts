import type { ProfileInput } from '../profile-schema';
import { platformMessages, standardSatisfactionScale } from './common';

/** Categories that follow their own professional rules (tianjin-urban §8(1), §10). */
export const tianjinUrbanSectorCategories = ['heating', 'gas', 'road-bridge'];

const sectorRule = {
  kind: 'no-limit' as const,
  article: 'tianjin-urban §8(1), §10',
  note: '供热、燃气、市政道桥工单按照相关专业规定处理（由本地配置设定各专业时限）',
};

/** 便民服务专线工作管理办法 (津城管巡〔2021〕52号), 天津市城市管理委员会, 2021-04-02. */
export const tianjinUrban: ProfileInput = {
  id: 'tianjin-urban',
  name: '天津市城市管理委便民服务专线',
  version: '2021-04-02',
  regulation: {
    title: '便民服务专线工作管理办法',
    issuer: '天津市城市管理委员会',
    date: '2021-04-02',
    docNo: '津城管巡〔2021〕52号',
  },
  timezone: 'Asia/Shanghai',
  endOfDay: '23:59:59',
  // §8(1): 工作日期间 (9:00至16:00).
  workingWindows: [{ from: '09:00', to: '16:00' }],
  limits: {
    dispatch: {
      default: {
        kind: 'no-limit',
        article: 'tianjin-urban §8(3)',
        note: '承办工单由各平台主管部门审核后转办',
      },
      cases: [],
    },
    receive: {
      default: {
        kind: 'office-hours',
        start: 'arrival',
        withinHours: 3,
        offHoursHours: 3,
        longHoliday: { minDays: 5, hours: 24 },
        article: 'tianjin-urban §8(1)',
      },
      cases: [
        {
          label: '供热、燃气、市政道桥',
          when: { category: tianjinUrbanSectorCategories },
          limit: sectorRule,
        },
        {
          label: '特急件',
          when: { urgency: ['extra-urgent'] },
          limit: { amount: 1, unit: 'h', start: 'arrival', article: 'tianjin-urban §8(1) (特急件)' },
        },
      ],
    },
    firstContact: {
      default: {
        kind: 'no-limit',
        article: 'tianjin-urban §8(4)',
        note: '第一时间联系反映人',
      },
      cases: [],
    },
    handle: {
      default: { amount: 6, unit: 'wd', start: 'arrival', article: 'tianjin-urban §8(5) (普通件)' },
      cases: [
        {
          label: '供热、燃气、市政道桥',
          when: { category: tianjinUrbanSectorCategories },
          limit: sectorRule,
        },
        {
          label: '急件',
          when: { urgency: ['urgent'] },
          limit: { amount: 2, unit: 'wd', start: 'arrival', article: 'tianjin-urban §8(5) (急件)' },
        },
        {
          label: '紧急件',
          when: { urgency: ['emergency'] },
          limit: { amount: 1, unit: 'wd', start: 'arrival', article: 'tianjin-urban §8(5) (紧急件)' },
        },
        {
          label: '特急件',
          when: { urgency: ['extra-urgent'] },
          limit: { amount: 0.5, unit: 'h', start: 'arrival', article: 'tianjin-urban §8(5) (特急件)' },
        },
      ],
    },
    // §8(4)-(5): the unit returns within 8 hours of receiving the order (接到承办工单后), i.e. its sign-for.
    return: {
      default: { amount: 8, unit: 'h', start: 'accept', article: 'tianjin-urban §8(5)' },
      cases: [],
    },
  },
  extension: {
    // §8(6): a unit that cannot finish within the limit tells the citizen and its platform,
    // which applies to the city line: the request is due by the deadline itself.
    requestLeadWd: 0,
    maxWorkingDays: null,
    maxCount: null,
    relayToCity: true,
    article: 'tianjin-urban §8(6)',
    cases: [],
  },
  callback: null,
  emergency: null,
  lights: null,
  unitWarnings: null,
  satisfaction: {
    scale: standardSatisfactionScale,
    satisfied: ['satisfied'],
    ratings: 'overall',
    // §7(2): 对市便民服务专线回访的办理不满意工单再次进行办理.
    compulsoryRedo: { article: 'tianjin-urban §7(2)' },
    article: 'tianjin-urban §5(5), §6(3), §7(2)',
  },
  messages: {
    ...platformMessages,
    ratingLink: false,
    unitBeforeDeadline: null,
    paging: { urgencies: ['extra-urgent'], ackMinutes: 15, article: 'tianjin-urban §4(7)' },
  },
};
