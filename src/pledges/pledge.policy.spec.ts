import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { mayManagePledgesOf, maySeePledge } from './pledge.policy';

const IRB = '00000000-0000-4000-8000-000000000001';
const WORLD_BANK = '00000000-0000-4000-8000-000000000002';

function aUser(role: Role, extra: Partial<User> = {}): User {
  return { role, countryCode: null, organizationId: null, ...extra } as User;
}

describe('who reads and records pledges', () => {
  const pledge = { organizationId: IRB, countryCode: 'HN' };
  const secretariat = aUser(Role.SECRETARIAT);
  const observer = aUser(Role.OBSERVER);
  const irb = aUser(Role.MEMBER_FOCAL_POINT, { organizationId: IRB });
  const worldBank = aUser(Role.MEMBER_FOCAL_POINT, { organizationId: WORLD_BANK });
  const honduras = aUser(Role.COUNTRY_FOCAL_POINT, { countryCode: 'HN' });
  const guatemala = aUser(Role.COUNTRY_FOCAL_POINT, { countryCode: 'GT' });

  it('shows a pledge to the secretariat, observers, its member and its country', () => {
    expect(
      [secretariat, observer, irb, honduras].map((user) => maySeePledge(user, pledge)),
    ).toEqual([true, true, true, true]);
    expect([worldBank, guatemala].map((user) => maySeePledge(user, pledge))).toEqual([
      false,
      false,
    ]);
    expect(maySeePledge(honduras, { organizationId: IRB, countryCode: null })).toBe(false);
  });

  it("lets the secretariat and the organization's focal points record its pledges", () => {
    expect(mayManagePledgesOf(secretariat, IRB)).toBe(true);
    expect(mayManagePledgesOf(irb, IRB)).toBe(true);
    expect(mayManagePledgesOf(worldBank, IRB)).toBe(false);
    expect(mayManagePledgesOf(honduras, IRB)).toBe(false);
    expect(mayManagePledgesOf(observer, IRB)).toBe(false);
  });
});
