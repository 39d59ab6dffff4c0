import { chunk } from './chunks';
import type { Me } from './session';

/** The console's groups of screens, each a chunk of its own: the sign-in page loads none. */
export const screens = {
  home: chunk(() => import('./pages/home')),
  needs: chunk(() => import('./pages/needs')),
  offers: chunk(() => import('./pages/offers')),
  twinnings: chunk(() => import('./pages/twinnings')),
  activities: chunk(() => import('./pages/activities')),
  commitments: chunk(() => import('./pages/commitments')),
  events: chunk(() => import('./pages/events')),
  pledges: chunk(() => import('./pages/pledges')),
  secretariat: chunk(() => import('./pages/secretariat')),
  account: chunk(() => import('./pages/account')),
  publicAccount: chunk(() => import('./pages/public-account')),
  imports: chunk(() => import('./pages/imports')),
};

/** The overview's charts (Recharts): with the overview, never before sign-in. */
export const overviewCharts = chunk(() => import('./pages/secretariat/charts'));

/** A commitment's indicator drawn over time (Recharts): on the commitment's page only. */
export const indicatorChart = chunk(() => import('./pages/commitments/chart'));

/**
 * Starts loading what a role sees first, all at once: the home screen (for the
 * secretariat, its overview and the overview's charts), then the lists every role uses.
 * Failures are left to the screen that needs the chunk, which says so.
 */
export function preloadFor(role: Me['role']): void {
  const first = role === 'SECRETARIAT' ? [screens.secretariat, overviewCharts] : [screens.home];
  const quiet = () => undefined;
  for (const next of first) next.load().catch(quiet);
}
