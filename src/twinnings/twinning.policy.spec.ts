import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { ForbiddenError } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';
import {
  assertIsSecretariatOrParty,
  assertMayComplete,
  assertMayConfirm,
  assertMayPropose,
  assertMayRespond,
  followsTwinning,
  sideOf,
  Side,
} from './twinning.policy';

function user(role: Role, binding: Partial<User> = {}): User {
  return { role, countryCode: null, organizationId: null, ...binding } as User;
}

describe('who may act on a twinning', () => {
  const secretariat = user(Role.SECRETARIAT);
  const honduras = user(Role.COUNTRY_FOCAL_POINT, { countryCode: 'HN' });
  const mexico = user(Role.COUNTRY_FOCAL_POINT, { countryCode: 'MX' });
  const member = user(Role.MEMBER_FOCAL_POINT, { organizationId: 'org-1' });
  const otherMember = user(Role.MEMBER_FOCAL_POINT, { organizationId: 'org-2' });
  const observer = user(Role.OBSERVER);

  const organizationSide: Side = { countryCode: null, organizationId: 'org-1' };
  const hondurasSide: Side = { countryCode: 'HN', organizationId: null };
  const guatemalaSide: Side = { countryCode: 'GT', organizationId: null };
  const sides = [organizationSide, hondurasSide, guatemalaSide];

  it('finds the side a focal point acts for, and none for the others', () => {
    expect(sideOf(honduras, sides)).toBe(hondurasSide);
    expect(sideOf(member, sides)).toBe(organizationSide);
    expect(sideOf(mexico, sides)).toBeUndefined();
    expect(sideOf(otherMember, sides)).toBeUndefined();
    expect(sideOf(secretariat, sides)).toBeUndefined();
    expect(sideOf(observer, sides)).toBeUndefined();
  });

  it('sends the live changes of a twinning to its parties and those who oversee all', () => {
    for (const follower of [secretariat, observer, honduras, member]) {
      expect(followsTwinning(follower, sides)).toBe(true);
    }
    expect(followsTwinning(mexico, sides)).toBe(false);
    expect(followsTwinning(otherMember, sides)).toBe(false);
  });

  it("gives the proposer's own side, none for the secretariat, and refuses outsiders", () => {
    expect(assertMayPropose(secretariat, sides)).toBeUndefined();
    expect(assertMayPropose(member, sides)).toBe(organizationSide);
    expect(assertMayPropose(honduras, sides)).toBe(hondurasSide);
    for (const outsider of [mexico, otherMember, observer]) {
      expect(() => assertMayPropose(outsider, sides)).toThrow(ForbiddenError);
    }
  });

  it('lets a party answer only for its own side', () => {
    expect(assertMayRespond(honduras, sides)).toBe(hondurasSide);
    expect(assertMayRespond(member, sides)).toBe(organizationSide);
    for (const other of [secretariat, mexico, otherMember, observer]) {
      expect(() => assertMayRespond(other, sides)).toThrow(ForbiddenError);
    }
  });

  it('lets only the secretariat confirm', () => {
    expect(() => assertMayConfirm(secretariat)).not.toThrow();
    for (const other of [honduras, member, observer]) {
      expect(() => assertMayConfirm(other)).toThrow(ForbiddenError);
    }
  });

  it('lets the secretariat and the offering member complete', () => {
    expect(() => assertMayComplete(secretariat, 'org-1')).not.toThrow();
    expect(() => assertMayComplete(member, 'org-1')).not.toThrow();
    for (const other of [otherMember, honduras, observer]) {
      expect(() => assertMayComplete(other, 'org-1')).toThrow(ForbiddenError);
    }
  });

  it('lets the secretariat and any party cancel or follow up', () => {
    for (const allowed of [secretariat, honduras, member]) {
      expect(() =>
        assertIsSecretariatOrParty(allowed, sides, msg('twinnings.cancelIt')),
      ).not.toThrow();
    }
    for (const other of [mexico, otherMember, observer]) {
      expect(() => assertIsSecretariatOrParty(other, sides, msg('twinnings.cancelIt'))).toThrow(
        'Only the secretariat or a party to the twinning may cancel it',
      );
    }
  });
});
