import { Tooltip, Typography } from 'antd';
import { fmtDateTime, remaining } from '../lib/format';

/**
 * A deadline and the time left to it on the platform's clock: in working days when the server
 * counted whole working days left (`workingDaysLeft`, from the calendar in force), else in
 * natural time; overdue time in natural time.
 */
export function DeadlineCountdown({
  due,
  workingDaysLeft,
  nowMs,
  stopped,
  full,
}: {
  due: string | null;
  /** Working days after today up to the deadline's day, as the server computed them. */
  workingDaysLeft?: number | null;
  nowMs: number;
  stopped?: boolean;
  /** Show the year too. */
  full?: boolean;
}) {
  if (!due) return <Typography.Text type="secondary">—</Typography.Text>;
  const left = remaining(due, nowMs);
  const working =
    left && !left.overdue && workingDaysLeft && workingDaysLeft > 0 ? `剩余${workingDaysLeft}个工作日` : null;
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
