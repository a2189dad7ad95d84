import { Segmented, Select } from 'antd';
import { useSearchParams } from 'react-router-dom';
import {
  periodKind,
  periodKindLabels,
  periodLabel,
  periodOfDate,
  recentPeriods,
  type PeriodKind,
} from '../../../common/period';
import { serviceDate } from '../../../common/service-time';
import { useSchemes } from '../api/assessment';
import { useRules } from '../api/queries';
import { useNow } from '../lib/use-now';

/**
 * The assessment scheme and period of a figures screen, kept in the address (`scheme`, `kind`,
 * `period`): the active profile's scheme and this month unless chosen.
 */
export function useSchemePeriod() {
  const [params, setParams] = useSearchParams();
  const today = serviceDate(useNow(60_000));
  const schemes = useSchemes();
  const rules = useRules();
  const defaultScheme =
    schemes.data?.find((s) => s.profile === rules.data?.profile.id)?.id ?? schemes.data?.[0]?.id;
  const kind = (params.get('kind') as PeriodKind | null) ?? 'month';
  const set = (next: Record<string, string>) =>
    setParams({ ...Object.fromEntries(params), ...next }, { replace: true });
  return {
    today,
    schemes,
    scheme: params.get('scheme') ?? defaultScheme,
    kind,
    period: params.get('period') ?? periodOfDate(kind, today),
    set,
  };
}

export type SchemePeriod = ReturnType<typeof useSchemePeriod>;

/** The scheme list, month / quarter / half-year / year, and the recent periods of that kind. */
export function SchemePeriodPicker(props: { sp: SchemePeriod; schemeWidth: number; periodAria: string }) {
  const { today, schemes, scheme, kind, period, set } = props.sp;
  const periods = recentPeriods(kind, today, kind === 'month' ? 13 : kind === 'year' ? 4 : 6);
  return (
    <>
      <Select
        style={{ width: props.schemeWidth }}
        value={scheme}
        loading={schemes.isLoading}
        onChange={(v: string) => set({ scheme: v })}
        options={(schemes.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        aria-label="考核方案"
      />
      <Segmented<PeriodKind>
        value={periodKind(period)}
        options={(Object.keys(periodKindLabels) as PeriodKind[]).map((k) => ({
          value: k,
          label: periodKindLabels[k],
        }))}
        onChange={(k) => set({ kind: k, period: periodOfDate(k, today) })}
      />
      <Select
        style={{ width: 160 }}
        value={period}
        onChange={(v: string) => set({ period: v })}
        options={periods.map((p) => ({ value: p, label: periodLabel(p) }))}
        aria-label={props.periodAria}
      />
    </>
  );
}
