import type { Light } from '../../../common/enums';
import type { TicketStatus } from '../../../common/ticket-vocabulary';

/** Colours and demo data of the web; the Chinese labels of the vocabulary live in common/. */
export const statusColors: Record<TicketStatus, string> = {
  pending_dispatch: 'gold',
  dispatched: 'orange',
  in_progress: 'processing',
  replied: 'cyan',
  pending_callback: 'geekblue',
  unsatisfied: 'magenta',
  appealed: 'purple',
  suspended: 'default',
  closed: 'success',
  answered: 'success',
  not_accepted: 'default',
  merged: 'default',
  referred: 'lime',
};

export const lightColors: Record<Light, string> = {
  green: '#52c41a',
  yellow: '#faad14',
  overdue: '#fa541c',
  red: '#cf1322',
};

/** The districts of the demo city (location region). */
export const regions = ['东城区', '西城区', '北山区'] as const;
