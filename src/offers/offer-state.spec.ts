import { ConflictError } from '../common/errors/domain-errors';
import {
  allowedOfferActions,
  assertOfferAllows,
  INITIAL_OFFER_STATUS,
  OFFER_TRANSITIONS,
  OfferAction,
  offerStatusAfter,
  offerStatusesAllowing,
  opensOffer,
  takesTwinnings,
} from './offer-state';
import { OfferStatus } from './offer-status';

const { OPEN, FULL, WITHDRAWN, EXPIRED } = OfferStatus;
const { CHANGE, WITHDRAW, RESERVE, RELEASE, EXPIRE, RENEW } = OfferAction;

function refusalOf(status: OfferStatus, action: OfferAction): [string, string | undefined] {
  try {
    assertOfferAllows({ status }, action);
  } catch (error) {
    if (error instanceof ConflictError) return [error.message, error.reason];
    throw error;
  }
  throw new Error(`${action} was allowed from ${status}`);
}

describe('the offer transition table', () => {
  it('starts every offer OPEN and has a row for every status', () => {
    expect(INITIAL_OFFER_STATUS).toBe(OPEN);
    expect(Object.keys(OFFER_TRANSITIONS).sort()).toEqual(Object.values(OfferStatus).sort());
  });

  it('treats OPEN and FULL alike, EXPIRED as renewable only, WITHDRAWN as final', () => {
    const live = [CHANGE, WITHDRAW, RESERVE, RELEASE, EXPIRE, RENEW];
    expect(allowedOfferActions(OPEN)).toEqual(live);
    expect(allowedOfferActions(FULL)).toEqual(live);
    expect(allowedOfferActions(EXPIRED)).toEqual([RELEASE, RENEW]);
    expect(allowedOfferActions(WITHDRAWN)).toEqual([]);
    expect(offerStatusesAllowing(EXPIRE)).toEqual([OPEN, FULL]);
  });

  it('takes twinnings only while live', () => {
    expect(Object.values(OfferStatus).filter(takesTwinnings)).toEqual([OPEN, FULL]);
  });

  it('lets capacity decide between OPEN and FULL where the table says OPEN', () => {
    const offer = (status: OfferStatus, reservedCapacity: number) => ({
      status,
      capacity: 2,
      reservedCapacity,
    });
    expect(offerStatusAfter(offer(OPEN, 2), RESERVE)).toBe(FULL);
    expect(offerStatusAfter(offer(FULL, 1), RELEASE)).toBe(OPEN);
    expect(offerStatusAfter(offer(EXPIRED, 1), RELEASE)).toBe(EXPIRED);
    expect(offerStatusAfter(offer(EXPIRED, 2), RENEW)).toBe(FULL);
    expect(offerStatusAfter(offer(EXPIRED, 0), RENEW)).toBe(OPEN);
    expect(offerStatusAfter(offer(FULL, 2), EXPIRE)).toBe(EXPIRED);
    expect(offerStatusAfter(offer(OPEN, 0), WITHDRAW)).toBe(WITHDRAWN);
  });

  it('explains each refusal with a stable reason', () => {
    expect(refusalOf(WITHDRAWN, RESERVE)).toEqual([
      'The offer is WITHDRAWN: it takes no new twinning',
      'OFFER_NOT_OPEN',
    ]);
    expect(refusalOf(EXPIRED, RESERVE)).toEqual([
      'The offer is EXPIRED: it takes no new twinning',
      'OFFER_NOT_OPEN',
    ]);
    expect(refusalOf(WITHDRAWN, CHANGE)).toEqual([
      'The offer is WITHDRAWN: it cannot be changed',
      'OFFER_NOT_OPEN',
    ]);
    expect(refusalOf(EXPIRED, WITHDRAW)).toEqual([
      'The offer is EXPIRED: it cannot be withdrawn (renew it first)',
      'OFFER_NOT_OPEN',
    ]);
    expect(refusalOf(WITHDRAWN, RENEW)).toEqual([
      'The offer is WITHDRAWN: it cannot be renewed',
      'INVALID_TRANSITION',
    ]);
  });

  it('refuses every pair the table lacks', () => {
    let refused = 0;
    for (const status of Object.values(OfferStatus)) {
      for (const action of Object.values(OfferAction)) {
        if (allowedOfferActions(status).includes(action)) continue;
        expect(() => assertOfferAllows({ status }, action)).toThrow(ConflictError);
        refused += 1;
      }
    }
    expect(refused).toBe(4 * 6 - 14);
  });

  it('puts an offer back in matching (openedAt) when it becomes OPEN from any other status', () => {
    const opening: string[] = [];
    for (const from of Object.values(OfferStatus)) {
      // Where the table says OPEN, capacity may make it FULL.
      const targets = Object.values(OFFER_TRANSITIONS[from]).flatMap((to) =>
        to === OPEN ? [OPEN, FULL] : [to],
      );
      for (const to of new Set(targets)) {
        if (opensOffer(from, to)) opening.push(`${from}->${to}`);
      }
    }
    expect(opening.sort()).toEqual(['EXPIRED->OPEN', 'FULL->OPEN']);
    // Renewed while FULL: still FULL, not open; given room by a twinning that ended: OPEN.
    const renewed = offerStatusAfter({ status: EXPIRED, capacity: 1, reservedCapacity: 1 }, RENEW);
    expect(opensOffer(EXPIRED, renewed)).toBe(false);
    const released = offerStatusAfter({ status: FULL, capacity: 1, reservedCapacity: 0 }, RELEASE);
    expect(opensOffer(FULL, released)).toBe(true);
  });
});
