/**
 * 监督投诉电话受理情况 Upheld complaints about a unit's service numbers.
 *
 * Official definition, beijing-miyun Annex 2 §2(4): "监督投诉电话受理情况，是指市民拨打市政府设立的监督投诉电话65192666，
 * 投诉各区县政府及区属各部门的便民服务和应急抢险电话工作存在下列问题。经查属实后，每次投诉扣0.01分，扣完0.4分为止。"
 * Also §26-§30 (投诉处理) and §21 (便民及应急抢险电话规范管理被投诉率为零).
 *
 * Here: orders in the scheme's service-number-complaint categories, handled by the unit (the unit
 * investigates complaints about its own number, §27), whose approved reply found the complaint
 * true or partly true (`factual`, beijing-miyun §18 问题是否属实).
 */
import type { Indicator } from './indicator';
import { isNumberComplaint } from './counts';

export const upheldNumberComplaints: Indicator = {
  id: 'upheldNumberComplaints',
  name: '监督投诉成立次数',
  kind: 'count',
  definition: '经查属实的对本单位便民服务电话的投诉次数',
  source: 'beijing-miyun Annex 2 §2(4), §26-§30',
  value: (c) => c.upheldNumberComplaints,
  membership(f, o) {
    if (f.dispatchedAt.getTime() > o.asOf.getTime()) return null;
    const upheld =
      f.outcome === 'completed' &&
      (f.factual === 'true' || f.factual === 'partly') &&
      isNumberComplaint(f.categoryCode, o.numberComplaintCategories);
    return upheld ? 'numerator' : null;
  },
};
