/**
 * Who is signed in, and their scope. `useSession()` gives the Firebase user,
 * the checked claims and the sign-in/out actions; pages read `claims` to
 * build scoped queries (data/scope.ts).
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { onIdTokenChanged, signInWithEmailAndPassword, signOut, type User } from 'firebase/auth';
import type { Claims } from '@canbo/model';
import { auth } from './firebase';
import { parseClaims } from './claims';
import { withMonitorScope } from './monitor-scope';

export interface Session {
  /** Still reading the persisted session. */
  loading: boolean;
  user: User | null;
  /** Null when signed out, or when the account's claims are missing or malformed. */
  claims: Claims | null;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<{ loading: boolean; user: User | null; claims: Claims | null }>({
    loading: true,
    user: null,
    claims: null,
  });
  useEffect(
    () =>
      onIdTokenChanged(auth, async (user) => {
        if (!user) return setState({ loading: false, user: null, claims: null });
        const token = await user.getIdTokenResult();
        const claims = parseClaims(token.claims);
        // An area monitor's communes are its scope document's, current at once (docs/monitors.md);
        // if that read fails the token's claims stand, and the rules still judge every read.
        const current = claims ? await withMonitorScope(claims, user.uid).catch(() => claims) : null;
        setState({ loading: false, user, claims: current });
      }),
    [],
  );
  const value = useMemo<Session>(
    () => ({
      ...state,
      signIn: async (email, password) => {
        await signInWithEmailAndPassword(auth, email, password);
      },
      signOut: () => signOut(auth),
    }),
    [state],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

/** The claims of a page that is only routed for signed-in accounts with a scope (routes.tsx). */
export function useClaims(): Claims {
  const { claims } = useSession();
  if (!claims) throw new Error('useClaims on a page routed without a scope');
  return claims;
}
