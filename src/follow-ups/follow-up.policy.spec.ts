import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { ForbiddenError } from '../common/errors/domain-errors';
import { assertMayAnswer } from './follow-up.policy';

function user(role: Role, binding: Partial<User> = {}): User {
  return { role, countryCode: null, organizationId: null, ...binding } as User;
}

describe('who answers a follow-up', () => {
  const organization = { id: 'p1', countryCode: null, organizationId: 'org-1' };
  const honduras = { id: 'p2', countryCode: 'HN', organizationId: null };
  const parties = [organization, honduras];

  it("is each party's focal point, for its own side", () => {
    expect(
      assertMayAnswer(user(Role.MEMBER_FOCAL_POINT, { organizationId: 'org-1' }), parties),
    ).toBe(organization);
    expect(assertMayAnswer(user(Role.COUNTRY_FOCAL_POINT, { countryCode: 'HN' }), parties)).toBe(
      honduras,
    );
  });

  it('is never the secretariat, an observer, or a focal point of no party', () => {
    for (const someone of [
      user(Role.SECRETARIAT),
      user(Role.OBSERVER),
      user(Role.COUNTRY_FOCAL_POINT, { countryCode: 'GT' }),
      user(Role.MEMBER_FOCAL_POINT, { organizationId: 'org-2' }),
    ]) {
      expect(() => assertMayAnswer(someone, parties)).toThrow(ForbiddenError);
    }
  });
});
