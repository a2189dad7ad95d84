import { describe, expect, it } from 'vitest';
import {
  accumulateGramDelta,
  areaCities,
  areaConflict,
  articleGrams,
  bigrams,
  gramModel,
  GRAM_TOTAL_TERM,
  queryGrams,
  type GramBag,
} from './grams';

const bag = (entries: Record<string, number>): GramBag => {
  const counts = new Map(Object.entries(entries));
  return { counts, length: [...counts.values()].reduce((a, b) => a + b, 0) };
};

describe('bigrams', () => {
  it('pairs neighbouring characters within runs of letters and digits only', () => {
    expect(bigrams('社保卡')).toEqual(['社保', '保卡']);
    // NFKC folds full-width letters and digits; runs break at spaces and punctuation.
    expect(bigrams('Ａ7县，办理 社保')).toEqual(['a7', '7县', '办理', '社保']);
    expect(bigrams('我')).toEqual([]);
    expect(bigrams('，。！')).toEqual([]);
  });

  it('keeps characters outside the basic plane whole', () => {
    expect(bigrams('𠀋一')).toEqual(['𠀋一']);
  });
});

describe('bags of bigrams', () => {
  it('counts an article’s title twice, its keywords once and the opening of its body twice', () => {
    // title 社保 ×2; keyword 公积金 → 公积, 积金; body 办理社保 → 办理, 理社, 社保, and again as its opening.
    const b = articleGrams('社保', ['公积金'], '办理社保');
    expect(Object.fromEntries(b.counts)).toEqual({ 社保: 4, 公积: 1, 积金: 1, 办理: 2, 理社: 2 });
    expect(b.length).toBe(10);
  });

  it('reads only the first 120 characters of the body twice', () => {
    const body = `${'甲乙'.repeat(60)}丙丁`; // 122 characters: 丙丁 lies past the opening
    const b = articleGrams('', [], body);
    expect(b.counts.get('丙丁')).toBe(1);
    expect(b.counts.get('甲乙')).toBe(60 * 2);
  });

  it('counts the opening of a query twice', () => {
    expect(Object.fromEntries(queryGrams(' abc ').counts)).toEqual({ ab: 2, bc: 2 });
    const long = queryGrams(`${'一二'.repeat(10)}三四`); // 22 characters: 三四 after the first 20
    expect(long.counts.get('三四')).toBe(1);
    expect(long.counts.get('二三')).toBe(1);
    expect(long.counts.get('一二')).toBe(20);
  });
});

describe('gramModel', () => {
  // 100 bigrams in 10 articles: mean length 10, μ = 2.5 × 10 = 25.
  const stats = { total: 100, docs: 10, cf: (g: string) => ({ ab: 4, cd: 50 })[g] ?? 0 };

  it('scores by Dirichlet-smoothed query likelihood relative to the background', () => {
    const model = gramModel(bag({ ab: 1 }), stats);
    // p(ab) = 4/100, μp = 1; article with ab twice in 5 bigrams: ln(1 + 2/1) + ln(25/30) = ln 2.5.
    expect(model?.score(bag({ ab: 2, xy: 3 }))).toBeCloseTo(Math.log(2.5), 12);
    // No match: only the length term, ln(25/30).
    expect(model?.score(bag({ xy: 5 }))).toBeCloseTo(Math.log(25 / 30), 12);
  });

  it('weighs a rare bigram above a common one and ignores bigrams the base never saw', () => {
    const model = gramModel(bag({ ab: 1, cd: 1, zz: 1 }), stats);
    const rare = model?.score(bag({ ab: 1, xy: 1 })) ?? 0;
    const common = model?.score(bag({ cd: 1, xy: 1 })) ?? 0;
    // μp(ab) = 1, μp(cd) = 12.5; |q| counts only the two known bigrams.
    expect(rare).toBeCloseTo(Math.log(2) / 2 + Math.log(25 / 27), 12);
    expect(common).toBeCloseTo(Math.log(1 + 1 / 12.5) / 2 + Math.log(25 / 27), 12);
    expect(rare).toBeGreaterThan(common);
  });

  it('gives the same score from an article’s text as from its bag', () => {
    const q = queryGrams('A7县社保卡补办需要什么材料');
    const model = gramModel(q, {
      total: 1000,
      docs: 20,
      cf: (g) => (g.length === 2 ? 3 + (g.charCodeAt(0) % 7) : 0),
    });
    const title = '社保卡补办';
    const keywords = ['社会保障卡', '挂失'];
    const body = 'A7县居民补办社保卡，需携带身份证原件到社保经办窗口办理。';
    expect(model?.scoreArticle(title, keywords, body)).toBeCloseTo(
      model?.score(articleGrams(title, keywords, body)) ?? NaN,
      12,
    );
  });

  it('declines when the base is empty or shares no bigram with the query', () => {
    expect(gramModel(bag({ ab: 1 }), { total: 0, docs: 0, cf: () => 0 })).toBeNull();
    expect(gramModel(bag({ zz: 1 }), stats)).toBeNull();
  });
});

describe('accumulateGramDelta', () => {
  it('adds the difference of two bags under prefixed keys, with the total', () => {
    const acc = new Map<string, number>();
    accumulateGramDelta(acc, bag({ ab: 2, cd: 1 }), bag({ ab: 1, ef: 3 }));
    expect(Object.fromEntries(acc)).toEqual({ '~ab': -1, '~cd': -1, '~ef': 3, [GRAM_TOTAL_TERM]: 1 });
  });
});

describe('area codes', () => {
  it('reads the city letters of anonymised administrative areas', () => {
    expect([...areaCities('A市A7县和B2区，Ｃ省')].sort()).toEqual(['A', 'B', 'C']);
    expect(areaCities('3号线地铁站').size).toBe(0);
  });

  it('flags an article that names only other cities than the question', () => {
    expect(areaConflict(new Set(['A']), new Set(['B']))).toBe(true);
    expect(areaConflict(new Set(['A']), new Set(['A', 'B']))).toBe(false);
    expect(areaConflict(new Set(), new Set(['B']))).toBe(false);
    expect(areaConflict(new Set(['A']), new Set())).toBe(false);
  });
});
