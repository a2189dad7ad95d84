import type { TicketType } from '../../../common/enums';

/**
 * Wording of the demo city's requests: what callers of a city 12345 line typically say, by
 * category. `{place}` is replaced by a street of the caller's district.
 */
export interface RequestTemplate {
  category: string;
  type: TicketType;
  content: string;
  demand: string;
  reply: string;
}

export const requestTemplates: RequestTemplate[] = [
  { category: '010201', type: 'complaint', content: '来电人反映在{place}附近一家装修公司打工，公司已拖欠三个月工资共计一万八千元，多次讨要无果。', demand: '要求相关部门督促公司支付拖欠工资。', reply: '经劳动监察支队调查，该公司确有拖欠工资情况，已责令其限期支付，公司已于当日支付全部欠薪，来电人表示认可。' },
  { category: '010101', type: 'consult', content: '来电人咨询灵活就业人员如何在本市缴纳城镇职工养老保险，需要带哪些材料。', demand: '咨询办理流程和所需材料。', reply: '已告知来电人携带身份证到社保经办窗口或通过“云川人社”APP办理灵活就业参保登记。' },
  { category: '010102', type: 'consult', content: '来电人咨询异地就医备案后在本市住院能否直接结算医保费用。', demand: '咨询异地就医直接结算政策。', reply: '已告知已备案人员在定点医疗机构住院可直接结算，并告知备案渠道。' },
  { category: '020201', type: 'complaint', content: '来电人反映{place}小区物业公司长期不作为，楼道灯坏了两个月无人维修，垃圾清运不及时。', demand: '要求物业公司履行服务义务，尽快维修。', reply: '物业管理科已约谈物业公司负责人，楼道灯已更换，垃圾清运调整为每日两次，来电人表示满意。' },
  { category: '020203', type: 'help', content: '来电人反映{place}小区3号楼电梯频繁故障，昨日有老人被困半小时，存在安全隐患。', demand: '要求尽快检修电梯，排除安全隐患。', reply: '已联系维保单位对电梯进行全面检修，更换了门锁装置，特种设备检验机构已复检合格。' },
  { category: '020102', type: 'consult', content: '来电人咨询在本市购买首套住房能否提取住房公积金支付首付款。', demand: '咨询公积金提取政策。', reply: '已告知购房提取的条件、额度及线上办理方式。' },
  { category: '020301', type: 'complaint', content: '来电人反映{place}一处工地每天晚上十点后仍在施工，噪声很大，严重影响休息。', demand: '要求制止夜间违规施工。', reply: '执法人员夜间到场核查，工地无夜间施工许可，已责令停止夜间施工并立案处罚。' },
  { category: '030102', type: 'complaint', content: '来电人反映在{place}一家健身房办理了年卡，现健身房突然关门，预付卡余额三千余元无法退还。', demand: '要求商家退还预付卡余额。', reply: '市场监管局已联系经营者，经调解商家同意分两期退还余额，来电人已收到首期退款。' },
  { category: '030201', type: 'report', content: '来电人举报{place}一家小餐馆后厨卫生条件差，餐具未消毒，有老鼠出没。', demand: '要求对餐馆进行检查处理。', reply: '执法人员现场检查发现餐具消毒记录缺失，已责令整改并依法立案。' },
  { category: '030301', type: 'complaint', content: '来电人反映{place}超市标价与结算价格不一致，多收了十几元。', demand: '要求查处价格欺诈行为。', reply: '经核查系超市价签更换不及时，已责令整改并退还差价。' },
  { category: '040101', type: 'complaint', content: '来电人反映{place}楼下烧烤店油烟直排，家里窗户都不敢开。', demand: '要求餐饮店安装油烟净化设施。', reply: '执法人员检查发现该店油烟净化设施未正常使用，已责令整改，复查时已达标排放。' },
  { category: '040203', type: 'complaint', content: '来电人反映{place}广场舞音响声音过大，每天晚上持续到九点半以后。', demand: '要求控制音量和时间。', reply: '街道已与广场舞队负责人沟通，约定音量和结束时间，社区网格员将持续巡查。' },
  { category: '050102', type: 'complaint', content: '来电人反映乘坐28路公交车时司机未到站就关门，态度恶劣。', demand: '要求公交公司加强管理。', reply: '公交公司调取车载视频核实，已对驾驶员进行批评教育并扣减当月考核分。' },
  { category: '050201', type: 'complaint', content: '来电人反映在{place}打出租车，司机拒载并称不打表。', demand: '要求查处拒载行为。', reply: '交通执法支队根据车牌号查实拒载行为，已依法处罚。' },
  { category: '050301', type: 'help', content: '来电人反映{place}路面有一个大坑，已有电动车摔倒。', demand: '要求尽快修补路面。', reply: '养护单位已于当日设置警示标志，次日完成修补。' },
  { category: '060101', type: 'complaint', content: '来电人反映{place}垃圾桶满溢多日无人清运，气味难闻。', demand: '要求及时清运垃圾。', reply: '环卫部门已完成清运并调整清运频次为每日一次。' },
  { category: '060102', type: 'complaint', content: '来电人反映{place}菜市场门口流动摊贩占道经营，早晚高峰通行困难。', demand: '要求规范占道经营。', reply: '街道联合城管对占道摊点进行清理，并引导摊贩进入便民市场经营。' },
  { category: '060201', type: 'report', content: '来电人举报{place}小区顶楼住户私自搭建阳光房。', demand: '要求拆除违章建筑。', reply: '经核查属违法建设，已下达限期拆除通知书，当事人已自行拆除。' },
  { category: '060301', type: 'help', content: '来电人反映{place}行道树枝叶遮挡路灯和交通标志。', demand: '要求修剪树木。', reply: '园林部门已安排修剪。' },
  { category: '070101', type: 'help', content: '来电人反映{place}从今天上午起停水，没有接到任何通知。', demand: '要求尽快恢复供水并说明原因。', reply: '经查系管网爆管抢修，已于当日18时恢复供水，今后将提前发布停水通知。' },
  { category: '070201', type: 'help', content: '来电人反映{place}片区频繁停电，一周内已停了三次。', demand: '要求排查线路，保障正常供电。', reply: '供电公司已更换老化线路，近期运行稳定。' },
  { category: '070401', type: 'complaint', content: '来电人反映{place}家中暖气温度只有十四度，达不到供热标准。', demand: '要求供热公司上门检测维修。', reply: '热力公司上门检测，对管道进行排气和阀门调节，室温已达到18度以上。' },
  { category: '080101', type: 'consult', content: '来电人咨询孩子明年上小学，随迁子女入学需要准备哪些材料。', demand: '咨询随迁子女入学政策。', reply: '已告知入学所需的居住证、社保等材料及网上报名时间。' },
  { category: '080201', type: 'complaint', content: '来电人反映在{place}一家校外培训机构报名课程后机构停课，剩余课时费八千元不退。', demand: '要求退还培训费。', reply: '教育局已约谈培训机构，机构已与来电人达成退费协议。' },
  { category: '090102', type: 'consult', content: '来电人咨询门诊慢特病医保报销比例和办理方式。', demand: '咨询报销政策。', reply: '已告知门诊慢特病认定流程及报销比例。' },
  { category: '100101', type: 'consult', content: '来电人咨询本市落户需要满足什么条件，夫妻投靠如何办理。', demand: '咨询落户政策。', reply: '已告知投靠落户的条件和所需材料。' },
  { category: '100201', type: 'complaint', content: '来电人反映{place}小区门口长期有车辆违停，堵塞消防通道。', demand: '要求清理违停车辆。', reply: '交警已对违停车辆开具罚单，并协调物业设置禁停标志。' },
  { category: '110201', type: 'complaint', content: '来电人反映到政务服务大厅办理营业执照时窗口工作人员态度生硬，让其来回跑了三趟。', demand: '要求改进服务态度。', reply: '政务服务管理局已核实并对窗口人员进行批评教育，已为来电人办结业务。' },
  { category: '110202', type: 'complaint', content: '来电人反映拨打区住建局公布的服务电话连续两天无人接听。', demand: '要求保障服务电话畅通。', reply: '经核查系电话线路故障，已修复并安排专人值守。' },
  { category: '020201', type: 'suggestion', content: '来电人建议在{place}小区增设电动车集中充电桩，减少飞线充电隐患。', demand: '建议增设充电设施。', reply: '已将建议转交街道和物业，计划年内在小区内增设两处充电棚。' },
  { category: '050101', type: 'suggestion', content: '来电人建议延长15路公交末班车时间至晚上十点。', demand: '建议调整公交运营时间。', reply: '公交公司将结合客流调查研究调整方案。' },
  { category: '060301', type: 'praise', content: '来电人表扬{place}环卫工人拾金不昧，归还了其丢失的钱包。', demand: '表扬环卫工人。', reply: '已转达表扬。' },
];

export const districtPlaces: Record<string, string[]> = {
  东城区: ['东湖路', '新港大道', '东湖花园', '滨江小区', '东城菜市场'],
  西城区: ['白塔街', '清河镇政府路', '西苑小区', '白塔公园', '西城商业街'],
  北山区: ['北山镇中心街', '龙泉乡集镇', '北山新村', '龙泉路', '北山工业园'],
};

export const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林'];
export const givenNames = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '建华', '桂兰'];
