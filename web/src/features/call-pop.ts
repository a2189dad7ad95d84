import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { callPop } from '../../../common/contracts/cti';
import { api } from '../api/client';
import { useMe } from '../auth/auth-context';

/** Roles that take calls at the intake desk. */
const callTakers = new Set(['agent', 'dispatcher']);

/**
 * 弹屏: while an agent is signed in, a server-sent event stream of the calls they answer; each
 * opens the intake desk with the caller's number (and the call id, linked to the order). A
 * stream is opened with a one-time ticket, so after a drop a new ticket is fetched (with backoff)
 * rather than EventSource's own retry of a spent URL.
 */
export function useCallPop(): void {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const takesCalls = callTakers.has(me.role);
  // The stream lives as long as the signed-in agent, not as long as one render's callbacks.
  const act = useRef({ navigate, message });
  act.current = { navigate, message };

  useEffect(() => {
    if (!takesCalls || typeof EventSource === 'undefined') return;
    let stopped = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;

    const later = () => {
      if (stopped) return;
      const delay = Math.min(30_000, 1_000 * 2 ** failures);
      failures += 1;
      timer = setTimeout(() => void connect(), delay);
    };

    const connect = async () => {
      let ticket: string;
      try {
        ticket = (await api<{ ticket: string }>('/api/cti/stream-ticket', { method: 'POST' })).ticket;
      } catch {
        later();
        return;
      }
      if (stopped) return;
      const es = new EventSource(`/api/cti/stream?ticket=${encodeURIComponent(ticket)}`);
      source = es;
      es.onopen = () => {
        failures = 0;
        // Whether pops can arrive now (support staff and browser tests read it).
        document.documentElement.dataset.callPop = 'open';
      };
      es.addEventListener('pop', (ev) => {
        let data: unknown;
        try {
          data = JSON.parse((ev as MessageEvent<string>).data);
        } catch {
          return;
        }
        const pop = callPop.safeParse(data);
        if (!pop.success) return;
        const q = new URLSearchParams({ callId: pop.data.callId });
        if (pop.data.caller) q.set('phone', pop.data.caller);
        act.current.message.info(`来电 ${pop.data.caller ?? '（未显示号码）'}，已打开受理登记`);
        void act.current.navigate(`/intake?${q.toString()}`);
      });
      es.onerror = () => {
        delete document.documentElement.dataset.callPop;
        es.close();
        if (source === es) source = null;
        later();
      };
    };

    void connect();
    return () => {
      stopped = true;
      delete document.documentElement.dataset.callPop;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, [takesCalls, me.id]);
}
