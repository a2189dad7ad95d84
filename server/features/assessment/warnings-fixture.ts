/**
 * March 2026 under beijing-miyun with known outcomes, for the unit warnings (beijing-miyun §21,
 * §30). Every order is dispatched Mon Mar 2 09:30 → handling deadline Mon Mar 9 23:59:59 (7
 * natural days, §17); a complaint still not replied to at the end of Tue Mar 10 is "超期1个工作日" (§30).
 * Category 110202 服务号码不通 is a complaint about a service number.
 */
const at = (s: string) => `2026-${s}+08:00`;

function order(ticketNo: string, category: string, events: unknown[]): string {
  return JSON.stringify({
    ticketNo,
    receivedAt: at('03-02T09:00:00'),
    channel: 'phone',
    type: 'complaint',
    category,
    caller: { name: '市民', phone: '13800000000' },
    content: '市民来电反映诉求',
    events,
  });
}

const dispatch = (unitCode: string) => ({
  at: at('03-02T09:30:00'),
  action: 'dispatch',
  payload: { unitCode },
});
const accept = { at: at('03-02T10:00:00'), action: 'accept' };
const reply = (when: string, factual?: string) => ({
  at: at(when),
  action: 'reply',
  payload: { result: '已办理', contacted: true, ...(factual ? { factual } : {}) },
});
const approve = (when: string) => ({ at: at(when), action: 'approve-reply' });
const callback = (when: string, contactedByUnit: boolean, rating: string) => ({
  at: at(when),
  action: 'record-callback',
  payload: { reached: true, contactedByUnit, processSatisfaction: rating, resultSatisfaction: rating },
});

/** Handled on time (replied Wed Mar 4), then called back. */
const onTime = (
  no: string,
  unit: string,
  category: string,
  contacted: boolean,
  rating: string,
  factual?: string,
) =>
  order(no, category, [
    dispatch(unit),
    accept,
    reply('03-04T10:00:00', factual),
    approve('03-04T11:00:00'),
    callback('03-05T10:00:00', contacted, rating),
  ]);

export const warningsFixture: string[] = [
  // YC-JTJ: on time 2/2, feedback 2/2, satisfaction 2/2, no complaint → meets every target.
  onTime('W-JTJ-1', 'YC-JTJ', '050101', true, 'satisfied'),
  onTime('W-JTJ-2', 'YC-JTJ', '050101', true, 'satisfied'),
  // YC-SCJ: satisfaction 1/2 = 50 % < 75 % → one miss.
  onTime('W-SCJ-1', 'YC-SCJ', '030101', true, 'satisfied'),
  onTime('W-SCJ-2', 'YC-SCJ', '030101', true, 'unsatisfied'),
  // YC-ZJJ: feedback 1/2; one complaint about its service number found true → two misses.
  onTime('W-ZJJ-1', 'YC-ZJJ', '020201', false, 'satisfied'),
  onTime('W-ZJJ-2', 'YC-ZJJ', '110202', true, 'satisfied', 'true'),
  // YC-RSJ: one order replied Wed Mar 11 (late), not contacted, unsatisfied; one on time →
  // on time 1/2, feedback 1/2, satisfaction 1/2 → three misses.
  order('W-RSJ-1', '010201', [
    dispatch('YC-RSJ'),
    accept,
    reply('03-11T10:00:00'),
    approve('03-11T11:00:00'),
    callback('03-12T10:00:00', false, 'unsatisfied'),
  ]),
  onTime('W-RSJ-2', 'YC-RSJ', '010201', true, 'satisfied'),
  // YC-STJ: a complaint about a service number replied Tue Mar 10 16:00: late (on time 0/1), but
  // not yet a working day overdue → one miss, no §30.
  order('W-STJ-1', '110202', [
    dispatch('YC-STJ'),
    accept,
    reply('03-10T16:00:00', 'false'),
    approve('03-10T17:00:00'),
    callback('03-11T10:00:00', true, 'satisfied'),
  ]),
  // YC-WJW: the same complaint replied Wed Mar 11 09:00, after the end of Tue Mar 10 → §30.
  order('W-WJW-1', '110202', [
    dispatch('YC-WJW'),
    accept,
    reply('03-11T09:00:00', 'false'),
    approve('03-11T10:00:00'),
    callback('03-12T10:00:00', true, 'satisfied'),
  ]),
  // YC-CGJ: a complaint about a service number never replied to → overdue (on time 0/1) and §30.
  order('W-CGJ-1', '110202', [dispatch('YC-CGJ'), accept]),
];

/**
 * The warnings of March 2026 as of Apr 10, by hand (decision 0007: one miss → blue, two →
 * yellow, three or more → red; §30 → yellow at least), red first, then by unit code.
 */
export const expectedMarchWarnings = [
  { unitCode: 'YC-RSJ', level: 'red', codes: ['on-time-rate', 'feedback-rate', 'satisfaction-rate'] },
  { unitCode: 'YC-CGJ', level: 'yellow', codes: ['on-time-rate', 'overdue-complaint'] },
  { unitCode: 'YC-WJW', level: 'yellow', codes: ['on-time-rate', 'overdue-complaint'] },
  { unitCode: 'YC-ZJJ', level: 'yellow', codes: ['feedback-rate', 'upheld-number-complaints'] },
  { unitCode: 'YC-SCJ', level: 'blue', codes: ['satisfaction-rate'] },
  { unitCode: 'YC-STJ', level: 'blue', codes: ['on-time-rate'] },
];
