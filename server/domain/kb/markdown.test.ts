import { describe, expect, it } from 'vitest';
import { markdownToText } from './markdown';

describe('markdownToText', () => {
  it('drops Markdown syntax and raw HTML, keeping the words', () => {
    const md = [
      '# 办理条件',
      '',
      '> 依据《社会保险法》',
      '',
      '1. 携带**身份证**原件',
      '- 登录[政务服务网](https://zwfw.example.gov.cn)办理',
      '',
      '| 材料 | 份数 |',
      '| --- | --- |',
      '| 申请表 | 1 |',
      '',
      '<script>alert(1)</script>咨询电话 `12333`',
    ].join('\n');
    expect(markdownToText(md)).toBe(
      [
        '办理条件',
        '',
        '依据《社会保险法》',
        '',
        '携带身份证原件',
        '登录政务服务网办理',
        '',
        '材料 份数',
        '申请表 1',
        '',
        'alert(1)咨询电话 12333',
      ].join('\n'),
    );
  });
});
