/**
 * A small history with hand-computed Beijing figures (beijing-miyun profile: 7 natural days from
 * dispatch; extensions of up to 3 working days). See assessment.integration.test.ts for the sums.
 */
const at = (s: string) => `2026-${s}+08:00`;

function order(
  ticketNo: string,
  received: string,
  events: unknown[],
  over: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    ticketNo,
    receivedAt: at(received),
    channel: 'phone',
    type: 'complaint',
    category: '010201',
    region: '东城区',
    caller: { name: '市民', phone: '13800000000' },
    content: '市民来电反映诉求',
    events,
    ...over,
  });
}

const dispatch = (when: string, unitCode: string) => ({
  at: at(when),
  action: 'dispatch',
  payload: { unitCode },
});
const accept = (when: string) => ({ at: at(when), action: 'accept' });
const reply = (when: string, factual?: string) => ({
  at: at(when),
  action: 'reply',
  payload: { result: '已办理', contacted: true, ...(factual ? { factual } : {}) },
});
const approve = (when: string) => ({ at: at(when), action: 'approve-reply' });
const callback = (when: string, contacted: boolean, rating: string) => ({
  at: at(when),
  action: 'record-callback',
  payload: {
    reached: true,
    contactedByUnit: contacted,
    processSatisfaction: rating,
    resultSatisfaction: rating,
  },
});

export const beijingFixture: string[] = [
  // YC-RSJ, February: one order on time, contacted, satisfied.
  order('2026020200001', '02-02T09:00:00', [
    dispatch('02-02T09:30:00', 'YC-RSJ'),
    accept('02-02T10:00:00'),
    reply('02-05T10:00:00'),
    approve('02-05T11:00:00'),
    callback('02-06T10:00:00', true, 'satisfied'),
  ]),
  // YC-RSJ, March, dispatched Mon Mar 2 09:30 → due Mon Mar 9 23:59:59.
  order('2026030200001', '03-02T09:00:00', [
    dispatch('03-02T09:30:00', 'YC-RSJ'),
    accept('03-02T10:00:00'),
    reply('03-05T10:00:00'),
    approve('03-05T11:00:00'),
    callback('03-06T10:00:00', true, 'satisfied'),
  ]),
  order('2026030200002', '03-02T09:00:00', [
    dispatch('03-02T09:30:00', 'YC-RSJ'),
    accept('03-02T10:00:00'),
    reply('03-10T10:00:00'),
    approve('03-10T11:00:00'),
    callback('03-11T10:00:00', false, 'unsatisfied'),
  ]),
  order('2026030200003', '03-02T09:00:00', [
    dispatch('03-02T09:30:00', 'YC-RSJ'),
    accept('03-02T10:00:00'),
    reply('03-06T10:00:00'),
    approve('03-06T11:00:00'),
    callback('03-07T10:00:00', true, 'basically-satisfied'),
  ]),
  order('2026030200004', '03-02T09:00:00', [
    dispatch('03-02T09:30:00', 'YC-RSJ'),
    {
      at: at('03-02T11:00:00'),
      action: 'request-return',
      payload: { reason: '非本单位职责', basis: '三定方案' },
    },
    { at: at('03-02T12:00:00'), action: 'approve-return' },
  ]),
  order('2026030200005', '03-02T09:00:00', [
    dispatch('03-02T09:30:00', 'YC-RSJ'),
    accept('03-02T10:00:00'),
    {
      at: at('03-06T10:00:00'),
      action: 'request-extension',
      payload: { workingDays: 3, reason: '需现场核查' },
    },
    { at: at('03-06T11:00:00'), action: 'approve-extension' },
    reply('03-11T10:00:00'),
    approve('03-11T11:00:00'),
  ]),
  // YC-ZJJ: two orders on time, contacted and satisfied; the second an upheld complaint about its service number.
  order(
    '2026030200006',
    '03-02T09:00:00',
    [
      dispatch('03-02T09:30:00', 'YC-ZJJ'),
      accept('03-02T10:00:00'),
      reply('03-03T10:00:00'),
      approve('03-03T11:00:00'),
      callback('03-04T10:00:00', true, 'satisfied'),
    ],
    { category: '020201' },
  ),
  order(
    '2026030200007',
    '03-02T09:00:00',
    [
      dispatch('03-02T09:30:00', 'YC-ZJJ'),
      accept('03-02T10:00:00'),
      reply('03-04T10:00:00', 'true'),
      approve('03-04T11:00:00'),
      callback('03-05T10:00:00', true, 'satisfied'),
    ],
    { category: '110202' },
  ),
  // Through the district platform DC-RX to the street DC-DHJD: on time, no callback.
  order(
    '2026030200008',
    '03-02T09:00:00',
    [
      dispatch('03-02T09:30:00', 'DC-RX'),
      dispatch('03-02T10:00:00', 'DC-DHJD'),
      accept('03-02T11:00:00'),
      reply('03-04T10:00:00'),
      approve('03-04T11:00:00'),
    ],
    { category: '060102' },
  ),
  // A consultation answered on the spot: no unit, no figures.
  order(
    '2026030200009',
    '03-02T09:00:00',
    [{ at: at('03-02T09:05:00'), action: 'direct-answer', payload: { answer: '已答复' } }],
    { type: 'consult' },
  ),
];

/** Command-line options of a report on the fixture: beijing-miyun, March 2026, as JSON. */
export const beijingMarchReport = ['--scheme', 'beijing-miyun', '--period', '2026-03', '--json'];
