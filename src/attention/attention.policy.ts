import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';

/**
 * Whose waiting things a person may act on, and so sees in `attention`: the secretariat
 * everyone's; a country's focal point its country's needs and the twinnings it is a party
 * to; a member's focal point its organization's offers and twinnings; an observer acts on
 * nothing.
 */
export type AttentionScope =
  | { of: 'everyone' }
  | { of: 'country'; countryCode: string }
  | { of: 'organization'; organizationId: string }
  | { of: 'nobody' };

export function attentionScopeOf(user: User): AttentionScope {
  if (user.role === Role.SECRETARIAT) return { of: 'everyone' };
  if (user.role === Role.COUNTRY_FOCAL_POINT && user.countryCode) {
    return { of: 'country', countryCode: user.countryCode };
  }
  if (user.role === Role.MEMBER_FOCAL_POINT && user.organizationId) {
    return { of: 'organization', organizationId: user.organizationId };
  }
  return { of: 'nobody' };
}
