/**
 * What an agent would otherwise type twice: phone numbers, addresses, times and ID numbers
 * found in the citizen's own words (智能填单). Pure text rules; the agent confirms each.
 */

export interface Extracted {
  phones: string[];
  addresses: string[];
  times: string[];
  idNumbers: string[];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Whether an 18-character resident ID number has a valid GB 11643-1999 check character and birth date. */
export function validIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] as number);
  if (ID_CHECK[sum % 11] !== id[17]) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const ID_RE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_RE = /(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g;
const LANDLINE_RE = /(?<!\d)[(（]?(0\d{2,3})[)）]?[- ]?(\d{7,8})(?:[-转](\d{1,5}))?(?!\d)/g;

const DAY =
  '(?:\\d{4}年)?\\d{1,2}月\\d{1,2}[日号]|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|大前天|前天|昨天|今天|明天|后天|昨日|今日|前几天|上个?月|(?:上|本|这|下)?(?:周|星期|礼拜)[一二三四五六日天]';
const PERIOD = '早上|早晨|上午|中午|下午|傍晚|晚上|夜里|深夜|凌晨|半夜|夜间|白天';
const NUM = '[0-9零一二三四五六七八九十两]{1,3}';
const CLOCK = `${NUM}点(?:半|${NUM}分?)?(?:左右|多)?|\\d{1,2}[:：]\\d{2}`;
const ARABIC_CLOCK = '\\d{1,2}点(?:半|\\d{1,2}分?)?(?:左右|多)?|\\d{1,2}[:：]\\d{2}';
const TIME_RE = new RegExp(
  // A bare "12号" is a house number as often as a day: a day of the month only with a time of day.
  `(?:${DAY})(?:${PERIOD})?(?:${CLOCK})?|\\d{1,2}[日号](?:${PERIOD})(?:${CLOCK})?|(?:${PERIOD})(?:${CLOCK})?|${ARABIC_CLOCK}`,
  'g',
);

const PLACE_SEGMENT =
  '[\\u4e00-\\u9fa5A-Za-z]{1,14}?(?:省|市|区|县|镇|乡|街道|社区|村|路|街|巷|弄|胡同|大道|小区|花园|家园|苑|公寓|大厦|广场)';
const NUMBER_SEGMENT = '[0-9A-Za-z一二三四五六七八九十-]{1,6}(?:号院|号楼|号|栋|幢|单元|室|层)';
const ADDRESS_RE = new RegExp(`(?:${PLACE_SEGMENT}|${NUMBER_SEGMENT})+`, 'g');
const STRONG_ADDRESS = /路|街|巷|弄|胡同|大道|号|小区|花园|家园|苑|公寓|大厦|栋|幢|单元|村|社区/;
const ADDRESS_LEAD = /^.*?(?:住在|住址|地址[是为:：]?|位于|家住|来自|门口|附近|在)/;
const NOT_ADDRESS_START = /^(?:我们|我家|本|该|这个|那个|这|那|各|每个|所在)/;

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

export function extractEntities(text: string): Extracted {
  const src = text.normalize('NFKC');
  const idNumbers = uniq(
    [...src.matchAll(ID_RE)].map((m) => m[0].toUpperCase()).filter((id) => validIdNumber(id)),
  );
  // Numbers inside ID numbers are not phones.
  let rest = src.replace(ID_RE, ' ');
  const phones: string[] = [];
  rest = rest.replace(MOBILE_RE, (_m, a: string, b: string, c: string) => {
    phones.push(`${a}${b}${c}`);
    return ' ';
  });
  rest = rest.replace(LANDLINE_RE, (_m, area: string, local: string, ext: string | undefined) => {
    phones.push(`${area}-${local}${ext ? `-${ext}` : ''}`);
    return ' ';
  });
  const times = uniq([...rest.matchAll(TIME_RE)].map((m) => m[0]));
  const addresses = uniq(
    [...rest.matchAll(ADDRESS_RE)]
      .map((m) => {
        const a = m[0];
        const lead = ADDRESS_LEAD.exec(a);
        return lead && a.length - lead[0].length >= 3 ? a.slice(lead[0].length) : a;
      })
      .filter((a) => a.length >= 3 && STRONG_ADDRESS.test(a) && !NOT_ADDRESS_START.test(a)),
  );
  return { phones: uniq(phones), addresses, times, idNumbers };
}
