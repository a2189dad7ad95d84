/**
 * Synonym groups expanded at query time (never at index time: the index keeps the words the
 * author wrote). A query word in a group matches any member of its group. Members are single
 * dictionary words (they are added to the user dictionary), so each is one lexeme.
 */
export const synonymGroups: readonly (readonly string[])[] = [
  ['社保', '社会保险'],
  ['公积金', '住房公积金'],
  ['医保', '医疗保险', '基本医疗保险'],
  ['低保', '最低生活保障'],
  ['身份证', '居民身份证'],
  ['居住证', '暂住证'],
  ['户口', '户籍'],
  ['养老金', '退休金', '退休工资'],
  ['失业金', '失业保险金'],
  ['欠薪', '拖欠工资', '工资拖欠', '讨薪'],
  ['住建委', '住建局', '住建部门', '住房和城乡建设局'],
  ['人社局', '人社部门', '人力资源和社会保障局'],
  ['市监局', '市场监管局', '市场监督管理局', '工商局'],
  ['城管', '城管局', '城管执法', '城市管理局'],
  ['卫健委', '卫生健康委', '卫生健康委员会', '卫生局'],
  ['环保局', '生态环境局'],
  ['噪音', '噪声'],
  ['违建', '违章建筑', '违法建设', '违章搭建', '私搭乱建'],
  ['违停', '违章停车', '乱停车'],
  ['暖气', '供暖', '集中供热'],
  ['电动车', '电动自行车'],
  ['网约车', '网络预约出租汽车'],
  ['个税', '个人所得税'],
  ['公租房', '公共租赁住房'],
  ['经适房', '经济适用房', '经济适用住房'],
  ['房产证', '不动产权证'],
  ['物业费', '物业服务费'],
  ['业委会', '业主委员会'],
  ['幼儿园', '托幼机构'],
  ['核酸', '核酸检测'],
];

/** Every member of every group, for the user dictionary. */
export function synonymWords(): string[] {
  return synonymGroups.flat();
}

const index = new Map<string, readonly string[]>();
for (const group of synonymGroups) {
  for (const word of group) {
    const known = index.get(word) ?? [];
    index.set(word, [...new Set([...known, ...group])]);
  }
}

/** The word with its synonyms (the word first), or just the word. */
export function expandSynonyms(word: string): readonly string[] {
  const group = index.get(word);
  if (!group) return [word];
  return [word, ...group.filter((w) => w !== word)];
}
