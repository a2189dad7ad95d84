import { describe, expect, it } from 'vitest';
import type { IntakeRules } from '../policy';
import { screenEmergency, screenOutOfScope } from './screen';

const rules: IntakeRules = {
  outOfScope: [
    { matter: '紧急求助', terms: ['着火', '车祸'], channel: '请拨打110、119、120', article: 'X §1' },
    { matter: '诉讼', terms: ['法院', '起诉', '判决'], channel: '请通过诉讼途径', article: 'X §2' },
  ],
  emergencyTerms: { terms: ['燃气泄漏', '大面积停水'], article: 'X §3' },
};

describe('intake screening', () => {
  it('names the out-of-scope matter with the most words found', () => {
    expect(screenOutOfScope('法院判决后对方不执行，门口着火了', rules)).toEqual({
      matter: '诉讼',
      channel: '请通过诉讼途径',
      article: 'X §2',
      terms: ['法院', '判决'],
    });
    expect(screenOutOfScope('咨询社保缴费', rules)).toBeNull();
    expect(screenOutOfScope('法院', null)).toBeNull();
  });

  it('hints at an emergency with the words and the article', () => {
    const h = screenEmergency('楼道里燃气泄漏了', rules);
    expect(h).toMatchObject({ likely: true, article: 'X §3', terms: ['燃气泄漏'] });
    expect(h?.reason).toContain('燃气泄漏');
    expect(screenEmergency('停水一小时', rules)).toBeNull();
    expect(screenEmergency('燃气泄漏', { outOfScope: [], emergencyTerms: null })).toBeNull();
  });
});
