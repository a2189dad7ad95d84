/**
 * Deadlines, lights, pauses and extensions: pure functions of (profile, calendar, facts, now).
 * Semantics: SPEC §4.1 and docs/decisions/0001-deadline-semantics.md.
 */
export type { SlaFacts, StageDeadline, StageDeadlines } from './types';
export { computeDeadlines } from './compute-deadlines';
export { lightAt, stageLightAt } from './light-at';
export { workingDaysLeft } from './working-days-left';
export {
  addDuration,
  addDurationMs,
  parseDurationSpec,
  specialDaysIn,
  type Duration,
  type DurationUnit,
} from './durations';
export type { Profile } from '../policy';
export type { WorkCalendar } from '../calendar';
