import { describe, expect, it } from 'vitest';
import type { Light } from '../../../common/enums';
import { sweepCrossings, type CrossedLine } from './sweep-crossings';

// One working day of handling: warning a day before the due time, red a day after it (zibo-12345
// §12: the reminder slip comes one working day past due). Times are hand-picked instants.
const t = (s: string) => new Date(`${s}+08:00`);
const handleBy = (level: number, over: Partial<CrossedLine> = {}): CrossedLine => ({
  ticket_id: 7,
  stage: 'handleBy',
  warn_at: t('2026-11-19T17:30:00'),
  due_at: t('2026-11-20T17:30:00'),
  red_at: t('2026-11-23T17:30:00'),
  alert_level: level,
  ...over,
});
const orders = (status: string, light: Light = 'green') => ({
  status: new Map([[7, status]]),
  light: new Map([[7, light]]),
});

describe('sweepCrossings', () => {
  it('a line past its warning time only: one yellow alert, level 1, the order turns yellow', () => {
    const w = sweepCrossings([handleBy(0)], orders('in_progress'), t('2026-11-19T17:31:00'));
    expect(w.alerts.map((a) => a.kind)).toEqual(['yellow']);
    expect(w.levels).toEqual([{ ticketId: 7, stage: 'handleBy', level: 1 }]);
    expect(w.lights).toEqual([{ ticketId: 7, light: 'yellow' }]);
  });

  it('a line found late, past due and red: every level not alerted yet, once each, in order', () => {
    const w = sweepCrossings([handleBy(1)], orders('dispatched', 'yellow'), t('2026-11-24T09:00:00'));
    expect(w.alerts.map((a) => a.kind)).toEqual(['overdue', 'red']);
    expect(w.alerts[0]?.dueAt).toEqual(t('2026-11-20T17:30:00'));
    expect(w.levels).toEqual([{ ticketId: 7, stage: 'handleBy', level: 3 }]);
    expect(w.lights).toEqual([{ ticketId: 7, light: 'red' }]);
  });

  it('a stage without warning or red time: overdue only, and the line is done (level 3)', () => {
    const line = handleBy(0, { warn_at: null, red_at: null });
    const w = sweepCrossings([line], orders('in_progress'), t('2026-11-20T18:00:00'));
    expect(w.alerts.map((a) => a.kind)).toEqual(['overdue']);
    expect(w.levels).toEqual([{ ticketId: 7, stage: 'handleBy', level: 3 }]);
    expect(w.lights).toEqual([{ ticketId: 7, light: 'overdue' }]);
  });

  it('a stage the status no longer owes: no alert, no light, but its level is stored', () => {
    // Replied: the unit's handling is done; only the feedback to the citizen is owed [SPEC §4.1].
    const w = sweepCrossings([handleBy(0)], orders('replied'), t('2026-11-20T18:00:00'));
    expect(w.alerts).toEqual([]);
    expect(w.lights).toEqual([]);
    expect(w.levels).toEqual([{ ticketId: 7, stage: 'handleBy', level: 2 }]);
  });

  it('the light never falls and is written only when it changes', () => {
    const w = sweepCrossings([handleBy(0)], orders('in_progress', 'overdue'), t('2026-11-19T18:00:00'));
    expect(w.alerts.map((a) => a.kind)).toEqual(['yellow']);
    expect(w.lights).toEqual([]);
  });

  it('lines of orders not held (in use, or not running) are left alone', () => {
    const w = sweepCrossings(
      [handleBy(0, { ticket_id: 8 })],
      orders('in_progress'),
      t('2026-11-21T00:00:00'),
    );
    expect(w).toEqual({ alerts: [], levels: [], lights: [] });
  });
});
