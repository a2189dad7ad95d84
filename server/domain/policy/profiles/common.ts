import { satisfactionLabels } from '../../../../common/enums';

/** 满意 / 基本满意 / 不满意. */
export const standardSatisfactionScale = [
  { value: 'satisfied' as const, label: satisfactionLabels.satisfied },
  { value: 'basically-satisfied' as const, label: satisfactionLabels['basically-satisfied'] },
  { value: 'unsatisfied' as const, label: satisfactionLabels.unsatisfied },
];

/**
 * Words of a caller's account that point to an emergency channel (110 police, 119 fire, 120
 * ambulance) rather than the hotline: several regulations list such matters as out of scope.
 */
export const emergencyChannelTerms = [
  '着火',
  '起火',
  '失火',
  '火灾',
  '冒烟',
  '有人受伤',
  '受伤流血',
  '昏迷',
  '晕倒',
  '抢劫',
  '持刀',
  '斗殴',
  '绑架',
  '跳楼',
  '轻生',
  '自杀',
  '溺水',
  '车祸',
];

/** Matters in a legal procedure of their own (litigation, arbitration, review, petitions). */
export const legalProcedureTerms = ['起诉', '诉讼', '仲裁', '法院', '判决', '行政复议', '复查复核'];

/** Matters under military or armed-police jurisdiction. */
export const militaryTerms = ['军队', '武警', '部队营区', '军事管理区'];

/** State or commercial secrets and other people's private information. */
export const secretTerms = ['国家秘密', '商业秘密', '他人隐私', '查询他人'];

/** Utility and public-safety emergencies that need an emergency order at once. */
export const utilityEmergencyTerms = [
  '大面积停水',
  '大面积停电',
  '停气',
  '停暖',
  '燃气泄漏',
  '煤气泄漏',
  '天然气泄漏',
  '漏气',
  '爆管',
  '爆炸',
  '房屋倒塌',
  '塌方',
  '山体滑坡',
  '内涝',
  '洪水',
  '危及生命',
];

/**
 * The message settings no regulation sets, the same on every line: the citizen is told of the
 * intake and of the reply, nothing is sent 22:00-08:00, the unit is told of a dispatch and of a
 * reminder slip. What an article sets (reminders before a deadline, paging) stays in each profile.
 */
export const platformMessages = {
  citizenOnIntake: true,
  citizenOnReply: true,
  quietHours: { from: '22:00', to: '08:00' },
  unitOnDispatch: true,
  unitWithReminderSlip: true,
};
