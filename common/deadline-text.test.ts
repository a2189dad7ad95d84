import { describe, expect, it } from 'vitest';
import { chineseNumeral, citationNames, citeArticle } from './article-citation';
import type { DeadlineExplanation } from './contracts/deadline-explanation';
import { renderExplanation } from './deadline-text';

const count = (over: Partial<Extract<DeadlineExplanation[number], { kind: 'count' }>> = {}) => ({
  kind: 'count' as const,
  amount: 5,
  unit: 'wd' as const,
  // 2026-09-30 10:05 in Shanghai
  from: '2026-09-30T02:05:00.000Z',
  special: [],
  suspendedDays: 0,
  suspendedMinutes: 0,
  endOfDay: null,
  ...over,
});

describe('article citations in Chinese', () => {
  it('numbers articles and items in Chinese numerals', () => {
    expect([1, 10, 11, 20, 23, 105, 110].map(chineseNumeral)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十三',
      '一百零五',
      '一百一十',
    ]);
  });
  it('zibo-12345 §11(2) → 淄博12345 第十一条第（二）项', () => {
    expect(citeArticle('zibo-12345 §11(2)')).toBe('淄博12345 第十一条第（二）项');
  });
  it('lists, ranges, annexes and a qualifier', () => {
    expect(citeArticle('zibo-12345 §11(2), §13')).toBe('淄博12345 第十一条第（二）项、第十三条');
    expect(citeArticle('tianjin-wuqing §23-§24')).toBe('武清区便民服务专线 第二十三条至第二十四条');
    expect(citeArticle('beijing-miyun §22, Annex 2 §2(2)')).toBe(
      '密云县便民服务和应急抢险电话 第二十二条、附件二第二条第（二）项',
    );
    expect(citeArticle('zibo-12345 §11(6) (省级工单)')).toBe('淄博12345 第十一条第（六）项（省级工单）');
  });
  it('a site profile is cited by its own name', () => {
    const names = citationNames({ id: 'yunchuan-12345', name: '云川12345' });
    expect(citeArticle('yunchuan-12345 §8(1)', names)).toBe('云川12345 第八条第（一）项');
    expect(citationNames({ id: 'zibo-12345', name: '淄博12345政务服务便民热线' })).toEqual({});
  });
});

describe('deadline explanations in Chinese', () => {
  it('working days with the National Day holiday and a make-up day, citing the article', () => {
    const steps: DeadlineExplanation = [
      count({
        special: [
          { kind: 'holiday', from: '2026-10-01', to: '2026-10-07' },
          { kind: 'makeup', day: '2026-10-10' },
        ],
      }),
      { kind: 'rule', article: 'zibo-12345 §11(3)' },
    ];
    expect(renderExplanation(steps)).toBe(
      '自 2026-09-30 10:05 起 5 个工作日（10月1日至7日放假，10月10日调休上班）；依据 淄博12345 第十一条第（三）项',
    );
  });
  it('a holiday across months, suspended days, a cut-off at 17:00', () => {
    const steps: DeadlineExplanation = [
      count({
        special: [{ kind: 'holiday', from: '2026-12-31', to: '2027-01-03' }],
        suspendedDays: 2,
        endOfDay: '17:00:00',
      }),
    ];
    expect(renderExplanation(steps)).toBe(
      '自 2026-09-30 10:05 起 5 个工作日（12月31日至1月3日放假；挂起 2 个工作日不计；截至当日 17:00）',
    );
  });
  it('hours with suspended minutes; natural days', () => {
    expect(renderExplanation([count({ amount: 2, unit: 'h', suspendedMinutes: 30 })])).toBe(
      '自 2026-09-30 10:05 起 2 小时（挂起 30 分钟不计）',
    );
    expect(renderExplanation([count({ amount: 7, unit: 'nd' })])).toBe('自 2026-09-30 10:05 起 7 个自然日');
  });
  it('an emergency result clamped, an extension, an open suspension, a provisional year', () => {
    const steps: DeadlineExplanation = [
      { kind: 'emergency-result', requested: 5, applied: 3, min: 1, max: 3, unit: 'wd' },
      count({ amount: 3 }),
      {
        kind: 'extension',
        workingDays: 5,
        special: [{ kind: 'makeup', day: '2026-10-10' }],
        article: 'zibo-12345 §11(4)',
      },
      // 2026-10-12 09:00 in Shanghai
      { kind: 'suspended', since: '2026-10-12T01:00:00.000Z' },
      { kind: 'provisional', years: [2027] },
      { kind: 'rule', article: 'zibo-12345 §13' },
    ];
    expect(renderExplanation(steps)).toBe(
      '紧急事项办理结果时限（指定 5 个工作日，限 1 至 3 个工作日）：自 2026-09-30 10:05 起 3 个工作日' +
        '，经批准延期 5 个工作日（10月10日调休上班），依据 淄博12345 第十一条第（四）项' +
        '；自 2026-10-12 09:00 起挂起，恢复后重新计算' +
        '；暂定：2027 年放假安排尚未公布' +
        '；依据 淄博12345 第十三条',
    );
  });
  it('office hours: within, and after the next opening over a long holiday', () => {
    expect(
      renderExplanation([
        { kind: 'within-office-hours', hours: 3, from: '2026-09-30T02:05:00.000Z' },
        { kind: 'rule', article: 'tianjin-urban §8(1)' },
      ]),
    ).toBe(
      '办公时间内受理，自 2026-09-30 10:05 起 3 小时；依据 天津市城市管理委便民服务专线 第八条第（一）项',
    );
    expect(
      renderExplanation([
        {
          kind: 'after-opening',
          hours: 24,
          // received 2026-10-01 08:00, opening 2026-10-08 09:00 (Shanghai)
          receivedAt: '2026-10-01T00:00:00.000Z',
          opening: '2026-10-08T01:00:00.000Z',
          longHolidayDays: 5,
          special: [{ kind: 'holiday', from: '2026-10-01', to: '2026-10-07' }],
        },
      ]),
    ).toBe(
      '2026-10-01 08:00 连续 5 天以上节假日期间受理（10月1日至7日放假），自下一办公时段开始 2026-10-08 09:00 起 24 小时',
    );
  });
  it('the extension request window', () => {
    const deadline = '2026-10-13T15:59:59.000Z'; // 2026-10-13 23:59 in Shanghai
    expect(
      renderExplanation([
        { kind: 'extension-request', leadWorkingDays: 0, deadline },
        { kind: 'rule', article: 'zibo-12345 §11(4)' },
      ]),
    ).toBe('须在办理时限（2026-10-13 23:59）前申请延期；依据 淄博12345 第十一条第（四）项');
    expect(renderExplanation([{ kind: 'extension-request', leadWorkingDays: 2, deadline }])).toBe(
      '须在办理时限（2026-10-13 23:59）所在日前第 2 个工作日结束前申请延期',
    );
  });
});
