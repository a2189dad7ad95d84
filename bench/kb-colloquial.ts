/**
 * Short colloquial questions (how callers say it) against the demo knowledge base, next to the
 * long-message evaluation of bench/kb-eval.ts. Each question was written by hand with the article
 * a clerk would cite; the expected article comes from reading the question, not from the search.
 *
 * Three synonym lists, side by side in one run: none, the formal list the platform started with
 * (names of offices and documents), and the built-in list with its colloquial groups.
 *
 *   npx tsx bench/kb-colloquial.ts            (npm run bench:kb-colloquial)
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { migrateToLatest } from '../server/db/migrate';
import { builtInSynonymGroups } from '../server/domain/kb/synonyms';
import { loadDemoKnowledge } from '../server/features/demo/demo-knowledge';
import { ensureReferenceData } from '../server/features/demo/load-demo-data';
import { searchArticles } from '../server/features/kb/search-articles';
import { forgetSynonyms } from '../server/features/kb/synonym-store';
import { pgliteExtensions, pgliteParsers, wrapPglite, type Db } from '../server/platform/db';

/** [question, expected demo article] */
const questions: [string, string][] = [
  ['老板三个月不发工资了', 'YC-KB-001'],
  ['干活拿不到工资怎么办', 'YC-KB-001'],
  ['欠工资找谁', 'YC-KB-001'],
  ['打零工的能交养老保险吗', 'YC-KB-002'],
  ['自己怎么交养老保险', 'YC-KB-002'],
  ['在外地看病能直接报销吗', 'YC-KB-003'],
  ['外地就医怎么结算', 'YC-KB-003'],
  ['失业了能领钱吗', 'YC-KB-004'],
  ['失业金怎么领', 'YC-KB-004'],
  ['买房能取公积金吗', 'YC-KB-005'],
  ['公积金怎么取出来买房', 'YC-KB-005'],
  ['物业不管事', 'YC-KB-006'],
  ['物业服务太差去哪投诉', 'YC-KB-006'],
  ['电梯坏了把人关在电梯里', 'YC-KB-007'],
  ['电梯老出故障谁来修', 'YC-KB-007'],
  ['晚上工地太吵睡不着', 'YC-KB-008'],
  ['半夜还在施工', 'YC-KB-008'],
  ['健身房跑路了不退钱', 'YC-KB-009'],
  ['办的会员卡退不了钱', 'YC-KB-009'],
  ['饭店厨房脏乱差', 'YC-KB-010'],
  ['楼下饭店油烟味太大', 'YC-KB-011'],
  ['烧烤店烟味熏得没法开窗', 'YC-KB-011'],
  ['小区有人跳舞音响太吵', 'YC-KB-012'],
  ['广场舞声音太大', 'YC-KB-012'],
  ['出租车不拉客', 'YC-KB-013'],
  ['打车司机不打表', 'YC-KB-013'],
  ['的哥故意绕路', 'YC-KB-013'],
  ['路面塌陷了很危险', 'YC-KB-014'],
  ['下水道盖不见了', 'YC-KB-014'],
  ['垃圾好几天没人拉', 'YC-KB-015'],
  ['小区垃圾堆着没人收', 'YC-KB-015'],
  ['邻居在楼顶私搭乱建', 'YC-KB-016'],
  ['有人占绿地违章搭建', 'YC-KB-016'],
  ['家里没水了', 'YC-KB-017'],
  ['突然断水了什么时候来水', 'YC-KB-017'],
  ['家里突然没电了', 'YC-KB-018'],
  ['小区老是跳闸断电', 'YC-KB-018'],
  ['暖气不热', 'YC-KB-019'],
  ['屋里冷得很暖气片冰凉', 'YC-KB-019'],
  ['外地孩子在这边上学', 'YC-KB-020'],
  ['随迁子女怎么入学', 'YC-KB-020'],
  ['补习班关门不退钱', 'YC-KB-021'],
  ['培训机构停课了钱怎么办', 'YC-KB-021'],
  ['老婆户口迁过来', 'YC-KB-022'],
  ['结婚后怎么上户口', 'YC-KB-022'],
  ['车堵了生命通道', 'YC-KB-023'],
  ['有人乱停车挡路', 'YC-KB-023'],
  ['开公司怎么办营业执照', 'YC-KB-024'],
  ['单位电话一直没人接', 'YC-KB-025'],
  ['服务电话老是占线', 'YC-KB-025'],
];

/** The synonym list the platform started with, before the colloquial groups. */
const formalGroups: string[][] = [
  ['社保', '社会保险'],
  ['公积金', '住房公积金'],
  ['医保', '医疗保险', '基本医疗保险'],
  ['低保', '最低生活保障'],
  ['身份证', '居民身份证'],
  ['居住证', '暂住证'],
  ['户口', '户籍'],
  ['养老金', '退休金', '退休工资'],
  ['失业金', '失业保险金'],
  ['欠薪', '拖欠工资', '工资拖欠', '讨薪'],
  ['住建委', '住建局', '住建部门', '住房和城乡建设局'],
  ['人社局', '人社部门', '人力资源和社会保障局'],
  ['市监局', '市场监管局', '市场监督管理局', '工商局'],
  ['城管', '城管局', '城管执法', '城市管理局'],
  ['卫健委', '卫生健康委', '卫生健康委员会', '卫生局'],
  ['环保局', '生态环境局'],
  ['噪音', '噪声'],
  ['违建', '违章建筑', '违法建设', '违章搭建', '私搭乱建'],
  ['违停', '违章停车', '乱停车'],
  ['暖气', '供暖', '集中供热'],
  ['电动车', '电动自行车'],
  ['网约车', '网络预约出租汽车'],
  ['个税', '个人所得税'],
  ['公租房', '公共租赁住房'],
  ['经适房', '经济适用房', '经济适用住房'],
  ['房产证', '不动产权证'],
  ['物业费', '物业服务费'],
  ['业委会', '业主委员会'],
  ['幼儿园', '托幼机构'],
  ['核酸', '核酸检测'],
];

async function useGroups(db: Db, groups: readonly (readonly string[])[]): Promise<void> {
  await sql`delete from kb_synonym_group`.execute(db);
  for (const g of groups) {
    await sql`insert into kb_synonym_group (words) values (${[...g]}::text[])`.execute(db);
  }
  forgetSynonyms(db);
}

async function score(db: Db, now: Date) {
  let at1 = 0;
  let at3 = 0;
  let mrr = 0;
  const misses: string[] = [];
  for (const [q, gold] of questions) {
    const { items } = await searchArticles(db, { q, now, limit: 3 });
    const rank = items.findIndex((i) => i.externalId === gold);
    if (rank === 0) at1++;
    if (rank >= 0) {
      at3++;
      mrr += 1 / (rank + 1);
    } else misses.push(q);
  }
  const n = questions.length;
  return { at1: at1 / n, at3: at3 / n, mrr: mrr / n, misses };
}

async function main(): Promise<void> {
  const handle = wrapPglite(await PGlite.create({ extensions: pgliteExtensions, parsers: pgliteParsers }));
  try {
    await migrateToLatest(handle.db);
    await ensureReferenceData(handle.db);
    const now = new Date();
    await loadDemoKnowledge(handle.db, now);
    const rows: [string, Awaited<ReturnType<typeof score>>][] = [];
    for (const [name, groups] of [
      ['no synonyms', []],
      ['formal list', formalGroups],
      ['built-in list (colloquial)', builtInSynonymGroups],
    ] as const) {
      await useGroups(handle.db, groups);
      rows.push([name, await score(handle.db, now)]);
    }
    console.log(`${questions.length} colloquial questions, 25 demo articles`);
    console.log('| synonym list | recall@1 | recall@3 | MRR@3 |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const [name, r] of rows) {
      console.log(`| ${name} | ${r.at1.toFixed(3)} | ${r.at3.toFixed(3)} | ${r.mrr.toFixed(3)} |`);
    }
    const last = rows[rows.length - 1];
    if (last) console.log(`still missed (not in the top 3): ${last[1].misses.join('；') || '—'}`);
  } finally {
    await handle.close();
  }
}

void main();
