import { Tag, Tooltip } from 'antd';
import { lightLabels, urgencyLabels, type Light, type Urgency } from '../../../common/enums';
import { pendingRequestLabels, type TicketStatus } from '../../../common/ticket-vocabulary';
import type { PendingRequest } from '../api/types';
import { lightColors, statusColors } from '../lib/labels';

export function LightTag({ light }: { light: Light }) {
  return (
    <Tag color={lightColors[light]} style={{ marginInlineEnd: 0 }} data-light={light}>
      {lightLabels[light]}
    </Tag>
  );
}

export function StatusTag({
  status,
  label,
  pending,
}: {
  status: string;
  label: string;
  pending?: PendingRequest;
}) {
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 2 }}>
      <Tag
        color={Object.hasOwn(statusColors, status) ? statusColors[status as TicketStatus] : 'default'}
        style={{ marginInlineEnd: pending ? 4 : 0 }}
      >
        {label}
      </Tag>
      {pending ? (
        <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
          {pendingRequestLabels[pending]}
        </Tag>
      ) : null}
    </span>
  );
}

export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  if (urgency === 'normal') return <span>{urgencyLabels.normal}</span>;
  return (
    <Tag color={urgency === 'urgent' ? 'orange' : 'red'} style={{ marginInlineEnd: 0 }}>
      {urgencyLabels[urgency]}
    </Tag>
  );
}

export function ProvisionalMark({ provisional }: { provisional: boolean }) {
  if (!provisional) return null;
  return (
    <Tooltip title="所涉年份的放假安排尚未公布，时限按法定节假日规则暂估，公布后将重新计算">
      <Tag color="warning" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>
        暂估
      </Tag>
    </Tooltip>
  );
}
