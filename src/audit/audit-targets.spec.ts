import { Role } from '../common/auth/role';
import type { User } from '../accounts/user.entity';
import { argumentIds, callerOf, resultId, signedInActor } from './audit-targets';

const NEED = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OFFER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const ORGANIZATION = '16fd2706-8baf-433b-82eb-8c7fada847da';

describe('what the audit trail keeps of a mutation', () => {
  it('keeps the ids of id, …Id and …Ids arguments, at any depth, once each', () => {
    expect(
      argumentIds({
        id: NEED,
        input: { offerId: OFFER, needIds: [NEED, ORGANIZATION], note: OFFER },
      }),
    ).toEqual([NEED, OFFER, ORGANIZATION]);
  });

  it('keeps nothing else: no password, token, text, or malformed id', () => {
    expect(
      argumentIds({
        email: 'focal@hn.test',
        password: NEED,
        currentPassword: 'correct horse battery',
        input: { organizationId: 'irb', title: NEED, countryCode: 'HN' },
        token: OFFER,
      }),
    ).toEqual([]);
  });

  it('keeps at most 50 ids however many are sent', () => {
    const many = Array.from(
      { length: 500 },
      (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    );
    expect(argumentIds({ input: { needIds: many } })).toEqual(many.slice(0, 50));
  });

  it('names what was returned by its id, a working group by its code, a sign-in by its user', () => {
    const user = { id: NEED, email: 'a@b.test', role: Role.OBSERVER } as User;
    expect(resultId({ id: OFFER, title: 'x' })).toBe(OFFER);
    expect(resultId({ code: 'HEALTH', name: 'Health' })).toBe('HEALTH');
    expect(resultId({ token: 'header.payload.signature', user })).toBe(NEED);
    expect(resultId('https://example.test/calendar.ics?token=secret')).toBeUndefined();
    expect(resultId(null)).toBeUndefined();
    expect(signedInActor({ token: 'header.payload.signature', user })).toEqual({
      userId: NEED,
      email: 'a@b.test',
      role: Role.OBSERVER,
    });
  });

  it('knows the caller by the signed-in user, else by the e-mail given, else not at all', () => {
    const user = { id: NEED, email: 'focal@hn.test', role: Role.COUNTRY_FOCAL_POINT } as User;
    expect(callerOf(user, { email: 'other@x.test' })).toEqual({
      userId: NEED,
      email: 'focal@hn.test',
      role: Role.COUNTRY_FOCAL_POINT,
    });
    expect(callerOf(undefined, { email: '  Focal@HN.test ', password: 'secret' })).toEqual({
      userId: null,
      email: 'focal@hn.test',
      role: null,
    });
    expect(callerOf(undefined, { id: NEED })).toEqual({ userId: null, email: null, role: null });
  });
});
