import { useQuery } from '@tanstack/react-query';
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

export interface UnitResult {
  unitId: number;
  unitCode: string;
  unitName: string;
  score: number | null;
  rank: number | null;
  months: number;
  interview: boolean | null;
  components: { indicator: string; value: number | null; points: number | null; max: number }[];
  counts: Record<string, number>;
  [indicator: string]: unknown;
}

export interface AssessmentResult {
  scheme: { id: string; name: string; version: string };
  period: { id: string; months: string[]; start: string; end: string };
  asOf: string;
  units: UnitResult[];
}

export interface DrillItem {
  ticketId: number;
  ticketNo: string;
  status: string;
  month: string;
  dispatchedAt: string;
  counts: 'numerator' | 'denominator';
  outcome: string;
  handleDueAt: string | null;
  completedAt: string | null;
  onTime: boolean | null;
}

export interface DrillResult {
  indicator: string;
  name: string;
  definition: string;
  numerator: number;
  denominator: number;
  items: DrillItem[];
  truncated: boolean;
}

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
      api<DrillResult>('/api/assessment/drill', { query: { ...(q ?? {}), limit: 500 }, signal }),
    enabled: !!q,
  });
}

/** A rate as a percentage with two decimals (the assessment's own figures, rounded only here). */
export function pct(v: unknown): string {
  return typeof v === 'number' ? `${(v * 100).toFixed(2)}%` : '—';
}
