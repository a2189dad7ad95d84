import { useState } from 'react';
import { errorText } from './client';

/**
 * A request a form sends by hand (outside the query cache): busy while it runs, the error's text
 * when it fails. `setError` shows a form's own complaint in the same place.
 */
export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (request: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await request();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
