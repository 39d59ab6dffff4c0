import { ConflictError } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';
import type { Message } from '../i18n/message';
import { NeedStatus } from '../needs/need-enums';
import { PartyResponse, TwinningStatus } from './twinning-status';

/** What can happen to a twinning; who may do it is the policy's business. */
export enum TwinningAction {
  /** A party accepts while others have still to answer: the status stays. */
  RESPOND = 'RESPOND',
  /** The last party accepts. */
  ACCEPT = 'ACCEPT',
  /** A party declines. */
  DECLINE = 'DECLINE',
  CONFIRM = 'CONFIRM',
  COMPLETE = 'COMPLETE',
  CANCEL = 'CANCEL',
  /** Follow-up activities are recorded on a confirmed twinning: the status stays. */
  RECORD_ACTIVITY = 'RECORD_ACTIVITY',
  /** Time: a party left the proposal unanswered for PROPOSAL_EXPIRY_DAYS. */
  EXPIRE = 'EXPIRE',
}

/** A new twinning starts here; the proposal is the first entry of its history. */
export const INITIAL_STATUS = TwinningStatus.PROPOSED;

/**
 * The twinning lifecycle, in one place: for each status, the actions it allows and the
 * status each leads to. An action missing from a row is not allowed in that status.
 */
export const TRANSITIONS: Readonly<
  Record<TwinningStatus, Readonly<Partial<Record<TwinningAction, TwinningStatus>>>>
> = {
  [TwinningStatus.PROPOSED]: {
    [TwinningAction.RESPOND]: TwinningStatus.PROPOSED,
    [TwinningAction.ACCEPT]: TwinningStatus.ACCEPTED,
    [TwinningAction.DECLINE]: TwinningStatus.DECLINED,
    [TwinningAction.CANCEL]: TwinningStatus.CANCELLED,
    [TwinningAction.EXPIRE]: TwinningStatus.EXPIRED,
  },
  [TwinningStatus.ACCEPTED]: {
    [TwinningAction.CONFIRM]: TwinningStatus.CONFIRMED,
    [TwinningAction.CANCEL]: TwinningStatus.CANCELLED,
  },
  [TwinningStatus.CONFIRMED]: {
    [TwinningAction.COMPLETE]: TwinningStatus.COMPLETED,
    [TwinningAction.CANCEL]: TwinningStatus.CANCELLED,
    [TwinningAction.RECORD_ACTIVITY]: TwinningStatus.CONFIRMED,
  },
  [TwinningStatus.COMPLETED]: {},
  [TwinningStatus.DECLINED]: {},
  [TwinningStatus.CANCELLED]: {},
  [TwinningStatus.EXPIRED]: {},
};

/**
 * What entering a final status does to the needs the twinning holds (an expired proposal
 * gives them back as a declined one does); entering any of them
 * also gives back the offer's capacity, if held. While a twinning is live the needs it
 * holds are IN_TWINNING (see holdsSide).
 */
export const NEEDS_AFTER: Readonly<Partial<Record<TwinningStatus, NeedStatus>>> = {
  [TwinningStatus.COMPLETED]: NeedStatus.FULFILLED,
  [TwinningStatus.DECLINED]: NeedStatus.OPEN,
  [TwinningStatus.CANCELLED]: NeedStatus.OPEN,
  [TwinningStatus.EXPIRED]: NeedStatus.OPEN,
};

/**
 * What completing does to the needs the twinning did not meet (`completeTwinning`'s
 * `reopenNeedIds`, partial fulfilment): they go back to OPEN, to be twinned again.
 */
export const NEEDS_NOT_MET_AFTER: Readonly<Partial<Record<TwinningStatus, NeedStatus>>> = {
  [TwinningStatus.COMPLETED]: NeedStatus.OPEN,
};

/**
 * The consent rule: whose needs and capacity a live twinning holds (its needs
 * IN_TWINNING, the offer's capacity reserved). A side is held once it has ACCEPTED (the
 * proposer's own side from the start) and, when the secretariat proposed, from the start
 * until it answers. A party's word never holds another party's need or capacity: those
 * stay OPEN and free until that party accepts, when they are taken if still available.
 * Entering a final status gives back what was held.
 */
export function holdsSide(response: PartyResponse, proposedBySecretariat: boolean): boolean {
  return (
    response === PartyResponse.ACCEPTED ||
    (proposedBySecretariat && response === PartyResponse.PENDING)
  );
}

/** What the CONFLICT message calls each action ("it cannot be confirmed now"). */
const ACTION_WORDS: Record<TwinningAction, Message> = {
  [TwinningAction.RESPOND]: msg('twinnings.actionRespond'),
  [TwinningAction.ACCEPT]: msg('twinnings.actionAccept'),
  [TwinningAction.DECLINE]: msg('twinnings.actionDecline'),
  [TwinningAction.CONFIRM]: msg('twinnings.actionConfirm'),
  [TwinningAction.COMPLETE]: msg('twinnings.actionComplete'),
  [TwinningAction.CANCEL]: msg('twinnings.actionCancel'),
  [TwinningAction.RECORD_ACTIVITY]: msg('twinnings.actionRecordActivity'),
  [TwinningAction.EXPIRE]: msg('twinnings.actionExpire'),
};

/** Why a status allows what it allows, for the CONFLICT message. */
const STATUS_HINTS: Record<TwinningStatus, Message> = {
  [TwinningStatus.PROPOSED]: msg('twinnings.hintProposed'),
  [TwinningStatus.ACCEPTED]: msg('twinnings.hintAccepted'),
  [TwinningStatus.CONFIRMED]: msg('twinnings.hintConfirmed'),
  [TwinningStatus.COMPLETED]: msg('twinnings.hintFinal'),
  [TwinningStatus.DECLINED]: msg('twinnings.hintFinal'),
  [TwinningStatus.CANCELLED]: msg('twinnings.hintFinal'),
  [TwinningStatus.EXPIRED]: msg('twinnings.hintFinal'),
};

/** The actions a status allows, in the table's order. */
export function allowedActions(status: TwinningStatus): TwinningAction[] {
  return Object.keys(TRANSITIONS[status]) as TwinningAction[];
}

/** A final status allows nothing more: COMPLETED, DECLINED, CANCELLED, EXPIRED. */
export function isFinal(status: TwinningStatus): boolean {
  return allowedActions(status).length === 0;
}

/** Where `action` leads from `status`; a CONFLICT naming the current status if nowhere. */
export function nextStatus(status: TwinningStatus, action: TwinningAction): TwinningStatus {
  const next = TRANSITIONS[status][action];
  if (next === undefined) {
    throw new ConflictError(
      msg('twinnings.invalidTransition', {
        status,
        action: ACTION_WORDS[action],
        hint: STATUS_HINTS[status],
      }),
      'INVALID_TRANSITION',
    );
  }
  return next;
}

/** A CONFLICT naming the current status unless it allows `action` (which may keep it). */
export function assertAllows(status: TwinningStatus, action: TwinningAction): void {
  nextStatus(status, action);
}
