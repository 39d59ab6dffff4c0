import { ConflictError } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';
import type { Message } from '../i18n/message';
import { NeedStatus } from './need-enums';

/** What can happen to a need; who may do it is the policy's business (need.policy.ts). */
export enum NeedAction {
  /** Its owners edit it. */
  CHANGE = 'CHANGE',
  WITHDRAW = 'WITHDRAW',
  /** A twinning takes it (its country's side is held). */
  TAKE = 'TAKE',
  /** The twinning that held it ends without meeting it (declined, cancelled, expired). */
  RELEASE = 'RELEASE',
  /** The twinning that held it is completed. */
  FULFIL = 'FULFIL',
  /** Time: its validity ran out (POSTING_VALIDITY_DAYS after its posting or renewal). */
  EXPIRE = 'EXPIRE',
  /** Its owners or the secretariat restart its validity. */
  RENEW = 'RENEW',
}

/** A new need starts here. */
export const INITIAL_NEED_STATUS = NeedStatus.OPEN;

/**
 * The need lifecycle, in one place: for each status, the actions it allows and the status
 * each leads to. An action missing from a row is not allowed in that status. Only an OPEN
 * need expires: one IN_TWINNING is settled by its twinning (renewing it restarts its
 * validity for when it is given back), and FULFILLED and WITHDRAWN are final.
 */
export const NEED_TRANSITIONS: Readonly<
  Record<NeedStatus, Readonly<Partial<Record<NeedAction, NeedStatus>>>>
> = {
  [NeedStatus.OPEN]: {
    [NeedAction.CHANGE]: NeedStatus.OPEN,
    [NeedAction.WITHDRAW]: NeedStatus.WITHDRAWN,
    [NeedAction.TAKE]: NeedStatus.IN_TWINNING,
    [NeedAction.EXPIRE]: NeedStatus.EXPIRED,
    [NeedAction.RENEW]: NeedStatus.OPEN,
  },
  [NeedStatus.IN_TWINNING]: {
    [NeedAction.RELEASE]: NeedStatus.OPEN,
    [NeedAction.FULFIL]: NeedStatus.FULFILLED,
    [NeedAction.RENEW]: NeedStatus.IN_TWINNING,
  },
  [NeedStatus.EXPIRED]: {
    [NeedAction.RENEW]: NeedStatus.OPEN,
  },
  [NeedStatus.FULFILLED]: {},
  [NeedStatus.WITHDRAWN]: {},
};

/** What a refusal calls each action ("it cannot be renewed"). */
const ACTION_WORDS: Record<NeedAction, Message> = {
  [NeedAction.CHANGE]: msg('needs.actionChanged'),
  [NeedAction.WITHDRAW]: msg('needs.actionWithdrawn'),
  [NeedAction.TAKE]: msg('needs.actionTaken'),
  [NeedAction.RELEASE]: msg('needs.actionReleased'),
  [NeedAction.FULFIL]: msg('needs.actionFulfilled'),
  [NeedAction.EXPIRE]: msg('needs.actionExpired'),
  [NeedAction.RENEW]: msg('needs.actionRenewed'),
};

/**
 * Whether a move from `from` to `to` puts the need (back) in matching: it becomes OPEN
 * (released by a twinning, renewed after expiry). Its `openedAt` is then stamped, and the
 * NEW_MATCHES digest suggests it again as it does a need just posted.
 */
export function opensNeed(from: NeedStatus, to: NeedStatus): boolean {
  return to === NeedStatus.OPEN && from !== NeedStatus.OPEN;
}

/** The actions a status allows, in the table's order. */
export function allowedNeedActions(status: NeedStatus): NeedAction[] {
  return Object.keys(NEED_TRANSITIONS[status]) as NeedAction[];
}

/** The statuses that allow `action`: which needs a query may pick for it. */
export function needStatusesAllowing(action: NeedAction): NeedStatus[] {
  return (Object.values(NeedStatus) as NeedStatus[]).filter(
    (status) => NEED_TRANSITIONS[status][action] !== undefined,
  );
}

/**
 * The action that moves a need from `from` to another status `to` (how a twinning settles
 * its needs); a fault when the table has none.
 */
export function needActionBetween(from: NeedStatus, to: NeedStatus): NeedAction {
  const found = allowedNeedActions(from).find(
    (action) => from !== to && NEED_TRANSITIONS[from][action] === to,
  );
  if (!found) throw new Error(`No need action leads from ${from} to ${to}`);
  return found;
}

/** The CONFLICT for a need whose status does not allow `action`. */
function refusal(need: NeedLike, action: NeedAction): ConflictError {
  const { status } = need;
  switch (action) {
    case NeedAction.CHANGE:
    case NeedAction.WITHDRAW: {
      const key =
        status === NeedStatus.IN_TWINNING
          ? 'needs.notOpenInTwinning'
          : status === NeedStatus.EXPIRED
            ? 'needs.notOpenExpired'
            : 'needs.notOpen';
      return new ConflictError(msg(key, { status, action: ACTION_WORDS[action] }), 'NEED_NOT_OPEN');
    }
    case NeedAction.TAKE:
    case NeedAction.RELEASE:
    case NeedAction.FULFIL:
      return new ConflictError(
        msg('needs.notInStatus', {
          title: need.title,
          status,
          expected: needStatusesAllowing(action)[0],
        }),
        action === NeedAction.TAKE ? 'NEED_NOT_OPEN' : 'INVALID_TRANSITION',
      );
    default:
      return new ConflictError(
        msg('needs.invalidTransition', { status, action: ACTION_WORDS[action] }),
        'INVALID_TRANSITION',
      );
  }
}

type NeedLike = { title: string; status: NeedStatus };

/** Where `action` leads from the need's status; a CONFLICT naming that status if nowhere. */
export function nextNeedStatus(need: NeedLike, action: NeedAction): NeedStatus {
  const next = NEED_TRANSITIONS[need.status][action];
  if (next === undefined) throw refusal(need, action);
  return next;
}
