import NotFound from './account/not-found';
import Notifications from './account/notifications';
import ProfilePage from './account/profile';

/** The person's own screens inside the signed-in console. */
export default function Account({ page }: { page: 'notifications' | 'profile' | 'not-found' }) {
  if (page === 'notifications') return <Notifications />;
  if (page === 'profile') return <ProfilePage />;
  return <NotFound />;
}
