import { beijingNumberComplaintCategory } from '../../policy/profiles/beijing-miyun';
import type { SchemeInput } from './scheme-schema';

/**
 * 北京市2014年度便民服务和应急抢险电话管理考评细则（区县政府）, beijing-miyun Annex 2 (附件2), 3 points:
 * §3(一) 按期办结率考评得分(1分)=1×年度平均办结率; §3(二) 反馈率考评得分(0.8分)=0.8×年度平均反馈率;
 * §3(三) 满意率考评得分(0.8分): 低于30%得0.2分，30%-39%得0.4分，40%-55%得0.6分，56%-74%得0.7分，75%及以上得0.8分
 * (read as [0,30%)→0.2, [30,40%)→0.4, [40,56%)→0.6, [56,75%)→0.7, [75,100%]→0.8);
 * §3(四) 监督投诉电话受理情况考评得分(0.4分)=0.4分-市民投诉成立次数×0.01分 (扣完0.4分为止).
 * Targets: beijing-miyun §21 (按期办结率100%、反馈率100%、群众满意率不低于75%、被投诉率为零).
 */
export const beijingMiyunScheme: SchemeInput = {
  id: 'beijing-miyun',
  name: '北京市便民服务和应急抢险电话管理考评（3分制）',
  version: '2014',
  source: { title: '北京市2014年度便民服务和应急抢险电话管理考评细则（区县政府）', article: 'beijing-miyun Annex 2 §2-§3' },
  profile: 'beijing-miyun',
  satisfied: ['satisfied'],
  upheldAppeal: 'remove-rating',
  // The profile's category for complaints about service numbers, and the default taxonomy's 服务号码不通.
  numberComplaintCategories: [beijingNumberComplaintCategory, '110202'],
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
  targets: { onTimeRate: 1, feedbackRate: 1, satisfactionRate: 0.75, upheldNumberComplaints: 0 },
};
