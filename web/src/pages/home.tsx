import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../session';
import { UpcomingActivities } from './home/activities';
import { ObserverHome } from './home/observer';
import { NeedsByStatus, OffersByStatus } from './home/postings';
import { WaitingProposals } from './home/proposals';
import './needs/postings.css';

const Secretariat = lazy(() => import('./secretariat'));

/** The first screen after sign-in: each role's home (CONSOLE.md, "Places, by role"). */
export default function Home() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.role === 'SECRETARIAT') return <Secretariat page="overview" />;
  if (me.role === 'COUNTRY_FOCAL_POINT' && me.country) {
    return (
      <>
        <h1>{t('home.title')}</h1>
        <p className="muted">{t('home.countryIntro', { country: me.country.name })}</p>
        <div className="cards">
          <WaitingProposals countryCode={me.country.code} />
          <NeedsByStatus country={me.country} mayPost />
          <UpcomingActivities countryCode={me.country.code} />
        </div>
      </>
    );
  }
  if (me.role === 'MEMBER_FOCAL_POINT' && me.organization) {
    return (
      <>
        <h1>{t('home.title')}</h1>
        <p className="muted">{t('home.memberIntro', { organization: me.organization.name })}</p>
        <div className="cards">
          <WaitingProposals organizationId={me.organization.id} />
          <OffersByStatus organization={me.organization} />
          <UpcomingActivities organizationId={me.organization.id} />
        </div>
      </>
    );
  }
  return <ObserverHome />;
}
