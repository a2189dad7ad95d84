import { describe, expect, it } from 'vitest';
import { analyzeQuery, orQuery, quoteLexeme } from './query';
import { builtInSynonymGroups, expandSynonyms, SynonymIndex, synonymProblems } from './synonyms';

describe('synonyms', () => {
  it('expands a word to its group, the word first', () => {
    expect(expandSynonyms('社保')).toEqual(['社保', '社会保险']);
    expect(expandSynonyms('住房公积金')).toEqual(['住房公积金', '公积金']);
    expect(expandSynonyms('医疗保险')).toEqual(['医疗保险', '医保', '基本医疗保险']);
    expect(expandSynonyms('小区')).toEqual(['小区']);
  });

  it('has no word in two groups (expansion would depend on group order)', () => {
    const seen = new Set<string>();
    for (const w of builtInSynonymGroups.flat()) {
      expect(seen.has(w), w).toBe(false);
      seen.add(w);
    }
    expect(synonymProblems(builtInSynonymGroups)).toEqual([]);
  });

  it('refuses a list with a word in two groups, a one-word group or a phrase with spaces', () => {
    expect(synonymProblems([['暖气', '供暖'], ['供暖', '采暖'], ['欠薪'], ['垃圾 清运', '清运']])).toEqual([
      '“供暖”已在第 1 组',
      '第 3 组至少需要两个词',
      '“垃圾 清运”不是一个词（只能是文字或数字，不超过 16 个字）',
    ]);
  });

  it('expands over the list it was given, not the built-in one', () => {
    const own = new SynonymIndex([['煤气', '燃气', '天然气']]);
    expect(own.expand('燃气')).toEqual(['燃气', '煤气', '天然气']);
    expect(own.expand('社保')).toEqual(['社保']);
    expect(own.words().sort()).toEqual(['天然气', '煤气', '燃气']);
  });
});

describe('query analysis', () => {
  it('turns tokens into concepts with synonyms and drops lone characters when other words exist', () => {
    expect(analyzeQuery('社保卡丢了怎么补办')).toEqual([
      { word: '社保', terms: ['社保', '社会保险'], count: 1 },
      { word: '社保卡', terms: ['社保卡'], count: 1 },
      { word: '补办', terms: ['补办'], count: 1 },
    ]);
    expect(analyzeQuery('丢')).toEqual([{ word: '丢', terms: ['丢'], count: 1 }]);
    expect(analyzeQuery('？！的了')).toEqual([]);
  });

  it('builds OR queries from quoted lexemes, never from raw text', () => {
    expect(orQuery(['社保', '社会保险', '社保'])).toBe("'社保' | '社会保险'");
    expect(quoteLexeme("a'b\\c")).toBe("'a''b\\\\c'");
    expect(orQuery([])).toBe('');
    // Operators typed by the user never reach the query: they are not letters or digits.
    const words = analyzeQuery("社保 & !公积金 | '").flatMap((c) => c.terms);
    expect(orQuery(words)).toBe("'社保' | '社会保险' | '公积金' | '住房公积金'");
  });

  it('drops fragments of longer query words unless they are terms of their own', () => {
    // 公积/积金 are jieba sub-words of 公积金; 社保 inside 社保卡 is a term (a synonym group member).
    expect(analyzeQuery('公积金提取').map((c) => c.word)).toEqual(['提取', '公积金', '公积金提取']);
    expect(analyzeQuery('社保卡').map((c) => c.word)).toEqual(['社保', '社保卡']);
  });
});
