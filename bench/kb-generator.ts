/**
 * Seeded generator of government-service Q&A articles (政务知识库) for benchmarks: titles,
 * bodies of 150-500 characters in the style of hotline knowledge entries, categories and units
 * of the demo city, and intake-style queries. Same seed → same corpus.
 */
import { seededRandom } from '../common/seeded-random';
export const mulberry32 = seededRandom;

interface Topic {
  subject: string;
  category: string;
  unit: string;
  actions: string[];
  materials: string[];
  places: string[];
  extra: string[];
}

const topics: Topic[] = [
  {
    subject: '社保卡',
    category: '010101',
    unit: 'YC-RSJ-SB',
    actions: ['补办', '挂失', '激活', '换领', '申领'],
    materials: ['身份证原件', '近期免冠照片', '户口簿'],
    places: ['社保经办机构', '合作银行网点', '政务服务中心社保窗口'],
    extra: ['可在手机上预约', '补卡工本费按规定收取', '即时制卡网点当场领卡'],
  },
  {
    subject: '养老保险',
    category: '010101',
    unit: 'YC-RSJ-SB',
    actions: ['参保登记', '转移接续', '待遇领取', '缴费年限查询', '补缴'],
    materials: ['身份证', '参保缴费凭证', '转移联系函'],
    places: ['社保经办机构', '街道社保所'],
    extra: ['累计缴费满十五年方可按月领取养老金', '灵活就业人员可按档次自主选择缴费基数'],
  },
  {
    subject: '医疗保险',
    category: '010102',
    unit: 'YC-RSJ-SB',
    actions: ['异地就医备案', '门诊报销', '住院结算', '参保缴费', '特殊病种认定'],
    materials: ['医保卡', '诊断证明', '住院费用清单', '发票原件'],
    places: ['医保经办大厅', '定点医疗机构'],
    extra: ['城乡居民医保按年度缴费', '跨省异地就医可直接结算'],
  },
  {
    subject: '失业保险金',
    category: '010103',
    unit: 'YC-RSJ-SB',
    actions: ['申领', '停发', '领取期限查询'],
    materials: ['解除劳动合同证明', '身份证', '银行卡'],
    places: ['公共就业服务机构'],
    extra: ['失业前单位和本人已缴费满一年', '领取期间可享受职业培训补贴'],
  },
  {
    subject: '工伤认定',
    category: '010104',
    unit: 'YC-RSJ',
    actions: ['申请', '劳动能力鉴定', '待遇核定'],
    materials: ['工伤认定申请表', '劳动关系证明', '医疗诊断证明'],
    places: ['人社局工伤科'],
    extra: ['用人单位应当在事故发生之日起30日内提出申请'],
  },
  {
    subject: '拖欠工资',
    category: '010201',
    unit: 'YC-RSJ-LD',
    actions: ['投诉', '举报', '劳动仲裁申请'],
    materials: ['劳动合同', '工资条', '考勤记录'],
    places: ['劳动保障监察大队', '劳动人事争议仲裁院'],
    extra: ['农民工工资实行专户管理', '仲裁不收费'],
  },
  {
    subject: '劳动合同',
    category: '010202',
    unit: 'YC-RSJ-LD',
    actions: ['签订', '解除', '经济补偿计算'],
    materials: ['劳动合同文本', '解除通知'],
    places: ['劳动保障监察大队'],
    extra: ['用人单位自用工之日起即与劳动者建立劳动关系', '经济补偿按工作年限计算'],
  },
  {
    subject: '就业创业补贴',
    category: '010203',
    unit: 'YC-RSJ',
    actions: ['申请', '发放查询'],
    materials: ['营业执照', '就业失业登记证', '银行账户'],
    places: ['公共就业服务中心'],
    extra: ['高校毕业生创业可申请创业担保贷款'],
  },
  {
    subject: '灵活就业人员社保',
    category: '010204',
    unit: 'YC-RSJ-SB',
    actions: ['参保登记', '缴费档次调整', '停保'],
    materials: ['身份证', '银行卡'],
    places: ['社保经办机构', '网上办事大厅'],
    extra: ['可选择按月或按年缴费'],
  },
  {
    subject: '公租房',
    category: '020101',
    unit: 'YC-ZJJ',
    actions: ['申请', '资格审核', '租金缴纳', '退出'],
    materials: ['户口簿', '收入证明', '住房情况证明'],
    places: ['住房保障服务中心', '社区居委会'],
    extra: ['家庭人均收入低于规定标准', '实行轮候配租'],
  },
  {
    subject: '住房公积金',
    category: '020102',
    unit: 'YC-ZJJ',
    actions: ['提取', '贷款申请', '缴存基数调整', '异地转移'],
    materials: ['身份证', '购房合同', '租房合同', '不动产权证'],
    places: ['公积金管理中心服务网点', '手机公积金客户端'],
    extra: ['租房提取每年可办理一次', '贷款额度与缴存余额挂钩'],
  },
  {
    subject: '房屋征收',
    category: '020103',
    unit: 'YC-ZJJ',
    actions: ['补偿标准咨询', '评估异议', '安置房选择'],
    materials: ['不动产权证', '征收决定公告'],
    places: ['征收办公室'],
    extra: ['对评估结果有异议可申请复核评估'],
  },
  {
    subject: '物业服务',
    category: '020201',
    unit: 'YC-ZJJ-WY',
    actions: ['投诉', '收费标准咨询', '更换物业公司'],
    materials: ['物业服务合同', '业主大会决议'],
    places: ['街道办事处', '物业管理科'],
    extra: ['物业费收费标准应当公示', '更换物业须经业主大会表决'],
  },
  {
    subject: '维修资金',
    category: '020202',
    unit: 'YC-ZJJ-WY',
    actions: ['使用申请', '余额查询', '续筹'],
    materials: ['维修方案', '业主表决同意书'],
    places: ['维修资金管理中心'],
    extra: ['电梯、屋面防水等共用部位维修可申请使用'],
  },
  {
    subject: '电梯故障',
    category: '020203',
    unit: 'YC-SCJ',
    actions: ['报修', '安全投诉', '困人救援'],
    materials: ['电梯使用标志照片'],
    places: ['特种设备安全监察科'],
    extra: ['电梯困人请拨打96333', '维保单位应每15日维护一次'],
  },
  {
    subject: '施工噪音',
    category: '020301',
    unit: 'YC-STJ',
    actions: ['投诉', '夜间施工许可查询'],
    materials: ['现场照片', '录音录像'],
    places: ['生态环境执法支队'],
    extra: ['夜间22时至次日6时禁止产生噪声的施工', '确需连续作业须取得证明'],
  },
  {
    subject: '工地扬尘',
    category: '020302',
    unit: 'YC-CGJ',
    actions: ['投诉', '举报'],
    materials: ['现场照片'],
    places: ['城管执法大队'],
    extra: ['施工工地应当设置围挡并覆盖裸土'],
  },
  {
    subject: '预付卡退费',
    category: '030102',
    unit: 'YC-SCJ',
    actions: ['投诉', '退费申请'],
    materials: ['预付卡', '消费凭证', '合同'],
    places: ['市场监管所', '12315平台'],
    extra: ['经营者停业应当提前告知并退还余额'],
  },
  {
    subject: '网络购物纠纷',
    category: '030103',
    unit: 'YC-SCJ',
    actions: ['投诉', '七日无理由退货'],
    materials: ['订单截图', '聊天记录'],
    places: ['12315平台'],
    extra: ['平台经营者应当提供先行赔付'],
  },
  {
    subject: '餐饮卫生',
    category: '030201',
    unit: 'YC-SCJ',
    actions: ['举报', '食品安全投诉'],
    materials: ['就餐凭证', '照片'],
    places: ['市场监管所'],
    extra: ['餐饮服务提供者应持有食品经营许可证'],
  },
  {
    subject: '价格欺诈',
    category: '030301',
    unit: 'YC-SCJ',
    actions: ['举报', '投诉'],
    materials: ['价签照片', '购物小票'],
    places: ['价格监督检查局'],
    extra: ['明码标价是经营者的法定义务'],
  },
  {
    subject: '餐饮油烟',
    category: '040101',
    unit: 'YC-STJ',
    actions: ['投诉', '整改督办'],
    materials: ['现场照片', '店铺地址'],
    places: ['生态环境执法支队', '城管执法大队'],
    extra: ['餐饮单位应安装油烟净化设施并定期清洗'],
  },
  {
    subject: '露天焚烧',
    category: '040102',
    unit: 'YC-STJ',
    actions: ['举报'],
    materials: ['照片', '位置'],
    places: ['生态环境执法支队'],
    extra: ['禁止露天焚烧秸秆和垃圾'],
  },
  {
    subject: '商业噪声',
    category: '040201',
    unit: 'YC-STJ',
    actions: ['投诉'],
    materials: ['录音'],
    places: ['派出所', '城管执法大队'],
    extra: ['商业经营活动中使用高音广播招揽顾客的可依法处罚'],
  },
  {
    subject: '河道污染',
    category: '040302',
    unit: 'YC-STJ',
    actions: ['举报', '治理进展查询'],
    materials: ['照片', '位置'],
    places: ['河长办'],
    extra: ['各级河长负责辖区河道治理'],
  },
  {
    subject: '公交线路',
    category: '050101',
    unit: 'YC-JTJ',
    actions: ['调整建议', '首末班时间查询', '站点增设'],
    materials: [],
    places: ['公交集团客服'],
    extra: ['线路调整将提前公示征求意见'],
  },
  {
    subject: '出租车拒载',
    category: '050201',
    unit: 'YC-JTJ',
    actions: ['投诉'],
    materials: ['车牌号', '发票', '时间地点'],
    places: ['交通运输执法支队'],
    extra: ['投诉时请提供车牌号和乘车时间'],
  },
  {
    subject: '网约车',
    category: '050202',
    unit: 'YC-JTJ',
    actions: ['投诉', '驾驶员资格查询', '车辆运输证办理'],
    materials: ['订单信息'],
    places: ['交通运输执法支队'],
    extra: ['网约车应取得网络预约出租汽车运输证'],
  },
  {
    subject: '道路破损',
    category: '050301',
    unit: 'YC-CGJ',
    actions: ['报修', '维修进度查询'],
    materials: ['照片', '具体位置'],
    places: ['市政设施管理处'],
    extra: ['一般坑槽在接报后72小时内修复'],
  },
  {
    subject: '垃圾清运',
    category: '060101',
    unit: 'YC-CGJ',
    actions: ['投诉', '清运时间查询'],
    materials: ['照片'],
    places: ['环卫所', '街道办事处'],
    extra: ['生活垃圾应日产日清', '垃圾分类投放'],
  },
  {
    subject: '占道经营',
    category: '060102',
    unit: 'YC-CGJ',
    actions: ['举报', '投诉'],
    materials: ['照片', '位置'],
    places: ['城管执法中队'],
    extra: ['城管执法部门将依法劝导和查处'],
  },
  {
    subject: '违章搭建',
    category: '060201',
    unit: 'YC-CGJ',
    actions: ['举报', '拆除进度查询'],
    materials: ['照片', '具体门牌号'],
    places: ['城管执法中队', '街道办事处'],
    extra: ['新增违法建设发现一起拆除一起'],
  },
  {
    subject: '树木修剪',
    category: '060301',
    unit: 'YC-CGJ',
    actions: ['申请', '投诉'],
    materials: ['位置', '照片'],
    places: ['园林绿化所'],
    extra: ['影响采光和安全的树木可申请修剪'],
  },
  {
    subject: '停水',
    category: '070101',
    unit: 'YC-SW',
    actions: ['报修', '停水通知查询', '恢复时间查询'],
    materials: ['户号'],
    places: ['水务集团客服热线'],
    extra: ['计划停水提前24小时公告'],
  },
  {
    subject: '水费',
    category: '070103',
    unit: 'YC-SW',
    actions: ['缴纳', '阶梯水价咨询', '账单查询'],
    materials: ['户号'],
    places: ['水务营业厅', '手机缴费'],
    extra: ['居民用水实行阶梯水价'],
  },
  {
    subject: '停电',
    category: '070201',
    unit: 'YC-GD',
    actions: ['报修', '计划停电查询'],
    materials: ['户号'],
    places: ['供电服务热线95598'],
    extra: ['故障抢修到达现场时间城区不超过45分钟'],
  },
  {
    subject: '燃气安全',
    category: '070301',
    unit: 'YC-RQ',
    actions: ['隐患报修', '入户安检预约', '燃气表更换'],
    materials: ['户号'],
    places: ['燃气公司服务热线'],
    extra: ['闻到燃气味请立即关闭阀门并开窗通风'],
  },
  {
    subject: '暖气不热',
    category: '070401',
    unit: 'YC-RL',
    actions: ['报修', '室温检测申请', '供暖费退费'],
    materials: ['供热户号'],
    places: ['热力公司客服'],
    extra: ['供暖期室内温度不低于18摄氏度'],
  },
  {
    subject: '入学招生',
    category: '080101',
    unit: 'YC-JYJ',
    actions: ['报名', '学区查询', '随迁子女入学'],
    materials: ['户口簿', '房产证明', '居住证'],
    places: ['区教育局', '学校招生办'],
    extra: ['义务教育阶段实行划片就近入学'],
  },
  {
    subject: '校外培训退费',
    category: '080201',
    unit: 'YC-JYJ',
    actions: ['投诉', '退费申请'],
    materials: ['培训合同', '缴费凭证'],
    places: ['区教育局'],
    extra: ['培训机构预收费纳入资金监管'],
  },
  {
    subject: '医疗纠纷',
    category: '090101',
    unit: 'YC-WJW',
    actions: ['投诉', '调解申请'],
    materials: ['病历', '费用清单'],
    places: ['医疗纠纷人民调解委员会'],
    extra: ['可申请医疗损害鉴定'],
  },
  {
    subject: '疫苗接种',
    category: '090201',
    unit: 'YC-WJW',
    actions: ['预约', '接种点查询'],
    materials: ['身份证', '预防接种证'],
    places: ['社区卫生服务中心'],
    extra: ['儿童免疫规划疫苗免费接种'],
  },
  {
    subject: '户口迁移',
    category: '100101',
    unit: 'YC-GAJ',
    actions: ['办理', '准迁证申请', '投靠落户'],
    materials: ['户口簿', '身份证', '结婚证', '房产证'],
    places: ['派出所户籍窗口'],
    extra: ['符合条件的可在网上申请跨省迁移'],
  },
  {
    subject: '身份证',
    category: '100102',
    unit: 'YC-GAJ',
    actions: ['补领', '换领', '异地办理'],
    materials: ['户口簿', '照片回执'],
    places: ['派出所户籍窗口'],
    extra: ['可办理临时身份证'],
  },
  {
    subject: '违章停车',
    category: '100201',
    unit: 'YC-GAJ',
    actions: ['举报', '处罚查询'],
    materials: ['车牌号', '照片'],
    places: ['交警大队'],
    extra: ['占用消防通道停车将依法处罚'],
  },
  {
    subject: '驾驶证',
    category: '100202',
    unit: 'YC-GAJ',
    actions: ['换证', '补证', '满分学习'],
    materials: ['身份证', '体检证明'],
    places: ['车管所'],
    extra: ['有效期满前90日内申请换证'],
  },
  {
    subject: '营业执照',
    category: '110101',
    unit: 'YC-ZWB',
    actions: ['办理', '变更', '注销'],
    materials: ['身份证', '经营场所证明', '公司章程'],
    places: ['政务服务中心', '一网通办平台'],
    extra: ['企业开办一个工作日内办结'],
  },
  {
    subject: '居住证',
    category: '110101',
    unit: 'YC-GAJ',
    actions: ['申领', '签注', '积分查询'],
    materials: ['身份证', '居住证明', '照片'],
    places: ['派出所', '社区服务站'],
    extra: ['居住半年以上可申领居住证'],
  },
  {
    subject: '不动产登记',
    category: '110102',
    unit: 'YC-ZWB',
    actions: ['过户', '抵押登记', '查询'],
    materials: ['不动产权证', '身份证', '完税证明'],
    places: ['不动产登记中心'],
    extra: ['一般登记5个工作日内办结'],
  },
  {
    subject: '低保',
    category: '110102',
    unit: 'YC-ZWB',
    actions: ['申请', '年审', '标准查询'],
    materials: ['户口簿', '收入证明'],
    places: ['街道社会事务办'],
    extra: ['家庭人均收入低于当地最低生活保障标准'],
  },
];

const districts = ['东城区', '西城区', '北山区'];
const streets = [
  '东湖街道',
  '新港街道',
  '白塔街道',
  '清河镇',
  '北山镇',
  '龙泉乡',
  '南苑街道',
  '望江街道',
  '金桥街道',
  '梅林街道',
];
const communities = [
  '阳光',
  '幸福',
  '和平',
  '翠湖',
  '锦绣',
  '金色',
  '滨江',
  '书香',
  '碧桂',
  '枫林',
  '紫荆',
  '银杏',
];
const suffixes = ['小区', '花园', '家园', '新村', '苑'];
const intros = ['市民来电咨询', '群众反映', '根据相关规定', '按照有关政策', '经核实'];
const closings = [
  '如有疑问可拨打12345热线咨询。',
  '具体以经办机构审核为准。',
  '办理进度可在网上查询。',
  '请携带材料原件及复印件。',
];

export interface GeneratedArticle {
  id: string;
  title: string;
  content: string;
  category: string;
  unit: string;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

export function generateArticle(r: () => number, i: number): GeneratedArticle {
  const t = pick(r, topics);
  const action = pick(r, t.actions);
  const place = `${pick(r, districts)}${pick(r, streets)}${pick(r, communities)}${pick(r, suffixes)}`;
  const year = 2019 + Math.floor(r() * 8);
  const titleForms = [
    `${t.subject}${action}办理指南`,
    `如何${action}${t.subject}`,
    `${t.subject}${action}需要哪些材料`,
    `${place}${t.subject}${action}问题答复`,
    `${year}年${t.subject}${action}政策解读`,
    `${t.subject}${action}常见问题（${i % 97}）`,
  ];
  const title = pick(r, titleForms);
  const parts: string[] = [`${pick(r, intros)}，关于${t.subject}${action}的问题答复如下。`];
  if (t.materials.length > 0) {
    const n = 1 + Math.floor(r() * t.materials.length);
    parts.push(`办理${t.subject}${action}需携带${t.materials.slice(0, n).join('、')}。`);
  }
  parts.push(`办理地点：${pick(r, t.places)}，工作日上午9时至下午5时受理。`);
  const extras = [...t.extra];
  while (extras.length > 0 && r() < 0.8) {
    parts.push(`${extras.splice(Math.floor(r() * extras.length), 1)[0]}。`);
  }
  if (r() < 0.5) parts.push(`${place}的居民可就近到${pick(r, streets)}便民服务站咨询。`);
  if (r() < 0.4) {
    const other = pick(r, topics);
    parts.push(
      `涉及${other.subject}${pick(r, other.actions)}的，请另行咨询${other.places[0] ?? '相关部门'}。`,
    );
  }
  parts.push(`本条目依据${year}年发布的相关文件整理，编号${1000 + (i % 9000)}。`);
  parts.push(pick(r, closings));
  return { id: `gen-${i}`, title, content: parts.join(''), category: t.category, unit: t.unit };
}

/** Intake-style queries: short keywords, phrases and a citizen's sentence. */
export function generateQueries(r: () => number, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = pick(r, topics);
    const action = pick(r, t.actions);
    const kind = r();
    if (kind < 0.3) out.push(t.subject);
    else if (kind < 0.6) out.push(`${t.subject}${action}`);
    else if (kind < 0.8) out.push(`${t.subject}${action}需要什么材料`);
    else {
      out.push(
        `我住在${pick(r, streets)}${pick(r, communities)}${pick(r, suffixes)}，想问一下${t.subject}怎么${action}，要带${pick(r, t.materials.length ? t.materials : ['身份证'])}吗`,
      );
    }
  }
  return out;
}

const openings = ['领导您好！', '您好，', '尊敬的领导：', '你好，我想反映一个情况。', ''];
const worries = [
  '跑了两趟都没办成',
  '窗口说材料不齐',
  '网上也查不到说明',
  '打电话一直没人接',
  '家里老人行动不便',
];

/**
 * Citizens' whole messages (more than 64 characters): the texts the intake desk pastes from a
 * web message or a transcript, ranked in two stages (words, then bigrams).
 */
export function generateMessages(r: () => number, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = pick(r, topics);
    const action = pick(r, t.actions);
    const home = `${pick(r, districts)}${pick(r, streets)}${pick(r, communities)}${pick(r, suffixes)}`;
    const material = pick(r, t.materials.length ? t.materials : ['身份证']);
    out.push(
      `${pick(r, openings)}我是${home}的居民，最近想咨询${t.subject}${action}的事，${pick(r, worries)}。` +
        `请问${t.subject}${action}到底需要哪些材料，只带${material}可以吗？在哪里办理，多长时间能办好？希望有关部门给个明确答复，谢谢！`,
    );
  }
  return out;
}
