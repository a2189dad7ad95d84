import { Select } from 'antd';
import { useChannelHints } from './scope-exclusions';

/** "Suggested channel" (建议渠道): the active profile's channels, or any text the clerk types. */
export function ChannelHintSelect(props: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
}) {
  const options = useChannelHints();
  return (
    <Select
      id={props.id}
      allowClear
      showSearch
      options={options}
      value={props.value}
      onChange={(v: string | undefined) => props.onChange?.(v)}
      placeholder="告知诉求人可通过的渠道"
    />
  );
}
