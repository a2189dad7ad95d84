import { COMMON_PASSWORDS } from './common-passwords';

/** Look-alike digits and symbols people put for letters (`p@ssw0rd`). */
const LOOK_ALIKES: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
  '9': 'g',
};

/** Shifted digits on a keyboard (`1qaz@WSX` is the walk `1qaz2wsx`). */
const SHIFTED = '!@#$%^&*()';
const unshift = (s: string) =>
  [...s].map((ch) => (SHIFTED.includes(ch) ? String((SHIFTED.indexOf(ch) + 1) % 10) : ch)).join('');

const undoLookAlikes = (s: string) => [...s].map((ch) => LOOK_ALIKES[ch] ?? ch).join('');
/** Without leading and trailing digits and symbols: the word people decorate (`Woaini1314!` → `woaini`). */
const core = (s: string) => s.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
/** Without trailing symbols only (`a1234567!!` → `a1234567`). */
const withoutTrailingSymbols = (s: string) => s.replace(/[^\p{L}\p{N}]+$/u, '');

/** The forms of a password compared with the list of common passwords. */
function commonForms(password: string): string[] {
  const lower = password.toLowerCase();
  // Look-alikes are undone inside the word only, so that digit tails stay digits.
  const inner = core(lower);
  const innerStart = lower.indexOf(inner);
  const decoded =
    inner === ''
      ? lower
      : lower.slice(0, innerStart) + undoLookAlikes(inner) + lower.slice(innerStart + inner.length);
  return [
    lower,
    withoutTrailingSymbols(lower),
    inner,
    core(undoLookAlikes(lower)),
    withoutTrailingSymbols(decoded),
    core(decoded),
    unshift(lower),
  ];
}

/** The user name in the password, plain, reversed or in look-alike digits. */
function containsUsername(password: string, username: string): boolean {
  const name = username.toLowerCase();
  if (!name) return false;
  const lower = password.toLowerCase();
  const reversed = [...name].reverse().join('');
  return [lower, undoLookAlikes(lower)].some(
    (p) => p.includes(name) || (name.length >= 3 && p.includes(reversed)),
  );
}

/**
 * Password policy (GB/T 22239-2019 8.1.4.1 a: identification and complexity): at least 10
 * characters, at least three of lower case, upper case, digits and symbols, not the user name
 * (plain, reversed or in look-alike digits), and not a common password (case-insensitive, also
 * after stripping the digits and symbols around it and undoing look-alike digits:
 * `common-passwords.ts`). Returns the Chinese reason a password is refused, or null.
 */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 10) return '密码长度至少 10 位';
  if (password.length > 200) return '密码过长';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (containsUsername(password, username)) return '密码不能包含用户名';
  if (commonForms(password).some((f) => COMMON_PASSWORDS.has(f))) {
    return '这个密码太常见，容易被猜中，请换一个';
  }
  return null;
}
