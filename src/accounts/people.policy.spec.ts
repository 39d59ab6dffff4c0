import { Role } from '../common/auth/role';
import { asSeenByThemself, mayReadContactOf } from './people.policy';

const person = { id: 'p' };

describe('mayReadContactOf', () => {
  it.each([
    ['the person themself, whatever the role', { id: 'p', role: Role.OBSERVER }, true],
    ['the secretariat', { id: 's', role: Role.SECRETARIAT }, true],
    ['a country focal point', { id: 'c', role: Role.COUNTRY_FOCAL_POINT }, false],
    ['a member focal point', { id: 'm', role: Role.MEMBER_FOCAL_POINT }, false],
    ['an observer', { id: 'o', role: Role.OBSERVER }, false],
    ['nobody signed in', undefined, false],
  ])('%s: %s', (_who, viewer, expected) => {
    expect(mayReadContactOf(viewer, person)).toBe(expected);
  });
});

describe('asSeenByThemself', () => {
  it('lets the account a sign-in answers with be read without a signed-in viewer, and no other', () => {
    const signedIn = asSeenByThemself({ id: 'q' });
    expect(mayReadContactOf(undefined, signedIn)).toBe(true);
    expect(mayReadContactOf(undefined, { id: 'q' })).toBe(false);
  });
});
