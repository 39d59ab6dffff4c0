import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { ForbiddenError } from '../common/errors/domain-errors';
import { assertMayManageOffersOf } from '../offers/offer.policy';
import { assertMayManageNeedsOf } from './need.policy';

function user(role: Role, binding: Partial<User> = {}): User {
  return { role, countryCode: null, organizationId: null, ...binding } as User;
}

describe('who may manage needs and offers', () => {
  const secretariat = user(Role.SECRETARIAT);
  const honduras = user(Role.COUNTRY_FOCAL_POINT, { countryCode: 'HN' });
  const member = user(Role.MEMBER_FOCAL_POINT, { organizationId: 'org-1' });
  const observer = user(Role.OBSERVER);

  it.each([
    [secretariat, 'HN', true],
    [honduras, 'HN', true],
    [honduras, 'GT', false],
    [member, 'HN', false],
    [observer, 'HN', false],
  ])('needs: %o on %s → %s', (who, country, allowed) => {
    const attempt = () => assertMayManageNeedsOf(who, country);
    if (allowed) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(ForbiddenError);
  });

  it.each([
    [secretariat, 'org-1', true],
    [member, 'org-1', true],
    [member, 'org-2', false],
    [honduras, 'org-1', false],
    [observer, 'org-1', false],
  ])('offers: %o on %s → %s', (who, organization, allowed) => {
    const attempt = () => assertMayManageOffersOf(who, organization);
    if (allowed) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(ForbiddenError);
  });
});
