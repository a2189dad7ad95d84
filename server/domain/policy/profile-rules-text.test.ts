import { describe, expect, it } from 'vitest';
import { profileRuleRows } from '../../../common/profile-rules-text';
import { builtInProfiles, getBuiltInProfile } from '.';

const rowsOf = (id: string) => profileRuleRows(getBuiltInProfile(id));

describe('the policy screen reads the profile rules in Chinese', () => {
  it('zibo-12345: dispatch, emergencies at once, returns of provincial orders, lights', () => {
    const rows = rowsOf('zibo-12345');
    const pick = (stage: string, when: string) => {
      const r = rows.find((x) => x.stage === stage && x.when === when);
      return r && { rule: r.rule, article: r.article };
    };
    expect(pick('转办', '一般情形')).toEqual({
      rule: '自受理起 1 个工作日',
      article: '淄博12345 第十一条第（二）项',
    });
    expect(pick('转办', '紧急件/特急件')).toEqual({
      rule: '不设固定时限：紧急事项及时转办',
      article: '淄博12345 第十一条第（二）项、第十三条',
    });
    expect(pick('办理', '一般情形')).toEqual({
      rule: '自派单起 5 个工作日',
      article: '淄博12345 第十一条第（三）项',
    });
    expect(pick('回退', '省级工单')).toEqual({
      rule: '自派单起 1 个工作日',
      article: '淄博12345 第十一条第（六）项（省级工单）',
    });
    expect(pick('延期', '一般情形')).toEqual({
      rule: '须在办理时限前申请，最长延期 5 个工作日，最多 1 次',
      article: '淄博12345 第十一条第（四）项',
    });
    expect(pick('延期', '省级工单')?.rule).toBe(
      '须在办理时限所在日前第 1 个工作日结束前申请，最长延期 5 个工作日，最多 1 次',
    );
    expect(pick('紧急事项办理结果', '紧急件/特急件')).toEqual({
      rule: '自派单起 1 至 3 个工作日，由派单人员指定，默认 3 个工作日',
      article: '淄博12345 第十三条',
    });
    expect(pick('预警灯', '办理环节')).toEqual({
      rule: '办理时限所在日前第 1 个工作日结束起亮黄灯；超过办理时限为超期；超期 1 个工作日亮红灯，系统自动发出催办单',
      article: '淄博12345 第十二条',
    });
  });

  it('tianjin-urban: the office-hours receive window', () => {
    const r = rowsOf('tianjin-urban').find((x) => x.stage === '签收' && x.when === '一般情形');
    expect(r?.rule).toBe(
      '工作日办公时间（09:00—16:00）内受理的 3 小时；其他时间受理的，自下一办公时段开始 3 小时；' +
        '受理时间或至下一办公时段之间遇连续 5 天以上含法定节假日的休息日，自下一办公时段开始 24 小时',
    );
    expect(r?.article).toBe('天津市城市管理委便民服务专线 第八条第（一）项');
  });

  it('messages and paging: beijing-miyun §20 reminds units before deadlines; zibo-12345 §13 pages', () => {
    const unit = rowsOf('beijing-miyun').find((r) => r.key === 'messages-unit');
    expect(unit?.rule).toBe('派单后短信通知联络员；办理时限前 24 小时临期提醒；催办单同时短信通知');
    expect(unit?.article).toMatch(/第二十条$/);
    const paging = rowsOf('zibo-12345').find((r) => r.key === 'paging');
    expect(paging?.when).toBe('紧急程度：紧急件、特急件');
    expect(paging?.rule).toContain('15 分钟内未确认');
    expect(paging?.article).toMatch(/第十三条$/);
    expect(rowsOf('tianjin-wuqing').some((r) => r.key === 'paging')).toBe(false);
  });

  it('no English reaches a clerk from any built-in profile', () => {
    for (const p of builtInProfiles) {
      for (const r of profileRuleRows(p)) {
        expect(`${p.id}: ${r.stage} ${r.when} ${r.rule} ${r.article}`).not.toMatch(/: .*[A-Za-z]/);
      }
    }
  });
});
