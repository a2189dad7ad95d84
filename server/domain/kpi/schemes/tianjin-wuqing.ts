import type { SchemeInput } from './scheme-schema';

/**
 * 武清区便民服务专线 考核 (tianjin-wuqing §28): "根据群众对服务的满意度制定便民服务专线绩效考评体系和考评办法"; §24:
 * "对督办仍不按要求办理的承办单位……予以通报，并在考核中予以扣分". The regulation names satisfaction as the basis and
 * a deduction for ignored supervision, but no weights or amounts; this scheme uses 100 points:
 * result satisfaction 60, on-time completion 30 (§19 办理时限), and 10 points for supervision less 2
 * per supervision not answered by its due time, our choice (docs/decisions/0003-assessment.md).
 * A unit with no supervision due keeps the 10 points.
 */
export const tianjinWuqingScheme: SchemeInput = {
  id: 'tianjin-wuqing',
  name: '武清区便民服务专线承办单位考核（百分制）',
  version: '2015',
  source: { title: '武清区便民服务专线管理规定实施细则', article: 'tianjin-wuqing §28' },
  profile: 'tianjin-wuqing',
  // Ratings, appeals, monthly means and missing rates: the scheme schema's defaults (SPEC §3.4, §6).
  components: [
    {
      kind: 'linear',
      indicator: 'resultSatisfactionRate',
      weight: 60,
      article: 'tianjin-wuqing §25, §28 (满意度; weight ours)',
    },
    {
      kind: 'linear',
      indicator: 'onTimeRate',
      weight: 30,
      article: 'tianjin-wuqing §19, §28 (办理时限; weight ours)',
    },
    {
      kind: 'deduction',
      indicator: 'ignoredSupervisionCount',
      base: 10,
      perUnit: 2,
      floor: 0,
      article: 'tianjin-wuqing §24 (督办仍不按要求办理的予以扣分; amounts ours)',
    },
  ],
  interview: null,
  targets: {},
};
