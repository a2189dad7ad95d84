/** The sample order: a wage-arrears complaint by phone (attack scripts, benches and the server tests build on it). */
export const sampleOrder = {
  channel: 'phone',
  type: 'complaint',
  category: '010201',
  urgency: 'normal',
  level: 'city',
  caller: { name: '王小明', phone: '13812345678', address: '云川市东城区东湖路18号', confidential: false },
  location: { address: '东城区东湖路18号', region: '东城区' },
  content: '公司拖欠三个月工资共计两万元，多次讨要无果，请求劳动监察部门处理。',
};
