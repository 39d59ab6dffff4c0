import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { ForbiddenError } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';

/**
 * Which pledges a user reads: `everything` for the secretariat and observers (they report
 * on the whole platform); a member's focal points those of their own organization; a
 * country's focal points those meant for their country.
 */
export interface PledgeReach {
  everything: boolean;
  organizationId: string | null;
  countryCode: string | null;
}

/**
 * THE visibility rule of pledges. Every read of pledges applies it: the `pledges` list
 * (in SQL, pledge-visibility.queries.ts) and `nextStatuses`. Totals (platformSummary) add
 * up every pledge and name members only, as the annual report does. A pledge's needs and
 * twinning are read through their own rules (need.policy.ts): a reader who sees a pledge
 * but not one of its needs does not see that need in it.
 */
export function pledgeReachOf(user: User): PledgeReach {
  if (user.role === Role.SECRETARIAT || user.role === Role.OBSERVER) {
    return { everything: true, organizationId: null, countryCode: null };
  }
  return {
    everything: false,
    organizationId: user.role === Role.MEMBER_FOCAL_POINT ? user.organizationId : null,
    countryCode: user.role === Role.COUNTRY_FOCAL_POINT ? user.countryCode : null,
  };
}

/** The rule for one pledge in memory. */
export function maySeePledge(
  user: User,
  pledge: { organizationId: string; countryCode: string | null },
): boolean {
  const reach = pledgeReachOf(user);
  return (
    reach.everything ||
    (reach.organizationId !== null && reach.organizationId === pledge.organizationId) ||
    (reach.countryCode !== null && reach.countryCode === pledge.countryCode)
  );
}

/** Pledges are their organization's word: its member focal points and the secretariat record them. */
export function mayManagePledgesOf(user: User, organizationId: string): boolean {
  if (user.role === Role.SECRETARIAT) return true;
  return user.role === Role.MEMBER_FOCAL_POINT && user.organizationId === organizationId;
}

export function assertMayManagePledgesOf(user: User, organizationId: string): void {
  if (!mayManagePledgesOf(user, organizationId)) {
    throw new ForbiddenError(msg('pledges.mayNotManage'));
  }
}
