import type { User } from '../accounts/user.entity';
import { ForbiddenError } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';
import { Side, sideOf } from '../twinnings/twinning.policy';

/**
 * Who answers a follow-up: each party for its own side, through its focal points (a
 * country's COUNTRY_FOCAL_POINTs, the offer's organization's MEMBER_FOCAL_POINTs). The
 * secretariat and observers answer for no side. Returns the side the user answers for.
 *
 * Who reads a follow-up is whoever reads its twinning: follow-ups are reached only through
 * `TwinningArrangement.followUps` and the answer of `submitFollowUp` (by a party).
 */
export function assertMayAnswer<T extends Side>(user: User, parties: readonly T[]): T {
  const side = sideOf(user, parties);
  if (side) return side;
  throw new ForbiddenError(msg('followUps.onlyPartiesAnswer'));
}
