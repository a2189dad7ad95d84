import type { SchemeInput } from './scheme-schema';

/**
 * 上海"962200"社区服务热线 考核 (shanghai-962200 §24): "重点考核按时办结率、回访满意率、信息库及时更新情况等。"
 * No weights in the regulation; this scheme uses 100 points: on-time 40, callback satisfaction
 * (the result rating) 40, information-database timeliness 20 (shanghai §14: upload within 5
 * working days of release), our choice (docs/decisions/0003-assessment.md). Timeliness comes
 * from the knowledge base's policy notices; where an installation keeps none, the component has
 * no value and the other two are scaled to 100.
 */
export const shanghai962200Scheme: SchemeInput = {
  id: 'shanghai-962200',
  name: '上海"962200"社区服务热线承办单位考核（百分制）',
  version: '2017',
  source: { title: '上海市"962200"社区服务热线管理办法', article: 'shanghai-962200 §24' },
  profile: 'shanghai-962200',
  // Ratings, appeals, monthly means and missing rates: the scheme schema's defaults (SPEC §3.4, §6).
  components: [
    {
      kind: 'linear',
      indicator: 'onTimeRate',
      weight: 40,
      article: 'shanghai-962200 §24 (按时办结率; weight ours)',
    },
    {
      kind: 'linear',
      indicator: 'resultSatisfactionRate',
      weight: 40,
      article: 'shanghai-962200 §24 (回访满意率; weight ours)',
    },
    {
      kind: 'linear',
      indicator: 'kbTimelinessRate',
      weight: 20,
      article: 'shanghai-962200 §14, §24 (信息库及时更新; weight ours)',
    },
  ],
  interview: null,
  targets: {},
};
