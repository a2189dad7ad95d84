import { describe, expect, it } from 'vitest';
import { buildSnippet, escapeHtml, findHits, highlight } from './snippet';

describe('snippets', () => {
  it('marks every term in a title, longest match first, escaping the rest', () => {
    expect(highlight('社保卡<补办>流程', ['社保', '社保卡', '补办'])).toBe(
      '<mark>社保卡</mark>&lt;<mark>补办</mark>&gt;流程',
    );
    expect(highlight('无命中', ['社保'])).toBe('无命中');
  });

  it('matches case- and width-insensitively, reporting offsets in the original text', () => {
    const hits = findHits('拨打ＡＰＰ或App', ['app']);
    expect(hits.map((h) => [h.start, h.end])).toEqual([
      [2, 5],
      [6, 9],
    ]);
    expect(highlight('拨打ＡＰＰ', ['app'])).toBe('拨打<mark>ＡＰＰ</mark>');
  });

  it('picks the window with the most distinct terms and marks elisions', () => {
    const text = `${'无关内容。'.repeat(30)}办理居住证需要携带身份证和租房合同。${'其他说明。'.repeat(30)}`;
    const s = buildSnippet(text, ['居住证', '身份证', '租房'], 40);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('<mark>居住证</mark>需要携带<mark>身份证</mark>和<mark>租房</mark>合同');
  });

  it('falls back to the opening of the text when nothing matches', () => {
    expect(buildSnippet('短文本', ['缺'], 10)).toBe('短文本');
    expect(buildSnippet('一二三四五六七八九十十一', ['缺'], 5)).toBe('一二三四五…');
  });

  it('escapes markup so snippets are safe to insert as HTML', () => {
    expect(escapeHtml('<script>"x"&</script>')).toBe('&lt;script&gt;&quot;x&quot;&amp;&lt;/script&gt;');
    expect(buildSnippet('<img src=x onerror=alert(1)>社保', ['社保'])).toBe(
      '&lt;img src=x onerror=alert(1)&gt;<mark>社保</mark>',
    );
  });
});
