import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { useClient, useQuery } from 'urql';
import { resetLiveConnection } from './client';
import { graphql, ResultOf } from './graphql';
import { i18n, setLanguage } from './i18n';

export const ME = graphql(`
  query Me {
    me {
      id
      email
      name
      role
      locale
      country {
        code
        name
      }
      organization {
        id
        name
      }
    }
  }
`);

const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut
  }
`);

const SET_LOCALE = graphql(`
  mutation SetLocale($locale: Locale!) {
    updateMyProfile(input: { locale: $locale }) {
      id
      locale
    }
  }
`);

export type Me = ResultOf<typeof ME>['me'];

interface Session {
  /** The signed-in person; undefined while not known yet, null when signed out. */
  me: Me | null | undefined;
  /** Reads who is signed in again (after sign-in). */
  refresh: () => void;
  signOut: () => Promise<void>;
  /** Changes the language of the page, and of the signed-in person's account. */
  changeLanguage: (language: 'es' | 'en') => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: ME,
    requestPolicy: 'network-only',
  });
  const me = fetching && !data && !error ? undefined : (data?.me ?? null);

  // Once signed in, the account's language is the page's.
  useEffect(() => {
    const wanted = me?.locale === 'EN' ? 'en' : me?.locale === 'ES' ? 'es' : undefined;
    if (wanted && wanted !== i18n.language) void setLanguage(wanted);
  }, [me?.locale]);

  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  const signOut = useCallback(async () => {
    await client.mutation(SIGN_OUT, {}).toPromise();
    resetLiveConnection();
    window.location.assign('/');
  }, [client]);

  const changeLanguage = useCallback(
    async (language: 'es' | 'en') => {
      // The account first: the page's new client reads `me` again, and its locale must
      // already be the new one (else the account's language would switch the page back).
      if (me) {
        await client.mutation(SET_LOCALE, { locale: language === 'en' ? 'EN' : 'ES' }).toPromise();
      }
      await setLanguage(language);
    },
    [client, me],
  );

  const value = useMemo(
    () => ({ me, refresh, signOut, changeLanguage }),
    [me, refresh, signOut, changeLanguage],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in person (inside the signed-in part of the console). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe while signed out');
  return me;
}
