import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useWorkCalendar } from '../api/calendar';
import type { WorkCalendar } from '../lib/work-calendar';
import { useNow } from '../lib/use-now';

const Ctx = createContext<WorkCalendar | null>(null);

/** Loads this year's and next year's working-day calendar once for every countdown. */
export function WorkCalendarProvider({ children }: { children: ReactNode }) {
  const now = useNow(60 * 60_000);
  const year = new Date(now + 8 * 3_600_000).getUTCFullYear();
  // Loaded just after the first screen's own data: countdowns start in natural time and switch
  // to working days a moment later, instead of delaying the first list.
  const [enabled, setEnabled] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setEnabled(true), 600);
    return () => clearTimeout(t);
  }, []);
  const cal = useWorkCalendar([year, year + 1], enabled);
  return <Ctx.Provider value={cal}>{children}</Ctx.Provider>;
}

export function useCalendar(): WorkCalendar | null {
  return useContext(Ctx);
}
