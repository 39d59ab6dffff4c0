import { lazy, ReactNode, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { createConsoleClient } from './client';
import { Shell } from './components/shell';
import SignIn from './pages/sign-in';
import { SessionProvider, useSession } from './session';

// Each group of screens is a chunk of its own: the sign-in page loads none of them.
const Home = lazy(() => import('./pages/home'));
const Needs = lazy(() => import('./pages/needs'));
const Offers = lazy(() => import('./pages/offers'));
const Twinnings = lazy(() => import('./pages/twinnings'));
const Activities = lazy(() => import('./pages/activities'));
const Secretariat = lazy(() => import('./pages/secretariat'));
const Account = lazy(() => import('./pages/account'));
const PublicAccount = lazy(() => import('./pages/public-account'));

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
  if (me === undefined) return <Loading />;
  if (me === null) return <SignIn />;
  return <Shell>{children}</Shell>;
}

function Screens() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/invitation" element={<PublicAccount page="invitation" />} />
        <Route path="/reset-password" element={<PublicAccount page="reset" />} />
        <Route path="/forgot-password" element={<PublicAccount page="forgot" />} />
        <Route path="/signin" element={<Navigate to="/" replace />} />
        <Route
          path="/"
          element={
            <SignedIn>
              <Home />
            </SignedIn>
          }
        />
        <Route
          path="/needs/*"
          element={
            <SignedIn>
              <Needs />
            </SignedIn>
          }
        />
        <Route
          path="/offers/*"
          element={
            <SignedIn>
              <Offers />
            </SignedIn>
          }
        />
        <Route
          path="/twinnings/*"
          element={
            <SignedIn>
              <Twinnings />
            </SignedIn>
          }
        />
        <Route
          path="/activities/*"
          element={
            <SignedIn>
              <Activities />
            </SignedIn>
          }
        />
        <Route
          path="/plan"
          element={
            <SignedIn>
              <Secretariat page="plan" />
            </SignedIn>
          }
        />
        <Route
          path="/users"
          element={
            <SignedIn>
              <Secretariat page="users" />
            </SignedIn>
          }
        />
        <Route
          path="/organizations"
          element={
            <SignedIn>
              <Secretariat page="organizations" />
            </SignedIn>
          }
        />
        <Route
          path="/audit"
          element={
            <SignedIn>
              <Secretariat page="audit" />
            </SignedIn>
          }
        />
        <Route
          path="/notifications"
          element={
            <SignedIn>
              <Account page="notifications" />
            </SignedIn>
          }
        />
        <Route
          path="/profile"
          element={
            <SignedIn>
              <Account page="profile" />
            </SignedIn>
          }
        />
        <Route
          path="*"
          element={
            <SignedIn>
              <Account page="not-found" />
            </SignedIn>
          }
        />
      </Routes>
    </Suspense>
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
