import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';

/**
 * Platform events are platform-wide: every signed-in user reads them, their participants
 * and their agenda (whose needs follow need.policy.ts: a meeting about a need the reader
 * may not read is left out), and the twinnings made at them that the reader may read
 * (twinning-visibility.queries.ts). The secretariat alone creates them, schedules their
 * agenda and links twinnings to them (the resolver's @Roles).
 */
export const EVENT_MANAGERS = [Role.SECRETARIAT];

/**
 * Whose calendar feed shows an event: everything for the secretariat; else the events its
 * country (a country's focal points) or its organization (a member's) takes part in.
 * Observers take part in none.
 */
export interface EventParticipation {
  everything: boolean;
  countryCode: string | null;
  organizationId: string | null;
}

export function participationOf(user: User): EventParticipation {
  if (user.role === Role.SECRETARIAT) {
    return { everything: true, countryCode: null, organizationId: null };
  }
  return {
    everything: false,
    countryCode: user.role === Role.COUNTRY_FOCAL_POINT ? user.countryCode : null,
    organizationId: user.role === Role.MEMBER_FOCAL_POINT ? user.organizationId : null,
  };
}
