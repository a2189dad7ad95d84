/**
 * Synonym groups expanded at query time (never at index time: the index keeps the words the
 * author wrote). A query word in a group matches any member of its group. Members are single
 * dictionary words (they are added to the user dictionary), so each is one lexeme.
 *
 * The groups below are the installation's starting list; the list in service is kept in the
 * database and maintained on the knowledge-base screen (kb_synonym_group).
 */
export const builtInSynonymGroups: readonly (readonly string[])[] = [
  ['社保', '社会保险'],
  ['公积金', '住房公积金'],
  ['医保', '医疗保险', '基本医疗保险'],
  ['低保', '最低生活保障'],
  ['身份证', '居民身份证'],
  ['居住证', '暂住证'],
  ['户口', '户籍'],
  ['养老金', '退休金', '退休工资'],
  ['失业金', '失业保险金'],
  ['欠薪', '拖欠工资', '工资拖欠', '讨薪', '不发工资', '欠工资', '拿不到工资'],
  ['住建委', '住建局', '住建部门', '住房和城乡建设局'],
  ['人社局', '人社部门', '人力资源和社会保障局'],
  ['市监局', '市场监管局', '市场监督管理局', '工商局'],
  ['城管', '城管局', '城管执法', '城市管理局'],
  ['卫健委', '卫生健康委', '卫生健康委员会', '卫生局'],
  ['环保局', '生态环境局'],
  ['噪音', '噪声', '吵闹', '太吵'],
  ['违建', '违章建筑', '违法建设', '违章搭建', '私搭乱建'],
  ['违停', '违章停车', '乱停车', '乱停乱放'],
  ['暖气', '供暖', '供热', '集中供热', '暖气片'],
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
  // What callers say for what the articles call it (口语).
  ['清运', '没人拉', '没人收', '垃圾堆积', '没人清理'],
  ['停水', '没水', '断水', '没有水'],
  ['停电', '没电', '断电', '跳闸'],
  ['拒载', '不拉客', '不载客'],
  ['不打表', '不打计价器', '不按表'],
  ['退费', '退钱', '退款', '不退钱'],
  ['坑洼', '路面塌陷'],
  ['井盖', '下水道盖', '窨井盖'],
  ['困人', '被困', '关在电梯'],
  ['油烟', '油烟味', '烟味'],
  ['落户', '上户口', '迁户口'],
  ['室温', '屋里冷', '家里冷', '暖气不热'],
  ['消防通道', '生命通道'],
  ['打不通', '没人接', '占线'],
  ['施工', '工地', '施工队'],
  ['广场舞', '跳舞'],
  ['异地就医', '外地看病', '外地就医'],
];

/** A word allowed in a group: 1-16 letters or digits (Chinese included), no spaces or marks. */
export const synonymWordPattern = /^[\p{L}\p{N}]{1,16}$/u;
export const maxGroupSize = 16;

/** Why a list of groups cannot be used: a malformed word, a tiny or huge group, a word in two groups. */
export function synonymProblems(groups: readonly (readonly string[])[]): string[] {
  const problems: string[] = [];
  const owner = new Map<string, number>();
  groups.forEach((g, i) => {
    if (g.length < 2) problems.push(`第 ${i + 1} 组至少需要两个词`);
    if (g.length > maxGroupSize) problems.push(`第 ${i + 1} 组最多 ${maxGroupSize} 个词`);
    for (const w of g) {
      if (!synonymWordPattern.test(w)) problems.push(`“${w}”不是一个词（只能是文字或数字，不超过 16 个字）`);
      const prev = owner.get(w);
      if (prev !== undefined && prev !== i) problems.push(`“${w}”已在第 ${prev + 1} 组`);
      owner.set(w, i);
    }
  });
  return problems;
}

/** Words normalised the way the segmenter normalises text (NFKC, lower case). */
export function normalizeSynonymWord(word: string): string {
  return word.normalize('NFKC').toLowerCase().trim();
}

/** Query-time expansion over one list of groups. */
export class SynonymIndex {
  private readonly byWord = new Map<string, readonly string[]>();

  constructor(readonly groups: readonly (readonly string[])[]) {
    for (const group of groups) {
      for (const word of group) {
        const known = this.byWord.get(word) ?? [];
        this.byWord.set(word, [...new Set([...known, ...group])]);
      }
    }
  }

  /** The word with its synonyms (the word first), or just the word. */
  expand(word: string): readonly string[] {
    const group = this.byWord.get(word);
    if (!group) return [word];
    return [word, ...group.filter((w) => w !== word)];
  }

  /** Every member of every group, for the user dictionary. */
  words(): string[] {
    return [...this.byWord.keys()];
  }
}

/** The starting list, used until the installation's list is loaded (and by tools without a database). */
export const builtInSynonyms = new SynonymIndex(builtInSynonymGroups);

/** Every member of every built-in group, for the user dictionary. */
export function synonymWords(): string[] {
  return builtInSynonyms.words();
}

/** The word with its synonyms from the built-in list (the word first), or just the word. */
export function expandSynonyms(word: string): readonly string[] {
  return builtInSynonyms.expand(word);
}
