import type { User } from '../accounts/user.entity';
import { Role } from '../common/auth/role';
import { ForbiddenError } from '../common/errors/domain-errors';
import { assertMayManageOffersOf } from '../offers/offer.policy';
import { Visibility } from './need-enums';
import {
  assertMayManageNeedsOf,
  maySeeNeed,
  maySuggestNeedTo,
  twinningReadableBy,
} from './need.policy';

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

describe('who may see a restricted need', () => {
  const secretariat = user(Role.SECRETARIAT);
  const honduras = user(Role.COUNTRY_FOCAL_POINT, { countryCode: 'HN' });
  const guatemala = user(Role.COUNTRY_FOCAL_POINT, { countryCode: 'GT' });
  const member = user(Role.MEMBER_FOCAL_POINT, { organizationId: 'org-1' });
  const otherMember = user(Role.MEMBER_FOCAL_POINT, { organizationId: 'org-2' });
  const observer = user(Role.OBSERVER);
  const restricted = { countryCode: 'HN', visibility: Visibility.RESTRICTED };
  const platform = { countryCode: 'HN', visibility: Visibility.PLATFORM };
  const parties = [
    { countryCode: null, organizationId: 'org-1' },
    { countryCode: 'HN', organizationId: null },
  ];

  it.each([
    [secretariat, [], true],
    [honduras, [], true],
    [guatemala, [], false],
    [member, [], false],
    [observer, [], false],
    [member, parties, true],
    [otherMember, parties, false],
    [guatemala, [...parties, { countryCode: 'GT', organizationId: null }], true],
    [observer, parties, false],
  ])('maySeeNeed: %o with parties %o → %s', (who, sides, allowed) => {
    expect(maySeeNeed(who, restricted, sides)).toBe(allowed);
    expect(maySeeNeed(who, platform, sides)).toBe(true);
  });

  it.each([
    [secretariat, true],
    [honduras, true],
    [member, true],
    [guatemala, false],
    [otherMember, false],
    [observer, false],
  ])('twinningReadableBy a twinning with a restricted need: %o → %s', (who, allowed) => {
    expect(twinningReadableBy(who, { includesRestrictedNeed: true }, parties)).toBe(allowed);
    expect(twinningReadableBy(who, { includesRestrictedNeed: false }, parties)).toBe(true);
  });

  it.each([
    [secretariat, true],
    [honduras, true],
    [member, false],
    [guatemala, false],
    [observer, false],
  ])('maySuggestNeedTo: never to members, even parties: %o → %s', (who, allowed) => {
    expect(maySuggestNeedTo(who, restricted)).toBe(allowed);
    expect(maySuggestNeedTo(who, platform)).toBe(true);
  });
});
