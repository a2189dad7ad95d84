/**
 * Password policy (GB/T 22239-2019 8.1.4.1 b: complexity, periodic change): at least 10
 * characters, at least three of lower case, upper case, digits and symbols, not containing
 * the user name. Returns the Chinese reason a password is refused, or null.
 */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 10) return '密码长度至少 10 位';
  if (password.length > 200) return '密码过长';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
