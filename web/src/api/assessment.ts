import { useQuery } from '@tanstack/react-query';
import type {
  AssessmentResultContract,
  DrillResultContract,
  UnitAssessmentContract,
} from '../../../common/contracts/assessment';
import { api } from './client';

export interface IndicatorInfo {
  id: string;
  name: string;
  kind: 'rate' | 'count';
  definition: string;
  source: string;
}

export interface SchemeInfo {
  id: string;
  name: string;
  profile?: string;
  components: { indicator: string; weight?: number }[];
}

/** A unit's figures; each indicator's value also stands under the indicator's id. */
export type UnitResult = UnitAssessmentContract & { [indicator: string]: unknown };

export type AssessmentResult = Omit<AssessmentResultContract, 'units'> & { units: UnitResult[] };

export function useSchemes() {
  return useQuery({
    queryKey: ['assessment', 'schemes'],
    queryFn: ({ signal }) => api<SchemeInfo[]>('/api/assessment/schemes', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useIndicators() {
  return useQuery({
    queryKey: ['assessment', 'indicators'],
    queryFn: ({ signal }) => api<{ items: IndicatorInfo[] }>('/api/assessment/indicators', { signal }),
    staleTime: 60 * 60_000,
  });
}

export function useAssessment(scheme: string | undefined, period: string) {
  return useQuery({
    queryKey: ['assessment', scheme, period],
    queryFn: ({ signal }) =>
      api<AssessmentResult>('/api/assessment', { query: { scheme: scheme ?? '', period }, signal }),
    enabled: !!scheme,
    staleTime: 60_000,
  });
}

export function useDrill(q: { scheme: string; period: string; unitId: number; indicator: string } | null) {
  return useQuery({
    queryKey: ['assessment', 'drill', q],
    queryFn: ({ signal }) =>
      api<DrillResultContract>('/api/assessment/drill', { query: { ...(q ?? {}), limit: 500 }, signal }),
    enabled: !!q,
  });
}

/** A rate as a percentage with two decimals (the assessment's own figures, rounded only here). */
export function pct(v: unknown): string {
  return typeof v === 'number' ? `${(v * 100).toFixed(2)}%` : '—';
}
