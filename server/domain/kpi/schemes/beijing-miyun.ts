import { beijingMiyun, beijingNumberComplaintCategory } from '../../policy/profiles/beijing-miyun';
import type { SchemeInput } from './scheme-schema';

/** The profile's unit-warning rules (beijing-miyun §21, §30): the one source of their targets. */
const unitWarnings = beijingMiyun.unitWarnings;
if (!unitWarnings?.overdueComplaint) {
  throw new Error('beijing-miyun profile: unitWarnings.overdueComplaint is missing');
}
const overdueComplaint = unitWarnings.overdueComplaint;

/** One target missed → blue, two → yellow, three or more → red: our grading of §21 (decision 0007). */
const grading = 'beijing-miyun §21 (grading ours: docs/decisions/0007-unit-warnings.md)';
const escalation = [
  { misses: 1, level: 'blue', article: grading },
  { misses: 2, level: 'yellow', article: grading },
  { misses: 3, level: 'red', article: grading },
] as const;
// Only the levels the regulation names (红、黄、蓝, the profile's `levels`).
for (const step of [...escalation, overdueComplaint]) {
  if (!unitWarnings.levels.includes(step.level)) {
    throw new Error(
      `beijing-miyun scheme: warning level ${step.level} is not one of the profile's ${unitWarnings.levels.join(', ')}`,
    );
  }
}

/**
 * 北京市2014年度便民服务和应急抢险电话管理考评细则（区县政府）, beijing-miyun Annex 2 (附件2), 3 points:
 * §3(一) 按期办结率考评得分(1分)=1×年度平均办结率; §3(二) 反馈率考评得分(0.8分)=0.8×年度平均反馈率;
 * §3(三) 满意率考评得分(0.8分): 低于30%得0.2分，30%-39%得0.4分，40%-55%得0.6分，56%-74%得0.7分，75%及以上得0.8分
 * (read as [0,30%)→0.2, [30,40%)→0.4, [40,56%)→0.6, [56,75%)→0.7, [75,100%]→0.8);
 * §3(四) 监督投诉电话受理情况考评得分(0.4分)=0.4分-市民投诉成立次数×0.01分 (扣完0.4分为止).
 * Targets: beijing-miyun §21 (按期办结率100%、反馈率100%、群众满意率不低于75%、被投诉率为零), taken from the
 * profile. Warnings (§21 红、黄、蓝预警督查机制; §30 超期1个工作日 → 黄色预警): the article does not grade the
 * levels; one target missed → blue, two → yellow, three or more → red, an overdue complaint about
 * a service number → yellow at least (docs/decisions/0007-unit-warnings.md).
 */
export const beijingMiyunScheme: SchemeInput = {
  id: 'beijing-miyun',
  name: '北京市便民服务和应急抢险电话管理考评（3分制）',
  version: '2014',
  source: {
    title: '北京市2014年度便民服务和应急抢险电话管理考评细则（区县政府）',
    article: 'beijing-miyun Annex 2 §2-§3',
  },
  profile: 'beijing-miyun',
  satisfied: ['satisfied'],
  upheldAppeal: 'remove-rating',
  // The profile's category for complaints about service numbers (§30 names it for the overdue
  // warning; §26-§29, Annex 2 §2(4) count the same complaints), and the default taxonomy's 服务号码不通.
  numberComplaintCategories: [
    ...new Set([beijingNumberComplaintCategory, overdueComplaint.category]),
    '110202',
  ],
  aggregation: 'monthly-mean',
  missingRate: 'rescale',
  components: [
    { kind: 'linear', indicator: 'onTimeRate', weight: 1, article: 'beijing-miyun Annex 2 §3(一)' },
    { kind: 'linear', indicator: 'feedbackRate', weight: 0.8, article: 'beijing-miyun Annex 2 §3(二)' },
    {
      kind: 'tiers',
      indicator: 'satisfactionRate',
      tiers: [
        { from: 0, points: 0.2 },
        { from: 0.3, points: 0.4 },
        { from: 0.4, points: 0.6 },
        { from: 0.56, points: 0.7 },
        { from: 0.75, points: 0.8 },
      ],
      article: 'beijing-miyun Annex 2 §3(三)',
    },
    {
      kind: 'deduction',
      indicator: 'upheldNumberComplaints',
      base: 0.4,
      perUnit: 0.01,
      floor: 0,
      article: 'beijing-miyun Annex 2 §2(4), §3(四)',
    },
  ],
  interview: null,
  targets: { ...unitWarnings.targets },
  warnings: {
    escalation: escalation.map((step) => ({ ...step })),
    overdueComplaint: {
      workingDaysAfter: overdueComplaint.workingDaysAfter,
      level: overdueComplaint.level,
      article: overdueComplaint.article,
    },
    article: unitWarnings.article,
  },
};
