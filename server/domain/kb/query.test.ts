import { describe, expect, it } from 'vitest';
import { analyzeQuery, orQuery, quoteLexeme } from './query';
import { expandSynonyms, synonymGroups } from './synonyms';

describe('synonyms', () => {
  it('expands a word to its group, the word first', () => {
    expect(expandSynonyms('社保')).toEqual(['社保', '社会保险']);
    expect(expandSynonyms('住房公积金')).toEqual(['住房公积金', '公积金']);
    expect(expandSynonyms('医疗保险')).toEqual(['医疗保险', '医保', '基本医疗保险']);
    expect(expandSynonyms('小区')).toEqual(['小区']);
  });

  it('has no word in two groups (expansion would depend on group order)', () => {
    const seen = new Set<string>();
    for (const w of synonymGroups.flat()) {
      expect(seen.has(w), w).toBe(false);
      seen.add(w);
    }
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
