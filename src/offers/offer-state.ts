import { ConflictError } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';
import type { Message } from '../i18n/message';
import { OfferStatus } from './offer-status';

/** What can happen to an offer; who may do it is the policy's business (offer.policy.ts). */
export enum OfferAction {
  /** Its owners edit it. */
  CHANGE = 'CHANGE',
  WITHDRAW = 'WITHDRAW',
  /** A twinning reserves some of its capacity. */
  RESERVE = 'RESERVE',
  /** A twinning that ends gives its capacity back. */
  RELEASE = 'RELEASE',
  /** Time: its validity ran out (POSTING_VALIDITY_DAYS after its posting or renewal). */
  EXPIRE = 'EXPIRE',
  /** Its owners or the secretariat restart its validity. */
  RENEW = 'RENEW',
}

/** A new offer starts here. */
export const INITIAL_OFFER_STATUS = OfferStatus.OPEN;

/**
 * The offer lifecycle, in one place: for each status, the actions it allows and the status
 * each leads to. An action missing from a row is not allowed in that status.
 *
 * OPEN and FULL are one live state told apart by capacity: where the table says OPEN, the
 * offer is FULL when live twinnings hold all of its capacity (offerStatusAfter). A live
 * offer expires whether or not it is full: it takes no new twinning, and the twinnings it
 * has keep what they hold and give it back as they end. WITHDRAWN is final.
 */
export const OFFER_TRANSITIONS: Readonly<
  Record<OfferStatus, Readonly<Partial<Record<OfferAction, OfferStatus>>>>
> = {
  [OfferStatus.OPEN]: {
    [OfferAction.CHANGE]: OfferStatus.OPEN,
    [OfferAction.WITHDRAW]: OfferStatus.WITHDRAWN,
    [OfferAction.RESERVE]: OfferStatus.OPEN,
    [OfferAction.RELEASE]: OfferStatus.OPEN,
    [OfferAction.EXPIRE]: OfferStatus.EXPIRED,
    [OfferAction.RENEW]: OfferStatus.OPEN,
  },
  [OfferStatus.FULL]: {
    [OfferAction.CHANGE]: OfferStatus.OPEN,
    [OfferAction.WITHDRAW]: OfferStatus.WITHDRAWN,
    [OfferAction.RESERVE]: OfferStatus.OPEN,
    [OfferAction.RELEASE]: OfferStatus.OPEN,
    [OfferAction.EXPIRE]: OfferStatus.EXPIRED,
    [OfferAction.RENEW]: OfferStatus.OPEN,
  },
  [OfferStatus.EXPIRED]: {
    [OfferAction.RELEASE]: OfferStatus.EXPIRED,
    [OfferAction.RENEW]: OfferStatus.OPEN,
  },
  [OfferStatus.WITHDRAWN]: {},
};

/** What a refusal calls each action ("it cannot be renewed"). */
const ACTION_WORDS: Record<OfferAction, Message> = {
  [OfferAction.CHANGE]: msg('offers.actionChanged'),
  [OfferAction.WITHDRAW]: msg('offers.actionWithdrawn'),
  [OfferAction.RESERVE]: msg('offers.actionReserved'),
  [OfferAction.RELEASE]: msg('offers.actionReleased'),
  [OfferAction.EXPIRE]: msg('offers.actionExpired'),
  [OfferAction.RENEW]: msg('offers.actionRenewed'),
};

type OfferLike = { status: OfferStatus; capacity: number; reservedCapacity: number };

/**
 * Whether a move from `from` to `to` puts the offer (back) in matching: it becomes OPEN
 * (renewed after expiry, or given room again by a twinning that ended or a larger
 * capacity). Its `openedAt` is then stamped, and the NEW_MATCHES digest suggests it again
 * as it does an offer just posted.
 */
export function opensOffer(from: OfferStatus, to: OfferStatus): boolean {
  return to === OfferStatus.OPEN && from !== OfferStatus.OPEN;
}

/** The actions a status allows, in the table's order. */
export function allowedOfferActions(status: OfferStatus): OfferAction[] {
  return Object.keys(OFFER_TRANSITIONS[status]) as OfferAction[];
}

/** The statuses that allow `action`: which offers a query may pick for it. */
export function offerStatusesAllowing(action: OfferAction): OfferStatus[] {
  return (Object.values(OfferStatus) as OfferStatus[]).filter(
    (status) => OFFER_TRANSITIONS[status][action] !== undefined,
  );
}

/** Whether an offer in `status` takes new twinnings (room permitting). */
export function takesTwinnings(status: OfferStatus): boolean {
  return OFFER_TRANSITIONS[status][OfferAction.RESERVE] !== undefined;
}

/** A CONFLICT naming the offer's status unless it allows `action`. */
export function assertOfferAllows(offer: Pick<OfferLike, 'status'>, action: OfferAction): void {
  if (OFFER_TRANSITIONS[offer.status][action] !== undefined) return;
  const { status } = offer;
  switch (action) {
    case OfferAction.RESERVE:
      throw new ConflictError(msg('offers.noNewTwinning', { status }), 'OFFER_NOT_OPEN');
    case OfferAction.CHANGE:
    case OfferAction.WITHDRAW:
      throw new ConflictError(
        msg(status === OfferStatus.EXPIRED ? 'offers.notLiveExpired' : 'offers.notLive', {
          status,
          action: ACTION_WORDS[action],
        }),
        'OFFER_NOT_OPEN',
      );
    default:
      throw new ConflictError(
        msg('offers.notLive', { status, action: ACTION_WORDS[action] }),
        'INVALID_TRANSITION',
      );
  }
}

/**
 * Where `action` leads from the offer's status, given its capacity as it is after the
 * action (a live offer with no room left is FULL); a CONFLICT if the status does not allow it.
 */
export function offerStatusAfter(offer: OfferLike, action: OfferAction): OfferStatus {
  assertOfferAllows(offer, action);
  const next = OFFER_TRANSITIONS[offer.status][action]!;
  if (next !== OfferStatus.OPEN) return next;
  return offer.reservedCapacity >= offer.capacity ? OfferStatus.FULL : OfferStatus.OPEN;
}
