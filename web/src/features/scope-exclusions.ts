import { useMemo } from 'react';
import { useRules } from '../api/queries';

/**
 * Scope screening at intake (SPEC §3.1): matters the hotline does not accept, with the channel to
 * tell the caller, as the active policy profile lists them (`intake.outOfScope`, each with its
 * article). Nothing here is a list of its own: a city changes it in its profile.
 */
export interface ScopeExclusion {
  key: string;
  matter: string;
  channel: string;
  terms: string[];
  article: string;
}

interface ProfileIntake {
  outOfScope?: { matter: string; terms: string[]; channel: string; article: string }[];
}

/** The active profile's exclusions (empty until the rules are loaded, or when it lists none). */
export function useScopeExclusions(): ScopeExclusion[] {
  const rules = useRules();
  const intake = rules.data?.profile.intake as ProfileIntake | null | undefined;
  return useMemo(() => (intake?.outOfScope ?? []).map((e, i) => ({ key: String(i), ...e })), [intake]);
}

/** Exclusions whose words appear in the text (hints while the agent types). */
export function matchExclusions(list: readonly ScopeExclusion[], text: string): ScopeExclusion[] {
  if (!text.trim()) return [];
  return list.filter((e) => e.terms.some((k) => text.includes(k)));
}

/** Options for "suggested channel" fields: the profile's channels. */
export function useChannelHints(): { value: string; label: string }[] {
  const list = useScopeExclusions();
  return useMemo(() => [...new Set(list.map((e) => e.channel))].map((c) => ({ value: c, label: c })), [list]);
}
