import { ReactNode, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { ChunkView } from './chunks';
import { createConsoleClient } from './client';
import { Shell } from './components/shell';
import SignIn from './pages/sign-in';
import { preloadFor, screens } from './screens';
import { SessionProvider, useMe, useSession } from './session';

function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useSession();
  // Who signed in tells which screens come next: load them while the first queries run.
  useEffect(() => {
    if (me) preloadFor(me.role);
  }, [me]);
  if (me === undefined) return <Loading />;
  if (me === null) return <SignIn />;
  return <Shell>{children}</Shell>;
}

/** Each role's first screen: the secretariat's is its overview. */
function HomeScreen() {
  const me = useMe();
  return me.role === 'SECRETARIAT' ? (
    <ChunkView of={screens.secretariat} props={{ page: 'overview' }} />
  ) : (
    <ChunkView of={screens.home} props={{}} />
  );
}

function Screens() {
  return (
    <Routes>
      <Route
        path="/invitation"
        element={<ChunkView of={screens.publicAccount} props={{ page: 'invitation' }} />}
      />
      <Route
        path="/reset-password"
        element={<ChunkView of={screens.publicAccount} props={{ page: 'reset' }} />}
      />
      <Route
        path="/forgot-password"
        element={<ChunkView of={screens.publicAccount} props={{ page: 'forgot' }} />}
      />
      <Route path="/signin" element={<Navigate to="/" replace />} />
      <Route
        path="/"
        element={
          <SignedIn>
            <HomeScreen />
          </SignedIn>
        }
      />
      <Route
        path="/needs/*"
        element={
          <SignedIn>
            <ChunkView of={screens.needs} props={{}} />
          </SignedIn>
        }
      />
      <Route
        path="/offers/*"
        element={
          <SignedIn>
            <ChunkView of={screens.offers} props={{}} />
          </SignedIn>
        }
      />
      <Route
        path="/twinnings/*"
        element={
          <SignedIn>
            <ChunkView of={screens.twinnings} props={{}} />
          </SignedIn>
        }
      />
      <Route
        path="/activities/*"
        element={
          <SignedIn>
            <ChunkView of={screens.activities} props={{}} />
          </SignedIn>
        }
      />
      <Route
        path="/commitments/*"
        element={
          <SignedIn>
            <ChunkView of={screens.commitments} props={{}} />
          </SignedIn>
        }
      />
      <Route
        path="/events/*"
        element={
          <SignedIn>
            <ChunkView of={screens.events} props={{}} />
          </SignedIn>
        }
      />
      <Route
        path="/pledges/*"
        element={
          <SignedIn>
            <ChunkView of={screens.pledges} props={{}} />
          </SignedIn>
        }
      />
      <Route
        path="/spreadsheets"
        element={
          <SignedIn>
            <ChunkView of={screens.imports} props={{}} />
          </SignedIn>
        }
      />
      <Route
        path="/plan"
        element={
          <SignedIn>
            <ChunkView of={screens.secretariat} props={{ page: 'plan' }} />
          </SignedIn>
        }
      />
      <Route
        path="/users"
        element={
          <SignedIn>
            <ChunkView of={screens.secretariat} props={{ page: 'users' }} />
          </SignedIn>
        }
      />
      <Route
        path="/organizations"
        element={
          <SignedIn>
            <ChunkView of={screens.secretariat} props={{ page: 'organizations' }} />
          </SignedIn>
        }
      />
      <Route
        path="/audit"
        element={
          <SignedIn>
            <ChunkView of={screens.secretariat} props={{ page: 'audit' }} />
          </SignedIn>
        }
      />
      <Route
        path="/notifications"
        element={
          <SignedIn>
            <ChunkView of={screens.account} props={{ page: 'notifications' }} />
          </SignedIn>
        }
      />
      <Route
        path="/profile"
        element={
          <SignedIn>
            <ChunkView of={screens.account} props={{ page: 'profile' }} />
          </SignedIn>
        }
      />
      <Route
        path="*"
        element={
          <SignedIn>
            <ChunkView of={screens.account} props={{ page: 'not-found' }} />
          </SignedIn>
        }
      />
    </Routes>
  );
}

/**
 * The console. A new GraphQL client per language: the service answers names, reasons and
 * messages in the page's language, so a switch reads everything again.
 */
export function App() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const client = useMemo(() => createConsoleClient(language), [language]);
  return (
    <Provider value={client}>
      <SessionProvider>
        <BrowserRouter>
          <Screens />
        </BrowserRouter>
      </SessionProvider>
    </Provider>
  );
}
