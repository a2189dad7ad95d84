import { Tooltip, Typography } from 'antd';
import { fmtDateTime, remaining } from '../lib/format';
import { workingRemaining } from '../lib/work-calendar';
import { useCalendar } from './work-calendar-context';

/**
 * A deadline and the time left to it on the platform's clock: in working days when the
 * calendar covers the span, else in natural time; overdue time in natural time.
 */
export function DeadlineCountdown({
  due,
  nowMs,
  stopped,
  full,
}: {
  due: string | null;
  nowMs: number;
  stopped?: boolean;
  /** Show the year too. */
  full?: boolean;
}) {
  const cal = useCalendar();
  if (!due) return <Typography.Text type="secondary">—</Typography.Text>;
  const left = remaining(due, nowMs);
  const working = cal && left && !left.overdue ? workingRemaining(cal, new Date(due).getTime(), nowMs) : null;
  const text = working ?? left?.text;
  return (
    <Tooltip title={`时限 ${fmtDateTime(due)}${left ? `；${left.text}（自然时间）` : ''}`}>
      <span style={{ whiteSpace: 'nowrap' }} data-testid="deadline">
        {full ? fmtDateTime(due) : fmtDateTime(due).slice(5)}
        {left && !stopped ? (
          <Typography.Text
            type={left.overdue ? 'danger' : left.ms < 86_400_000 ? 'warning' : 'secondary'}
            style={{ marginInlineStart: 6 }}
          >
            {text}
          </Typography.Text>
        ) : null}
      </span>
    </Tooltip>
  );
}
