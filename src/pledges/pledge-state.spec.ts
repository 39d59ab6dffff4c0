import { ConflictError } from '../common/errors/domain-errors';
import {
  assertPledgeMayMove,
  INITIAL_PLEDGE_STATUS,
  nextPledgeStatuses,
  PLEDGE_TRANSITIONS,
} from './pledge-state';
import { PledgeStatus } from './pledge-status';

const { PLEDGED, COMMITTED, DISBURSED, CANCELLED } = PledgeStatus;

function refusalOf(from: PledgeStatus, to: PledgeStatus): [string, string] | undefined {
  try {
    assertPledgeMayMove(from, to);
    return undefined;
  } catch (error) {
    if (error instanceof ConflictError) return [error.message, error.reason];
    throw error;
  }
}

describe('the pledge transition table', () => {
  it('starts every pledge PLEDGED and has a row for every status', () => {
    expect(INITIAL_PLEDGE_STATUS).toBe(PLEDGED);
    expect(Object.keys(PLEDGE_TRANSITIONS).sort()).toEqual(Object.values(PledgeStatus).sort());
  });

  it('moves PLEDGED → COMMITTED → DISBURSED, and any but DISBURSED to CANCELLED', () => {
    expect(PLEDGE_TRANSITIONS).toEqual({
      PLEDGED: [COMMITTED, CANCELLED],
      COMMITTED: [DISBURSED, CANCELLED],
      DISBURSED: [],
      CANCELLED: [],
    });
    expect(nextPledgeStatuses(COMMITTED)).toEqual([DISBURSED, CANCELLED]);
  });

  it('allows exactly the table and refuses every other pair with CONFLICT, INVALID_TRANSITION', () => {
    const statuses = Object.values(PledgeStatus);
    for (const from of statuses) {
      for (const to of statuses) {
        const refusal = refusalOf(from, to);
        if (PLEDGE_TRANSITIONS[from].includes(to)) expect(refusal).toBeUndefined();
        else expect(refusal?.[1]).toBe('INVALID_TRANSITION');
      }
    }
  });

  it('says why: a final status, or which statuses may follow', () => {
    expect(refusalOf(DISBURSED, CANCELLED)?.[0]).toBe(
      'The pledge is disbursed: that is final, its status cannot change',
    );
    expect(refusalOf(PLEDGED, DISBURSED)?.[0]).toBe(
      'A pledged pledge cannot become disbursed: only committed and cancelled may follow',
    );
  });
});
