import { useTranslation } from 'react-i18next';
import { useMe } from '../session';
import { UpcomingActivities } from './home/activities';
import { AttentionList } from './home/attention';
import { ObserverHome } from './home/observer';
import { NeedsByStatus, OffersByStatus } from './home/postings';
import { useTwinningChanges, WaitingProposals } from './home/proposals';
import './needs/postings.css';

/**
 * The first screen after sign-in: each role's home (CONSOLE.md, "Places, by role"); the
 * secretariat's is its overview (app.tsx sends it there).
 */
export default function Home() {
  const me = useMe();
  if (me.role === 'OBSERVER') return <ObserverHome />;
  return <FocalPointHome />;
}

/** A country's or a member's home: what waits for it, read again when a twinning changes. */
function FocalPointHome() {
  const { t } = useTranslation();
  const me = useMe();
  const changes = useTwinningChanges();
  if (me.role === 'COUNTRY_FOCAL_POINT' && me.country) {
    return (
      <>
        <h1>{t('home.title')}</h1>
        <p className="muted">{t('home.countryIntro', { country: me.country.name })}</p>
        <div className="cards">
          <AttentionList changes={changes} />
          <WaitingProposals countryCode={me.country.code} changes={changes} />
          <NeedsByStatus country={me.country} mayPost changes={changes} />
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
          <AttentionList changes={changes} />
          <WaitingProposals organizationId={me.organization.id} changes={changes} />
          <OffersByStatus organization={me.organization} changes={changes} />
          <UpcomingActivities organizationId={me.organization.id} />
        </div>
      </>
    );
  }
  return <ObserverHome />;
}
