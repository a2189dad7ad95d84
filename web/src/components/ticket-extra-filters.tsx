import { DatePicker, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { UnitPicker } from '../features/unit-picker';
import { regions } from '../lib/labels';

/** Filters beyond status/light/type: the day received, the district, the lead unit. */
export type ExtraFilter = 'received' | 'region' | 'leadUnit';

interface Props {
  filters: readonly string[];
  get: (name: string) => string | undefined;
  update: (patch: Record<string, string | undefined>) => void;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The extra filters of a ticket list, kept in the URL like the others. */
export function TicketExtraFilters({ filters, get, update }: Props) {
  const from = get('receivedFrom');
  const to = get('receivedTo');
  const lead = Number(get('leadUnitId')) || undefined;
  return (
    <>
      {filters.includes('received') && (
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={['受理开始日期', '受理结束日期']}
          value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
          onChange={(v) => update({ receivedFrom: day(v?.[0]), receivedTo: day(v?.[1]) })}
          style={{ width: 250 }}
          aria-label="按受理日期筛选"
        />
      )}
      {filters.includes('region') && (
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder="区县"
          style={{ width: 150 }}
          value={get('region') ? (get('region') ?? '').split(',') : []}
          onChange={(v: string[]) => update({ region: v.join(',') || undefined })}
          options={regions.map((r) => ({ value: r, label: r }))}
          aria-label="按区县筛选"
        />
      )}
      {filters.includes('leadUnit') && (
        <span style={{ display: 'inline-block', width: 200 }} aria-label="按主办单位筛选">
          <UnitPicker
            placeholder="主办单位"
            value={lead}
            onChange={(v) => update({ leadUnitId: v ? String(v) : undefined })}
          />
        </span>
      )}
    </>
  );
}
