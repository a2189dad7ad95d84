import type { SchemeInput } from './scheme-schema';

/**
 * 淄博12345 考核 (zibo-12345 §20): "重点考核按时办结率、服务过程满意率、办理结果满意率……对在考核中连续三个月排名后3位的……
 * 由市政府分管副市长约谈相关承办单位负责人。" The regulation names the indicators but no weights; this
 * scheme uses 100 points: on-time 40, process satisfaction 30, result satisfaction 30 (our
 * choice, docs/decisions/0003-assessment.md); a site changes them with its own scheme file.
 */
export const zibo12345Scheme: SchemeInput = {
  id: 'zibo-12345',
  name: '淄博12345政务服务便民热线承办单位考核（百分制）',
  version: '2021',
  source: { title: '淄博12345政务服务便民热线运行管理办法(试行)', article: 'zibo-12345 §20' },
  profile: 'zibo-12345',
  // Ratings, appeals, monthly means and missing rates: the scheme schema's defaults (SPEC §3.4, §6).
  /** zibo-12345 §11(6): "超期回退的视为超期办理件". */
  lateReturnsOverdue: true,
  components: [
    {
      kind: 'linear',
      indicator: 'onTimeRate',
      weight: 40,
      article: 'zibo-12345 §20 (按时办结率; weight ours)',
    },
    {
      kind: 'linear',
      indicator: 'processSatisfactionRate',
      weight: 30,
      article: 'zibo-12345 §20 (服务过程满意率; weight ours)',
    },
    {
      kind: 'linear',
      indicator: 'resultSatisfactionRate',
      weight: 30,
      article: 'zibo-12345 §20 (办理结果满意率; weight ours)',
    },
  ],
  interview: { bottom: 3, months: 3, article: 'zibo-12345 §20' },
  targets: {},
};
