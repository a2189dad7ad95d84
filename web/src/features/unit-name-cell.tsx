import { Tag, Tooltip } from 'antd';

/**
 * A unit's name in the assessment's tables, marked 约谈 when it stands at the bottom of the
 * ranking for the scheme's run of months (zibo-12345 §20).
 */
export function UnitNameCell({ name, interview }: { name: string; interview: boolean | null }) {
  return (
    <span>
      {name}
      {interview && (
        <Tooltip title="连续排名末位，按考核办法应予约谈">
          <Tag color="red" style={{ marginInlineStart: 4 }}>
            约谈
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}
