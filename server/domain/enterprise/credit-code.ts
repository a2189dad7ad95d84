/**
 * 统一社会信用代码 (unified social credit identifier), GB 32100-2015.
 *
 * 18 characters from a 31-character set (digits and capital letters without I, O, Z, S, V):
 * position 1 the registration authority, 2 the kind of entity, 3-8 the administrative division
 * (GB/T 2260, digits), 9-17 the entity's identifier (GB 11714), 18 the check character.
 * Check (GB 32100-2015 §4.2 and Appendix B): each of the first 17 characters has the value of its
 * index in the character set and the weight 3^(i-1) mod 31 (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25,
 * 13, 8, 24, 10, 30, 28); C18 = 31 - (Σ value × weight mod 31), where 31 becomes 0.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Registration authorities of position 1 (GB 32100-2015 Table 1). */
const AUTHORITIES = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'N', 'Y']);

export type CreditCodeProblem = 'length' | 'charset' | 'authority' | 'division' | 'check';

export type CreditCodeResult = { ok: true; code: string } | { ok: false; problem: CreditCodeProblem };

/** Upper-cases and drops spaces and hyphens, the way codes are often typed or printed. */
export function normaliseCreditCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** The check character the first 17 characters call for, or null if one is outside the set. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
    const weight = WEIGHTS[i];
    if (value < 0 || weight === undefined) return null;
    sum += value * weight;
  }
  const c = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET.charAt(c);
}

export function checkCreditCode(input: string): CreditCodeResult {
  const code = normaliseCreditCode(input);
  if (code.length !== 18) return { ok: false, problem: 'length' };
  for (const ch of code) if (!CREDIT_CODE_CHARSET.includes(ch)) return { ok: false, problem: 'charset' };
  if (!AUTHORITIES.has(code.charAt(0))) return { ok: false, problem: 'authority' };
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { ok: false, problem: 'division' };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code.charAt(17)) return { ok: false, problem: 'check' };
  return { ok: true, code };
}

export const creditCodeProblemLabels: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）',
  authority: '统一社会信用代码第1位（登记管理部门代码）不正确',
  division: '统一社会信用代码第3-8位应为行政区划代码（数字）',
  check: '统一社会信用代码校验位不正确，请核对营业执照',
};
