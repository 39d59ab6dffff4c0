import { NeedCandidate, OfferCandidate } from './candidates';
import { countriesOpenTo, NeedFacts, needBlocker, OfferFacts, offerBlocker } from './fit';

/**
 * The engine's fast path: for a need, the offers that may fit it, without scoring every
 * offer. It pre-filters by the rules that can be looked up (fit.ts): the offer takes
 * twinnings and has room, serves the need's working group and is open to its country
 * (`countriesOpenTo`: an empty list is every MIRPS state). It never leaves out an offer
 * the rules accept; what it lets through is checked by the scorer, which applies every
 * rule (a unit test holds the two to the same answers).
 *
 * Needs and offers are referred to by their position in the arrays given.
 */
export class CandidateIndex {
  /** Open needs, in position order, and by working group. */
  private readonly openNeedList: number[] = [];
  private readonly needsByGroup = new Map<string, number[]>();
  /** Offers with room, by working group and country open to, in position order. */
  private readonly offersByGroupAndCountry = new Map<string, number[]>();

  constructor(
    private readonly needs: readonly NeedCandidate[],
    needFacts: readonly NeedFacts[],
    offers: readonly OfferCandidate[],
    offerFacts: readonly OfferFacts[],
  ) {
    needs.forEach((need, index) => {
      if (needBlocker(needFacts[index]) !== null) return;
      this.openNeedList.push(index);
      push(this.needsByGroup, need.workingGroupCode, index);
    });
    offers.forEach((offer, index) => {
      if (offerBlocker(offerFacts[index], 1) !== null) return;
      for (const group of new Set(offer.workingGroupCodes)) {
        for (const country of new Set(countriesOpenTo(offer))) {
          push(this.offersByGroupAndCountry, key(group, country), index);
        }
      }
    });
  }

  /** Offers that may fit the need: of its working group, open to its country, with room. */
  offersFor(need: number): readonly number[] {
    const { workingGroupCode, countryCode } = this.needs[need];
    return this.offersByGroupAndCountry.get(key(workingGroupCode, countryCode)) ?? [];
  }

  /** Every open need. */
  openNeeds(): readonly number[] {
    return this.openNeedList;
  }

  /** Open needs of a working group. */
  needsIn(workingGroupCode: string): readonly number[] {
    return this.needsByGroup.get(workingGroupCode) ?? [];
  }
}

function key(group: string, country: string): string {
  return `${group}\u0000${country}`;
}

function push(index: Map<string, number[]>, at: string, value: number): void {
  const list = index.get(at);
  if (list) list.push(value);
  else index.set(at, [value]);
}
