import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { api, type Me } from '../api/client';
import { ApiFailure, unwrap } from '../api/errors';
import { readToken, writeToken } from './session-store';

interface Session {
  /** The signed-in user; null when nobody is (or the token was refused). */
  readonly me: Me | null;
  readonly loading: boolean;
  readonly signIn: (email: string, password: string) => Promise<void>;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** The login session: a bearer token in localStorage, the user from GET /api/auth/me. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState(readToken);
  const me = useQuery({
    queryKey: ['me', token],
    enabled: token !== null,
    retry: false,
    queryFn: async () => {
      try {
        return unwrap(await api.GET('/api/auth/me'));
      } catch (err) {
        if (err instanceof ApiFailure && err.status === 401) {
          writeToken(null);
          setToken(null);
          return null;
        }
        throw err;
      }
    },
  });
  const signIn = useCallback(async (email: string, password: string) => {
    const { accessToken } = unwrap(
      await api.POST('/api/auth/login', { body: { email, password } }),
    );
    writeToken(accessToken);
    setToken(accessToken);
  }, []);
  const signOut = useCallback(async () => {
    await api.POST('/api/auth/logout').catch(() => undefined);
    writeToken(null);
    setToken(null);
    queryClient.clear();
  }, [queryClient]);
  const value = useMemo<Session>(
    () => ({
      me: token === null ? null : (me.data ?? null),
      loading: token !== null && me.isPending,
      signIn,
      signOut,
    }),
    [token, me.data, me.isPending, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
