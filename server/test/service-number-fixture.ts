/** An application to open a service number (beijing-miyun §9), as a unit files it. */
export const numberOpening = {
  action: 'open',
  number: '0871-65128800',
  name: '社保咨询服务电话',
  kind: 'service',
  dutyHours: '工作日 8:30-17:30',
  duties: '社会保险政策咨询、投诉',
  reason: '新设社保咨询专线',
};
