import { ConflictError } from '../common/errors/domain-errors';
import { NeedStatus } from './need-enums';
import {
  allowedNeedActions,
  INITIAL_NEED_STATUS,
  NEED_TRANSITIONS,
  NeedAction,
  needActionBetween,
  needStatusesAllowing,
  nextNeedStatus,
  opensNeed,
} from './need-state';

const { OPEN, IN_TWINNING, FULFILLED, WITHDRAWN, EXPIRED } = NeedStatus;
const { CHANGE, WITHDRAW, TAKE, RELEASE, FULFIL, EXPIRE, RENEW } = NeedAction;

function refusalOf(status: NeedStatus, action: NeedAction): [string, string | undefined] {
  try {
    nextNeedStatus({ title: 'Asylum adjudication', status }, action);
  } catch (error) {
    if (error instanceof ConflictError) return [error.message, error.reason];
    throw error;
  }
  throw new Error(`${action} was allowed from ${status}`);
}

describe('the need transition table', () => {
  it('starts every need OPEN and has a row for every status', () => {
    expect(INITIAL_NEED_STATUS).toBe(OPEN);
    expect(Object.keys(NEED_TRANSITIONS).sort()).toEqual(Object.values(NeedStatus).sort());
  });

  it('allows exactly these actions in each status, leading there', () => {
    expect(NEED_TRANSITIONS).toEqual({
      OPEN: { CHANGE: OPEN, WITHDRAW: WITHDRAWN, TAKE: IN_TWINNING, EXPIRE: EXPIRED, RENEW: OPEN },
      IN_TWINNING: { RELEASE: OPEN, FULFIL: FULFILLED, RENEW: IN_TWINNING },
      EXPIRED: { RENEW: OPEN },
      FULFILLED: {},
      WITHDRAWN: {},
    });
    expect(allowedNeedActions(OPEN)).toEqual([CHANGE, WITHDRAW, TAKE, EXPIRE, RENEW]);
  });

  it('lets only OPEN needs expire, and renewal bring an EXPIRED one back to OPEN', () => {
    expect(needStatusesAllowing(EXPIRE)).toEqual([OPEN]);
    expect(needStatusesAllowing(RENEW)).toEqual([OPEN, IN_TWINNING, EXPIRED]);
    expect(nextNeedStatus({ title: 'x', status: EXPIRED }, RENEW)).toBe(OPEN);
    expect(nextNeedStatus({ title: 'x', status: IN_TWINNING }, RENEW)).toBe(IN_TWINNING);
  });

  it('names the action a twinning takes between two statuses', () => {
    expect(needActionBetween(OPEN, IN_TWINNING)).toBe(TAKE);
    expect(needActionBetween(IN_TWINNING, OPEN)).toBe(RELEASE);
    expect(needActionBetween(IN_TWINNING, FULFILLED)).toBe(FULFIL);
    expect(() => needActionBetween(OPEN, FULFILLED)).toThrow('No need action leads from OPEN');
    expect(() => needActionBetween(OPEN, OPEN)).toThrow('No need action leads from OPEN');
  });

  it('explains each refusal with a stable reason', () => {
    expect(refusalOf(IN_TWINNING, WITHDRAW)).toEqual([
      'The need is IN_TWINNING: only an OPEN need can be withdrawn (cancel its twinning first)',
      'NEED_NOT_OPEN',
    ]);
    expect(refusalOf(EXPIRED, CHANGE)).toEqual([
      'The need is EXPIRED: only an OPEN need can be changed (renew it first)',
      'NEED_NOT_OPEN',
    ]);
    expect(refusalOf(WITHDRAWN, CHANGE)).toEqual([
      'The need is WITHDRAWN: only an OPEN need can be changed',
      'NEED_NOT_OPEN',
    ]);
    expect(refusalOf(EXPIRED, TAKE)).toEqual([
      'The need "Asylum adjudication" is EXPIRED, not OPEN',
      'NEED_NOT_OPEN',
    ]);
    expect(refusalOf(OPEN, FULFIL)).toEqual([
      'The need "Asylum adjudication" is OPEN, not IN_TWINNING',
      'INVALID_TRANSITION',
    ]);
    expect(refusalOf(WITHDRAWN, RENEW)).toEqual([
      'The need is WITHDRAWN: it cannot be renewed',
      'INVALID_TRANSITION',
    ]);
    expect(refusalOf(IN_TWINNING, EXPIRE)).toEqual([
      'The need is IN_TWINNING: it cannot be expired',
      'INVALID_TRANSITION',
    ]);
  });

  it('refuses every pair the table lacks', () => {
    let refused = 0;
    for (const status of Object.values(NeedStatus)) {
      for (const action of Object.values(NeedAction)) {
        if (allowedNeedActions(status).includes(action)) continue;
        expect(() => nextNeedStatus({ title: 'x', status }, action)).toThrow(ConflictError);
        refused += 1;
      }
    }
    expect(refused).toBe(5 * 7 - 9);
  });

  it('puts a need back in matching (openedAt) exactly when a move of the table makes it OPEN', () => {
    const opening: string[] = [];
    for (const from of Object.values(NeedStatus)) {
      for (const to of Object.values(NEED_TRANSITIONS[from])) {
        if (opensNeed(from, to)) opening.push(`${from}->${to}`);
      }
    }
    expect(opening.sort()).toEqual(['EXPIRED->OPEN', 'IN_TWINNING->OPEN']);
  });
});
