/**
 * Test data for hot topics (used by the tests only): a steady background of orders from twelve
 * kinds of request, and a planted burst of 停水 in 东城区, as history lines for the import.
 */

/** Background requests, each as likely as the others every day. */
const background = [
  '楼上住户夜间装修噪音扰民，影响休息',
  '路口路灯不亮已经一周，夜间出行不便',
  '咨询养老保险转移接续需要准备哪些材料',
  '小区门口占道停车收费不合理',
  '垃圾清运不及时，垃圾桶满溢有异味',
  '物业服务差，电梯经常故障无人维修',
  '公交线路调整后站点太远，老人出行困难',
  '孩子入学报名需要哪些证明材料',
  '餐馆油烟直排，影响周边住户',
  '农民工工资被拖欠三个月',
  '医保报销比例咨询',
  '道路坑洼积水，车辆通行困难',
] as const;
const districts = ['东城区', '西城区', '北山区'] as const;

/** A small deterministic generator (the same data on every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** One history line for the import: a complaint received at 08:00 + `minute` on `date`. */
export function line(no: string, date: string, minute: number, content: string, region: string): string {
  const hh = String(8 + Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return JSON.stringify({
    ticketNo: no,
    receivedAt: `${date}T${hh}:${mm}:00+08:00`,
    type: 'complaint',
    category: '010201',
    region,
    address: `${region}某路`,
    content,
    events: [],
  });
}

/**
 * `perDay` background orders on every day from `from` for `days` days (each of the twelve kinds
 * with the same chance), plus, when `burst` is given, `burst.orders` orders about 停水 in 东城区
 * spread over the days `burst.from` and the day after.
 */
export function hotTopicHistory(opts: {
  from: string;
  days: number;
  perDay: number;
  burst?: { from: string; orders: number };
  /** Words that appear in so few orders that they are noise: [word, date, orders]. */
  noise?: [string, string, number][];
}): string[] {
  const rnd = lcg(20270301);
  const out: string[] = [];
  let n = 0;
  for (let d = 0; d < opts.days; d++) {
    const date = addDays(opts.from, d);
    for (let i = 0; i < opts.perDay; i++) {
      const kind = background[Math.floor(rnd() * background.length)] ?? background[0];
      const region = districts[Math.floor(rnd() * districts.length)] ?? districts[0];
      out.push(line(`HT${++n}`, date, i % 600, `${region}${kind}`, region));
    }
  }
  if (opts.burst) {
    for (let i = 0; i < opts.burst.orders; i++) {
      const date = addDays(opts.burst.from, i % 2);
      out.push(
        line(`HB${++n}`, date, i, `东城区东湖花园小区突然停水，至今没有恢复供水，没有接到停水通知`, '东城区'),
      );
    }
  }
  for (const [word, date, orders] of opts.noise ?? []) {
    for (let i = 0; i < orders; i++) {
      out.push(line(`HN${++n}`, date, 500 + i, `西城区白塔街${word}问题`, '西城区'));
    }
  }
  return out;
}
