import { satisfactionLabels } from '../../../../common/enums';

/** 满意 / 基本满意 / 不满意. */
export const standardSatisfactionScale = [
  { value: 'satisfied' as const, label: satisfactionLabels.satisfied },
  { value: 'basically-satisfied' as const, label: satisfactionLabels['basically-satisfied'] },
  { value: 'unsatisfied' as const, label: satisfactionLabels.unsatisfied },
];
