/** Shared data of the classifier tests. */
import type { FeatureParams } from './features';

export const topicParams: FeatureParams = { words: true, charMin: 1, charMax: 3 };

/** Three hand-made topics: wages, noise, water. */
export const handMadeTopics: readonly [string, string][] = [
  ['公司拖欠工资三个月', 'wage'],
  ['老板不发工资讨薪无果', 'wage'],
  ['工地拖欠农民工工资', 'wage'],
  ['单位欠薪不给加班费', 'wage'],
  ['拖欠工资要求支付', 'wage'],
  ['夜间施工噪音扰民', 'noise'],
  ['广场舞音响噪音太大', 'noise'],
  ['楼下酒吧深夜噪音', 'noise'],
  ['工地晚上施工噪音很吵', 'noise'],
  ['邻居装修噪音扰民', 'noise'],
  ['小区停水没有通知', 'water'],
  ['自来水水质发黄', 'water'],
  ['水管爆裂停水两天', 'water'],
  ['水压太低用不上水', 'water'],
  ['自来水停水何时恢复', 'water'],
];
