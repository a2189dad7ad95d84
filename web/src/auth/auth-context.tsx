import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, getToken, onUnauthorized, setToken } from '../api/client';
import type { LoginResult, Me } from '../api/types';

const MUST_CHANGE_KEY = 'civicline.mustChangePassword';

interface AuthState {
  /** undefined while loading, null when signed out. */
  me: Me | null | undefined;
  /** The account must set its own password before working (temporary password). */
  mustChangePassword: boolean;
  passwordChanged: () => void;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [hasToken, setHasToken] = useState(() => getToken() !== null);
  const [mustChangePassword, setMustChange] = useState(() => localStorage.getItem(MUST_CHANGE_KEY) === '1');
  const setMust = useCallback((v: boolean) => {
    if (v) localStorage.setItem(MUST_CHANGE_KEY, '1');
    else localStorage.removeItem(MUST_CHANGE_KEY);
    setMustChange(v);
  }, []);

  useEffect(() => {
    onUnauthorized(() => {
      qc.clear();
      setHasToken(false);
    });
    return () => onUnauthorized(null);
  }, [qc]);

  const meQuery = useQuery({
    queryKey: ['me'],
    queryFn: ({ signal }) => api<Me>('/api/me', { signal }),
    enabled: hasToken,
    staleTime: Infinity,
    retry: false,
  });

  const login = useCallback(
    async (username: string, password: string) => {
      const res = await api<LoginResult>('/api/auth/login', { method: 'POST', body: { username, password } });
      setToken(res.token);
      setMust(res.user.mustChangePassword === true);
      qc.clear();
      const me = await api<Me>('/api/me');
      qc.setQueryData(['me'], me);
      setHasToken(true);
      return me;
    },
    [qc, setMust],
  );

  const logout = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } catch {
      // Signing out locally is enough when the server is unreachable.
    }
    setToken(null);
    setMust(false);
    qc.clear();
    setHasToken(false);
  }, [qc, setMust]);
  const passwordChanged = useCallback(() => setMust(false), [setMust]);

  const me = !hasToken ? null : meQuery.isError ? null : meQuery.data;
  const value = useMemo<AuthState>(
    () => ({ me, login, logout, mustChangePassword, passwordChanged }),
    [me, login, logout, mustChangePassword, passwordChanged],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user inside the authenticated layout. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
