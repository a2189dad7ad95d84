/**
 * A deadline's explanation in Chinese, rendered once from its steps (contracts/deadline-explanation)
 * for the web, the command line and the API's text field.
 */
import { citeArticle } from './article-citation';
import type {
  DeadlineExplanation,
  ExplanationStep,
  ExplanationUnit,
  SpecialDay,
} from './contracts/deadline-explanation';
import { formatServiceTime } from './service-time';

const unitText: Record<ExplanationUnit, string> = { wd: '个工作日', nd: '个自然日', h: '小时' };

const amount = (n: number, unit: ExplanationUnit) => `${n} ${unitText[unit]}`;
const minute = (iso: string) => formatServiceTime(iso, 'minute');

/** `2026-10-01` → 10月1日. */
function monthDay(day: string): { month: number; text: string } {
  const month = Number(day.slice(5, 7));
  return { month, text: `${month}月${Number(day.slice(8, 10))}日` };
}

function dayRange(from: string, to: string): string {
  const a = monthDay(from);
  if (from === to) return a.text;
  const b = monthDay(to);
  return b.month === a.month && from.slice(0, 4) === to.slice(0, 4)
    ? `${a.text}至${Number(to.slice(8, 10))}日`
    : `${a.text}至${b.text}`;
}

/** Holidays and make-up workdays: "10月1日至7日放假，10月10日调休上班". */
export function specialDaysText(days: readonly SpecialDay[]): string {
  return days
    .map((d) => (d.kind === 'holiday' ? `${dayRange(d.from, d.to)}放假` : `${monthDay(d.day).text}调休上班`))
    .join('，');
}

const inParens = (parts: string[]) => {
  const s = parts.filter(Boolean).join('；');
  return s ? `（${s}）` : '';
};

/** One step as a phrase, with the separator that joins it to the phrase before. */
function phrase(
  step: ExplanationStep,
  names: Readonly<Record<string, string>>,
): { sep: string; text: string } {
  switch (step.kind) {
    case 'emergency-result': {
      const limited =
        step.requested !== step.applied
          ? `（指定 ${amount(step.requested, step.unit)}，限 ${step.min} 至 ${step.max} ${unitText[step.unit]}）`
          : '';
      return { sep: '', text: `紧急事项办理结果时限${limited}：` };
    }
    case 'count': {
      const notes = [
        specialDaysText(step.special),
        step.suspendedDays > 0 ? `挂起 ${amount(step.suspendedDays, step.unit)}不计` : '',
        step.suspendedMinutes > 0 ? `挂起 ${step.suspendedMinutes} 分钟不计` : '',
        step.endOfDay ? `截至当日 ${step.endOfDay.slice(0, 5)}` : '',
      ];
      return {
        sep: '，',
        text: `自 ${minute(step.from)} 起 ${amount(step.amount, step.unit)}${inParens(notes)}`,
      };
    }
    case 'within-office-hours':
      return { sep: '，', text: `办公时间内受理，自 ${minute(step.from)} 起 ${step.hours} 小时` };
    case 'after-opening': {
      const why =
        step.longHolidayDays !== null
          ? `连续 ${step.longHolidayDays} 天以上节假日期间受理`
          : '非办公时间受理';
      const special = specialDaysText(step.special);
      return {
        sep: '，',
        text: `${minute(step.receivedAt)} ${why}${special ? `（${special}）` : ''}，自下一办公时段开始 ${minute(step.opening)} 起 ${step.hours} 小时`,
      };
    }
    case 'extension': {
      const special = specialDaysText(step.special);
      const basis = step.article ? `，依据 ${citeArticle(step.article, names)}` : '';
      return {
        sep: '，',
        text: `经批准延期 ${amount(step.workingDays, 'wd')}${special ? `（${special}）` : ''}${basis}`,
      };
    }
    case 'suspended':
      return { sep: '；', text: `自 ${minute(step.since)} 起挂起，恢复后重新计算` };
    case 'extension-request':
      return {
        sep: '，',
        text:
          step.leadWorkingDays === 0
            ? `须在办理时限（${minute(step.deadline)}）前申请延期`
            : `须在办理时限（${minute(step.deadline)}）所在日前第 ${step.leadWorkingDays} 个工作日结束前申请延期`,
      };
    case 'rule':
      return { sep: '；', text: `依据 ${citeArticle(step.article, names)}` };
    case 'provisional':
      return { sep: '；', text: `暂定：${step.years.join('、')} 年放假安排尚未公布` };
    case 'text':
      return { sep: '；', text: step.text };
  }
}

/**
 * The whole explanation as one Chinese sentence, e.g. "自 2026-09-30 10:05 起 5 个工作日
 * （10月1日至7日放假，10月10日调休上班）；依据 淄博12345 第十一条第（三）项".
 * `names`: short names of site profiles (built-in ones are known).
 */
export function renderExplanation(
  steps: DeadlineExplanation,
  names: Readonly<Record<string, string>> = {},
): string {
  let out = '';
  let afterPrefix = true;
  for (const step of steps) {
    const p = phrase(step, names);
    out += afterPrefix ? p.text : `${p.sep}${p.text}`;
    afterPrefix = step.kind === 'emergency-result';
  }
  return out;
}
