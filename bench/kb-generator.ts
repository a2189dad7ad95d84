/**
 * Seeded generator of government-service Q&A articles (政务知识库) for benchmarks: titles,
 * bodies of 150-500 characters in the style of hotline knowledge entries, categories and units
 * of the demo city, and intake-style queries. Same seed → same corpus.
 */
import { seededRandom } from '../common/seeded-random';
import topicList from './kb-topics.json';
export const mulberry32 = seededRandom;

/** The subjects of the generated knowledge base: 50 matters of a city's hotline (kb-topics.json). */
interface Topic {
  subject: string;
  category: string;
  unit: string;
  actions: string[];
  materials: string[];
  places: string[];
  extra: string[];
}
const topics: readonly Topic[] = topicList;

const districts = ['东城区', '西城区', '北山区'];
const streets = [
  '东湖街道',
  '新港街道',
  '白塔街道',
  '清河镇',
  '北山镇',
  '龙泉乡',
  '南苑街道',
  '望江街道',
  '金桥街道',
  '梅林街道',
];
const communities = [
  '阳光',
  '幸福',
  '和平',
  '翠湖',
  '锦绣',
  '金色',
  '滨江',
  '书香',
  '碧桂',
  '枫林',
  '紫荆',
  '银杏',
];
const suffixes = ['小区', '花园', '家园', '新村', '苑'];
const intros = ['市民来电咨询', '群众反映', '根据相关规定', '按照有关政策', '经核实'];
const closings = [
  '如有疑问可拨打12345热线咨询。',
  '具体以经办机构审核为准。',
  '办理进度可在网上查询。',
  '请携带材料原件及复印件。',
];

export interface GeneratedArticle {
  id: string;
  title: string;
  content: string;
  category: string;
  unit: string;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

export function generateArticle(r: () => number, i: number): GeneratedArticle {
  const t = pick(r, topics);
  const action = pick(r, t.actions);
  const place = `${pick(r, districts)}${pick(r, streets)}${pick(r, communities)}${pick(r, suffixes)}`;
  const year = 2019 + Math.floor(r() * 8);
  const titleForms = [
    `${t.subject}${action}办理指南`,
    `如何${action}${t.subject}`,
    `${t.subject}${action}需要哪些材料`,
    `${place}${t.subject}${action}问题答复`,
    `${year}年${t.subject}${action}政策解读`,
    `${t.subject}${action}常见问题（${i % 97}）`,
  ];
  const title = pick(r, titleForms);
  const parts: string[] = [`${pick(r, intros)}，关于${t.subject}${action}的问题答复如下。`];
  if (t.materials.length > 0) {
    const n = 1 + Math.floor(r() * t.materials.length);
    parts.push(`办理${t.subject}${action}需携带${t.materials.slice(0, n).join('、')}。`);
  }
  parts.push(`办理地点：${pick(r, t.places)}，工作日上午9时至下午5时受理。`);
  const extras = [...t.extra];
  while (extras.length > 0 && r() < 0.8) {
    parts.push(`${extras.splice(Math.floor(r() * extras.length), 1)[0]}。`);
  }
  if (r() < 0.5) parts.push(`${place}的居民可就近到${pick(r, streets)}便民服务站咨询。`);
  if (r() < 0.4) {
    const other = pick(r, topics);
    parts.push(
      `涉及${other.subject}${pick(r, other.actions)}的，请另行咨询${other.places[0] ?? '相关部门'}。`,
    );
  }
  parts.push(`本条目依据${year}年发布的相关文件整理，编号${1000 + (i % 9000)}。`);
  parts.push(pick(r, closings));
  return { id: `gen-${i}`, title, content: parts.join(''), category: t.category, unit: t.unit };
}

/** Intake-style queries: short keywords, phrases and a citizen's sentence. */
export function generateQueries(r: () => number, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = pick(r, topics);
    const action = pick(r, t.actions);
    const kind = r();
    if (kind < 0.3) out.push(t.subject);
    else if (kind < 0.6) out.push(`${t.subject}${action}`);
    else if (kind < 0.8) out.push(`${t.subject}${action}需要什么材料`);
    else {
      out.push(
        `我住在${pick(r, streets)}${pick(r, communities)}${pick(r, suffixes)}，想问一下${t.subject}怎么${action}，要带${pick(r, t.materials.length ? t.materials : ['身份证'])}吗`,
      );
    }
  }
  return out;
}

const openings = ['领导您好！', '您好，', '尊敬的领导：', '你好，我想反映一个情况。', ''];
const worries = [
  '跑了两趟都没办成',
  '窗口说材料不齐',
  '网上也查不到说明',
  '打电话一直没人接',
  '家里老人行动不便',
];

/**
 * Citizens' whole messages (more than 64 characters): the texts the intake desk pastes from a
 * web message or a transcript, ranked in two stages (words, then bigrams).
 */
export function generateMessages(r: () => number, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = pick(r, topics);
    const action = pick(r, t.actions);
    const home = `${pick(r, districts)}${pick(r, streets)}${pick(r, communities)}${pick(r, suffixes)}`;
    const material = pick(r, t.materials.length ? t.materials : ['身份证']);
    out.push(
      `${pick(r, openings)}我是${home}的居民，最近想咨询${t.subject}${action}的事，${pick(r, worries)}。` +
        `请问${t.subject}${action}到底需要哪些材料，只带${material}可以吗？在哪里办理，多长时间能办好？希望有关部门给个明确答复，谢谢！`,
    );
  }
  return out;
}
