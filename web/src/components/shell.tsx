import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../graphql';
import type { Language } from '../i18n';
import { useMe, useSession } from '../session';

const UNREAD = graphql(`
  query Unread {
    myNotifications(unreadOnly: true, first: 1) {
      totalCount
    }
  }
`);

/** ES | EN, as two buttons: the current one pressed. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { changeLanguage } = useSession();
  const languages: Language[] = ['es', 'en'];
  return (
    <div role="group" aria-label={t('app.language')} className="language-switch">
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => void changeLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

interface Place {
  to: string;
  label: string;
}

/** The places of each role (CONSOLE.md, "Places, by role"). */
function placesOf(role: string, t: (key: string) => string): Place[] {
  const home = { to: '/', label: t('nav.home') };
  const common = [
    { to: '/needs', label: t('nav.needs') },
    { to: '/offers', label: t('nav.offers') },
    { to: '/twinnings', label: t('nav.twinnings') },
    { to: '/activities', label: t('nav.activities') },
  ];
  // The National Action Plans: for those who write them and those who follow them.
  const commitments = { to: '/commitments', label: t('commitments.nav') };
  // Platform events: platform-wide, read by everyone; the secretariat manages them.
  const events = { to: '/events', label: t('events.nav') };
  // Pledges: the secretariat and the members who make them (CONSOLE.md).
  const pledges = { to: '/pledges', label: t('pledges.nav') };
  // Spreadsheets in (and out): for those who write needs or offers.
  const imports = { to: '/spreadsheets', label: t('imports.nav') };
  if (role === 'SECRETARIAT') {
    return [
      { to: '/', label: t('nav.overview') },
      ...common,
      commitments,
      events,
      pledges,
      { to: '/plan', label: t('nav.plan') },
      { to: '/users', label: t('nav.users') },
      { to: '/organizations', label: t('nav.organizations') },
      imports,
      { to: '/audit', label: t('nav.audit') },
    ];
  }
  if (role === 'COUNTRY_FOCAL_POINT') return [home, ...common, commitments, events, imports];
  if (role === 'OBSERVER') return [home, ...common, commitments, events];
  return [home, ...common, pledges, events, imports];
}

/** The frame of every signed-in screen: top bar, navigation, the screen. */
export function Shell({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const [{ data }] = useQuery({ query: UNREAD, requestPolicy: 'cache-and-network' });
  const unread = data?.myNotifications.totalCount ?? 0;
  return (
    <>
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <header className="top-bar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-service">{t('app.service')}</span>
        </div>
        <div className="top-actions">
          <LanguageSwitch />
          <NavLink to="/notifications" className="notifications-link">
            {t('app.notifications')}
            {unread > 0 && (
              <span className="badge" aria-label={t('app.unread', { count: unread })}>
                {unread}
              </span>
            )}
          </NavLink>
          <NavLink to="/profile" className="who">
            {me.name ?? me.email}
            <span className="who-role">
              {t(`role.${me.role}`)}
              {me.country ? ` · ${me.country.name}` : ''}
              {me.organization ? ` · ${me.organization.name}` : ''}
            </span>
          </NavLink>
          <button type="button" className="button-quiet" onClick={() => void signOut()}>
            {t('app.signOut')}
          </button>
        </div>
      </header>
      <nav aria-label={t('app.mainNavigation')} className="main-nav">
        <ul>
          {placesOf(me.role, t).map((place) => (
            <li key={place.to}>
              <NavLink to={place.to} end={place.to === '/'}>
                {place.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="content" tabIndex={-1}>
        {children ?? <Outlet />}
      </main>
    </>
  );
}
