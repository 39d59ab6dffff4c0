import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { participationOf } from './platform-event.policy';

function user(role: Role, countryCode: string | null, organizationId: string | null): User {
  return { id: 'u', role, countryCode, organizationId } as User;
}

describe('participationOf: whose calendar shows an event', () => {
  it('gives the secretariat every event', () => {
    expect(participationOf(user(Role.SECRETARIAT, null, null))).toEqual({
      everything: true,
      countryCode: null,
      organizationId: null,
    });
  });

  it("gives a country's focal point its country's, a member its organization's", () => {
    expect(participationOf(user(Role.COUNTRY_FOCAL_POINT, 'HN', null))).toEqual({
      everything: false,
      countryCode: 'HN',
      organizationId: null,
    });
    expect(participationOf(user(Role.MEMBER_FOCAL_POINT, null, 'org-1'))).toEqual({
      everything: false,
      countryCode: null,
      organizationId: 'org-1',
    });
  });

  it('gives observers none, whatever their account holds', () => {
    expect(participationOf(user(Role.OBSERVER, 'HN', 'org-1'))).toEqual({
      everything: false,
      countryCode: null,
      organizationId: null,
    });
  });
});
