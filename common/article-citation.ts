/**
 * Article citations in Chinese. Profiles cite their rules as `<profile id> §11(2)` (article 11,
 * item 2), with lists (`§11(2), §13`), ranges (`§23-§24`), annexes (`Annex 2 §2(3)`) and a
 * qualifier in Chinese (`§11(6) (省级工单)`); they read as "淄博12345 第十一条第（二）项".
 */

/** Short names of the built-in profiles' regulations; a site profile passes its own. */
export const builtInProfileShortNames: Readonly<Record<string, string>> = {
  'zibo-12345': '淄博12345',
  'tianjin-wuqing': '武清区便民服务专线',
  'tianjin-urban': '天津市城市管理委便民服务专线',
  'beijing-miyun': '密云县便民服务和应急抢险电话',
  'shanghai-962200': '上海962200',
};

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 23 → 二十三, 105 → 一百零五 (up to 9999). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return digits[n] ?? String(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : digits[n % 10]}`;
  const units: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  let out = '';
  let zero = false;
  for (const [size, name] of units) {
    const d = Math.floor(n / size) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += `${digits[d]}${name}`;
  }
  return out;
}

const REF_RE = /^(?:Annex (\d+) )?§(\d+)(?:\((\d+)\))?(?:-§(\d+)(?:\((\d+)\))?)?$/;

function articleText(article: string, item: string | undefined): string {
  const a = `第${chineseNumeral(Number(article))}条`;
  return item === undefined ? a : `${a}第（${chineseNumeral(Number(item))}）项`;
}

/** One reference: `§11(2)` → 第十一条第（二）项; unknown shapes are kept as written. */
function refText(ref: string): string {
  const m = REF_RE.exec(ref.trim());
  if (!m) return ref.trim();
  const [, annex, a1, i1, a2, i2] = m;
  const head = annex ? `附件${chineseNumeral(Number(annex))}` : '';
  const first = articleText(a1 ?? '', i1);
  return a2 === undefined ? `${head}${first}` : `${head}${first}至${articleText(a2, i2)}`;
}

/**
 * A citation in Chinese: `zibo-12345 §11(2), §13` → "淄博12345 第十一条第（二）项、第十三条".
 * `names` maps profile ids to the regulation's short name (built-in ones are known).
 */
export function citeArticle(citation: string, names: Readonly<Record<string, string>> = {}): string {
  const m = /^([a-z0-9][a-z0-9-]*) (.+)$/.exec(citation.trim());
  if (!m) return citation;
  const [, id = '', rest = ''] = m;
  let refs = rest;
  let qualifier = '';
  const q = /\s*\(([^()]*[\u4e00-\u9fff][^()]*)\)$/.exec(refs);
  if (q) {
    qualifier = `（${q[1] ?? ''}）`;
    refs = refs.slice(0, q.index);
  }
  const name = names[id] ?? builtInProfileShortNames[id] ?? id;
  const parts = refs.split(/,\s*/).map(refText).join('、');
  return `${name} ${parts}${qualifier}`;
}

/** The names to cite a profile's articles by: a site profile by its own name, built-in ones by their short names. */
export function citationNames(profile: { id: string; name: string }): Record<string, string> {
  return profile.id in builtInProfileShortNames ? {} : { [profile.id]: profile.name };
}
