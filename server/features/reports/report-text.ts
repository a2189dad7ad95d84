import type { CountRow, PeriodicReport, ReportParagraph } from '../../../common/contracts/reports';
import { changeText, pct2, score2, share, thousands } from './report-format';

const periodWord = (id: string) =>
  /^\d{4}-\d{2}$/.test(id) ? '本月' : /Q/i.test(id) ? '本季度' : /H/i.test(id) ? '本半年' : '本年度';

function list(rows: CountRow[], total: number, n: number): string {
  return rows
    .filter((r) => r.count > 0)
    .slice(0, n)
    .map((r) => `${r.label}${thousands(r.count)}件（占${share(r.count, total)}）`)
    .join('、');
}

function overview(r: PeriodicReport): string {
  const t = r.totals;
  const parts = [
    `${r.period.label}，热线共受理群众诉求${thousands(t.intake)}件，${changeText(t.intake, t.previousIntake)}（${r.period.previousLabel}${thousands(t.previousIntake)}件）。`,
  ];
  const disposition = list(t.byDisposition, t.intake, 4);
  if (disposition) parts.push(`按处置方式分：${disposition}。`);
  const channels = list(t.byChannel, t.intake, 3);
  if (channels) parts.push(`受理渠道以${channels}为主。`);
  const types = list(t.byType, t.intake, 3);
  if (types) parts.push(`诉求类型居前的为${types}。`);
  return parts.join('');
}

function assessment(r: PeriodicReport): string {
  const ranked = r.units.filter((u) => u.rank !== null);
  if (r.units.length === 0) return `${periodWord(r.period.id)}无派单至承办单位的工单，暂无考核数据。`;
  const o = r.totals.overall;
  const parts = [
    `按《${r.scheme.name}》，${periodWord(r.period.id)}纳入考核的承办单位${r.units.length}个，派单${thousands(r.totals.dispatched)}件次，${changeText(r.totals.dispatched, r.totals.previousDispatched)}；` +
      `全部承办单位按期办结率${pct2(o.onTimeRate)}，反馈率${pct2(o.feedbackRate)}，满意率${pct2(o.satisfactionRate)}。`,
  ];
  const top = ranked.slice(0, 3);
  if (top.length) {
    parts.push(`综合得分居前的为${top.map((u) => `${u.unitName}（${score2(u.score)}分）`).join('、')}。`);
  }
  if (ranked.length > 6) {
    const bottom = ranked.slice(-3);
    parts.push(`排名靠后的为${bottom.map((u) => `${u.unitName}（${score2(u.score)}分）`).join('、')}。`);
  }
  const interview = r.units.filter((u) => u.interview);
  if (interview.length) {
    parts.push(
      `${interview.map((u) => u.unitName).join('、')}连续排名末位，按考核办法应由分管负责同志约谈单位负责人。`,
    );
  }
  return parts.join('');
}

function hotspots(r: PeriodicReport): string {
  const parts: string[] = [];
  const top = list(
    r.totals.byCategory.filter((c) => c.key),
    r.totals.intake,
    5,
  );
  if (top) parts.push(`从问题分类看，诉求量居前的为${top}。`);
  if (r.risingCategories.length) {
    parts.push(
      `与${r.period.previousLabel}相比，增长较多的问题为${r.risingCategories
        .slice(0, 3)
        .map((c) => `${c.label}（${thousands(c.count)}件，增加${thousands(c.count - c.previous)}件）`)
        .join('、')}，需重点关注。`,
    );
  }
  if (r.hotTopics.length) {
    parts.push(
      `热点问题主要有：${r.hotTopics
        .slice(0, 5)
        .map((h) => `${h.title}（${thousands(h.count)}件）`)
        .join('、')}。`,
    );
  }
  return parts.join('') || `${periodWord(r.period.id)}无突出的热点问题。`;
}

function suggestions(r: PeriodicReport): string {
  const parts = ['一是各承办单位要严格落实首接负责和按期办结要求，提高一次性办结率和群众满意率。'];
  if (r.units.some((u) => u.rank !== null)) {
    parts.push('二是排名靠后的单位要认真分析原因，制定整改措施，切实提升办理质量。');
  }
  if (r.risingCategories.length) {
    parts.push(
      `三是对${r.risingCategories
        .slice(0, 2)
        .map((c) => c.label)
        .join('、')}等诉求增长较快的领域，相关部门要加强源头治理，举一反三、未诉先办。`,
    );
  }
  return parts.join('');
}

/**
 * The report's text, generated from its figures in the language of a government analysis
 * report; the screen lets the user edit each paragraph before the document is made.
 */
export function generateParagraphs(r: PeriodicReport): ReportParagraph[] {
  return [
    { key: 'overview', title: '一、总体情况', text: overview(r) },
    { key: 'assessment', title: '二、承办单位考核情况', text: assessment(r) },
    { key: 'hotspots', title: '三、热点问题分析', text: hotspots(r) },
    { key: 'suggestions', title: '四、工作建议', text: suggestions(r) },
  ];
}
