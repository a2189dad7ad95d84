import { useQuery } from '@tanstack/react-query';
import { suggestResponse, type SuggestResponse } from '../../../common/contracts/intake-assist';
import { apiParsed } from './client';
import { useDebounced } from '../lib/use-debounced';

/** Shortest content worth asking about (characters). */
const minChars = 6;

/**
 * What the server proposes for the text being typed (POST /api/intake/suggest), debounced. A
 * failure only hides the suggestions: the intake form never waits on them.
 */
export function useIntakeSuggestion(input: {
  content: string;
  location?: string | null;
  callerPhone?: string | null;
  enabled?: boolean;
}) {
  const content = useDebounced(input.content.trim().slice(0, 5000), 350);
  const location = useDebounced(input.location?.trim() || null, 350);
  const callerPhone = useDebounced(input.callerPhone?.trim() || null, 350);
  return useQuery<SuggestResponse>({
    queryKey: ['intake-suggest', content, location, callerPhone],
    queryFn: ({ signal }) =>
      apiParsed(suggestResponse, '/api/intake/suggest', {
        method: 'POST',
        body: { content, location, callerPhone },
        signal,
      }),
    enabled: (input.enabled ?? true) && content.length >= minChars,
    staleTime: 60_000,
    retry: false,
    placeholderData: (prev) => prev,
  });
}

export const percent = (x: number) => `${Math.round(x * 100)}%`;
