import { ConflictError } from '../common/errors/domain-errors';
import { NeedStatus } from '../needs/need-enums';
import {
  allowedActions,
  assertAllows,
  holdsSide,
  INITIAL_STATUS,
  isFinal,
  NEEDS_AFTER,
  nextStatus,
  TRANSITIONS,
  TwinningAction,
} from './twinning-state';
import { PartyResponse, TwinningStatus } from './twinning-status';

const { PROPOSED, ACCEPTED, CONFIRMED, COMPLETED, DECLINED, CANCELLED, EXPIRED } = TwinningStatus;
const { RESPOND, ACCEPT, DECLINE, CONFIRM, COMPLETE, CANCEL, RECORD_ACTIVITY, EXPIRE } =
  TwinningAction;

function reasonOf(act: () => unknown): string | undefined {
  try {
    act();
  } catch (error) {
    return error instanceof ConflictError ? error.reason : undefined;
  }
  return undefined;
}

describe('the twinning transition table', () => {
  it('starts every twinning PROPOSED', () => {
    expect(INITIAL_STATUS).toBe(PROPOSED);
  });

  it('has a row for every status', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual(Object.values(TwinningStatus).sort());
  });

  it.each([
    [PROPOSED, RESPOND, PROPOSED],
    [PROPOSED, ACCEPT, ACCEPTED],
    [PROPOSED, DECLINE, DECLINED],
    [PROPOSED, CANCEL, CANCELLED],
    [PROPOSED, EXPIRE, EXPIRED],
    [ACCEPTED, CONFIRM, CONFIRMED],
    [ACCEPTED, CANCEL, CANCELLED],
    [CONFIRMED, COMPLETE, COMPLETED],
    [CONFIRMED, CANCEL, CANCELLED],
    [CONFIRMED, RECORD_ACTIVITY, CONFIRMED],
  ])('lets a %s twinning be %s, to %s', (status, action, next) => {
    expect(nextStatus(status, action)).toBe(next);
  });

  it('allows exactly these actions in each status', () => {
    expect(
      Object.fromEntries(Object.values(TwinningStatus).map((s) => [s, allowedActions(s)])),
    ).toEqual({
      PROPOSED: [RESPOND, ACCEPT, DECLINE, CANCEL, EXPIRE],
      ACCEPTED: [CONFIRM, CANCEL],
      CONFIRMED: [COMPLETE, CANCEL, RECORD_ACTIVITY],
      COMPLETED: [],
      DECLINED: [],
      CANCELLED: [],
      EXPIRED: [],
    });
  });

  it('refuses every other pair with a CONFLICT naming the current status', () => {
    let refused = 0;
    for (const status of Object.values(TwinningStatus)) {
      for (const action of Object.values(TwinningAction)) {
        if (allowedActions(status).includes(action)) continue;
        expect(() => nextStatus(status, action)).toThrow(ConflictError);
        expect(() => nextStatus(status, action)).toThrow(`The twinning is ${status}:`);
        expect(reasonOf(() => nextStatus(status, action))).toBe('INVALID_TRANSITION');
        refused += 1;
      }
    }
    expect(refused).toBe(7 * 8 - 10);
  });

  it('checks an action that keeps the status, such as recording an activity', () => {
    expect(() => assertAllows(CONFIRMED, RECORD_ACTIVITY)).not.toThrow();
    expect(() => assertAllows(COMPLETED, RECORD_ACTIVITY)).toThrow(ConflictError);
  });

  it('explains a refusal', () => {
    expect(() => nextStatus(PROPOSED, CONFIRM)).toThrow(
      'The twinning is PROPOSED: it cannot be confirmed now (it waits for every party to answer)',
    );
    expect(() => nextStatus(COMPLETED, CANCEL)).toThrow(
      'The twinning is COMPLETED: it cannot be cancelled now (that is final)',
    );
    expect(() => nextStatus(ACCEPTED, RECORD_ACTIVITY)).toThrow(
      'The twinning is ACCEPTED: it cannot be given activities now (it waits for the secretariat to confirm it)',
    );
  });

  it('calls COMPLETED, DECLINED, CANCELLED and EXPIRED final, and only those', () => {
    expect(Object.values(TwinningStatus).filter(isFinal)).toEqual([
      COMPLETED,
      DECLINED,
      CANCELLED,
      EXPIRED,
    ]);
  });

  it('settles the needs of each final status, and only of those', () => {
    expect(NEEDS_AFTER).toEqual({
      COMPLETED: NeedStatus.FULFILLED,
      DECLINED: NeedStatus.OPEN,
      CANCELLED: NeedStatus.OPEN,
      EXPIRED: NeedStatus.OPEN,
    });
    for (const status of Object.values(TwinningStatus)) {
      expect(NEEDS_AFTER[status] !== undefined).toBe(isFinal(status));
    }
  });

  it('reaches every status from PROPOSED', () => {
    const reached = new Set<TwinningStatus>([INITIAL_STATUS]);
    const queue = [INITIAL_STATUS];
    while (queue.length > 0) {
      for (const next of Object.values(TRANSITIONS[queue.shift()!])) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    expect([...reached].sort()).toEqual(Object.values(TwinningStatus).sort());
  });
});

describe('the consent rule', () => {
  const { PENDING, ACCEPTED: YES, DECLINED: NO } = PartyResponse;

  it('holds a side that has accepted, and never one that declined', () => {
    for (const bySecretariat of [false, true]) {
      expect(holdsSide(YES, bySecretariat)).toBe(true);
      expect(holdsSide(NO, bySecretariat)).toBe(false);
    }
  });

  it("holds a side that has not answered only on the secretariat's word, not on a party's", () => {
    expect(holdsSide(PENDING, true)).toBe(true);
    expect(holdsSide(PENDING, false)).toBe(false);
  });
});
