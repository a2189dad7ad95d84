import { describe, expect, it } from 'vitest';
import { normalizeText, segmentForIndex, segmentQuery, tokenize } from './segment';

describe('segmentation', () => {
  it.each([
    // User-dictionary terms stay whole (jieba alone splits 接诉/即/办 and 住/建委).
    ['接诉即办工作机制', ['接诉即办', '工作', '机制']],
    ['住建委', ['建委', '住建委']],
    // Search mode adds dictionary sub-words, so 社保 finds 社保卡 and 灵活就业 finds 灵活就业人员.
    ['社保卡丢了', ['社保', '社保卡', '丢']],
    ['灵活就业人员缴纳社保', ['灵活', '就业', '人员', '灵活就业', '灵活就业人员', '缴纳', '社保']],
    ['住房公积金贷款', ['住房', '公积', '积金', '公积金', '住房公积金', '贷款']],
  ])('%s', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it('drops punctuation, stopwords and question words', () => {
    expect(tokenize('请问，怎么办理居住证？')).toEqual(['办理', '居住', '居住证']);
  });

  it('normalises full-width characters and case; tokens are letters and digits only', () => {
    expect(normalizeText('ＡＢＣ１２３４５')).toBe('abc12345');
    expect(tokenize('拨打１２３４５热线')).toEqual(['拨打', '12345', '热线']);
    expect(tokenize('A3区的APP（v2.0）')).toEqual(['a3', '区', 'app', 'v2', '0']);
    for (const t of tokenize('“12345”热线：接诉即办！@#￥%……&*')) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
  });

  it('keeps repeats for the index and counts them for queries', () => {
    expect(segmentForIndex('油烟直排，油烟很大')).toBe('油烟 直排 油烟 很大');
    expect(segmentQuery('油烟直排，油烟很大')).toEqual([
      { term: '油烟', count: 2 },
      { term: '直排', count: 1 },
      { term: '很大', count: 1 },
    ]);
    expect(segmentForIndex('')).toBe('');
  });
});
