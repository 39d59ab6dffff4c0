import { useTranslation } from 'react-i18next';
import { useMe } from '../session';
import Audit from './secretariat/audit';
import Organizations from './secretariat/organizations';
import Overview from './secretariat/overview';
import Plan from './secretariat/plan';
import Users from './secretariat/users';
import './secretariat/secretariat.css';

export type SecretariatPage = 'overview' | 'plan' | 'users' | 'organizations' | 'audit';

/** Who reads each screen: observers read the overview, the plan and the members, no more. */
const READERS: Record<SecretariatPage, string[]> = {
  overview: ['SECRETARIAT', 'OBSERVER'],
  plan: ['SECRETARIAT', 'OBSERVER'],
  organizations: ['SECRETARIAT', 'OBSERVER'],
  users: ['SECRETARIAT'],
  audit: ['SECRETARIAT'],
};

/**
 * The secretariat's screens (one chunk; the overview's charts load on their own): the
 * overview, the matching plan, users, organizations and the audit log.
 */
export default function Secretariat({ page }: { page: SecretariatPage }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!READERS[page].includes(me.role)) {
    return (
      <>
        <h1>{t(`nav.${page}`)}</h1>
        <p className="notice">{t('secretariat.notForYou')}</p>
      </>
    );
  }
  switch (page) {
    case 'overview':
      return <Overview />;
    case 'plan':
      return <Plan />;
    case 'users':
      return <Users />;
    case 'organizations':
      return <Organizations />;
    case 'audit':
      return <Audit />;
  }
}
