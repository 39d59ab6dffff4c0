import { NeedStatus } from '../needs/need-enums';
import type { Need } from '../needs/need.entity';
import { takesTwinnings } from '../offers/offer-state';
import type { Offer } from '../offers/offer.entity';
import { remainingCapacityOf } from '../offers/offers.service';
import { NeedCandidate, OfferCandidate } from './engine/candidates';

/**
 * Needs and offers as the engine and the fit rules (engine/fit.ts) read them: the one
 * mapping from entities, for matching and for proposals alike.
 */
export function needCandidate(need: Need): NeedCandidate {
  return {
    id: need.id,
    countryCode: need.countryCode,
    workingGroupCode: need.workingGroupCode,
    title: need.title,
    description: need.description,
    modalities: need.modalities,
    languages: need.languages,
    earliestStart: need.earliestStart?.getTime() ?? null,
    latestEnd: need.latestEnd?.getTime() ?? null,
    open: need.status === NeedStatus.OPEN,
  };
}

/** An offer with the working groups it serves and the states it names (none: every MIRPS state). */
export function offerCandidate(
  offer: Offer,
  workingGroupCodes: readonly string[],
  eligibleCountryCodes: readonly string[],
): OfferCandidate {
  return {
    id: offer.id,
    workingGroupCodes,
    title: offer.title,
    description: offer.description,
    modalities: offer.modalities,
    languages: offer.languages,
    capacity: offer.capacity,
    remainingCapacity: remainingCapacityOf(offer),
    availableFrom: offer.availableFrom?.getTime() ?? null,
    availableTo: offer.availableTo?.getTime() ?? null,
    eligibleCountryCodes,
    // A FULL offer still takes twinnings when capacity frees up; a withdrawn or expired one
    // never (offer-state.ts).
    open: takesTwinnings(offer.status),
  };
}
