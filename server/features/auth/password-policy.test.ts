import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

const COMMON = '这个密码太常见，容易被猜中，请换一个';

describe('password policy', () => {
  it('refuses common passwords that pass the length and class rules, whatever their case', () => {
    for (const p of [
      'Password123!',
      'P@ssw0rd2026',
      'Qwerty123456!',
      'Woaini1314!!',
      'WoAiNi5201314!',
      'A1234567890!',
      'Iloveyou520!',
      'Abc@12345678',
      '1qaz@WSX3edc',
      'Qq123456789!',
      'Admin@123456',
    ]) {
      expect(passwordProblem(p, 'agent'), p).toBe(COMMON);
    }
  });

  it('refuses the user name, reversed or with letters replaced by look-alike digits', () => {
    expect(passwordProblem('Zhangwei#2026', 'zhangwei')).toBe('密码不能包含用户名');
    expect(passwordProblem('Iewgnahz#2026', 'zhangwei')).toBe('密码不能包含用户名');
    expect(passwordProblem('Zh4ngw3i#2026', 'zhangwei')).toBe('密码不能包含用户名');
  });

  it('accepts passwords that are long, mixed and not common', () => {
    for (const p of [
      'Hotline#2026ok',
      'Supervise!2026',
      'Start#2026-xh',
      'Hotline!2026-ok',
      '云川热线Yc#2026',
      'tulip-Orbit-73-lamp',
    ]) {
      expect(passwordProblem(p, 'agent'), p).toBeNull();
    }
  });

  it('keeps the length and class rules', () => {
    expect(passwordProblem('Ab1!', 'agent')).toBe('密码长度至少 10 位');
    expect(passwordProblem('abcdefghij', 'agent')).toBe(
      '密码须包含大写字母、小写字母、数字、符号中的至少三类',
    );
  });
});
