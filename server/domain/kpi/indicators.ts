import { callbackRate } from './callback-rate';
import { extensionRate } from './extension-rate';
import { feedbackRate } from './feedback-rate';
import { firstContactOnTimeRate } from './first-contact-on-time-rate';
import type { Indicator, IndicatorId } from './indicator';
import { kbTimelinessRate } from './kb-timeliness-rate';
import { onTimeRate } from './on-time-rate';
import { overdueCount } from './overdue-count';
import { processSatisfactionRate } from './process-satisfaction-rate';
import { receiveOnTimeRate } from './receive-on-time-rate';
import { redoRate } from './redo-rate';
import { resultSatisfactionRate } from './result-satisfaction-rate';
import { returnRate } from './return-rate';
import { satisfactionRate } from './satisfaction-rate';
import { ignoredSupervisionCount } from './ignored-supervision-count';
import { supervisionCount } from './supervision-count';
import { upheldNumberComplaints } from './upheld-number-complaints';

/** Every indicator, by id. */
export const indicators: Record<IndicatorId, Indicator> = {
  onTimeRate,
  feedbackRate,
  satisfactionRate,
  processSatisfactionRate,
  resultSatisfactionRate,
  callbackRate,
  receiveOnTimeRate,
  firstContactOnTimeRate,
  returnRate,
  redoRate,
  extensionRate,
  kbTimelinessRate,
  overdueCount,
  supervisionCount,
  ignoredSupervisionCount,
  upheldNumberComplaints,
};
