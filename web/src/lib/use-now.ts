import { useEffect, useState } from 'react';
import { useServerClock } from '../api/queries';

/** The platform's current time in ms (follows the test clock in demos), ticking every `everyMs`. */
export function useNow(everyMs = 30_000): number {
  const clock = useServerClock();
  const [local, setLocal] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setLocal(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return local + (clock.data?.offsetMs ?? 0);
}
