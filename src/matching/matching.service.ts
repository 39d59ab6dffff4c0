import { Inject, Injectable } from '@nestjs/common';
import { FieldProblems } from '../common/errors/domain-errors';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { NeedsService } from '../needs/needs.service';
import { Offer } from '../offers/offer.entity';
import { OffersService } from '../offers/offers.service';
import { ReferenceService } from '../reference/reference.service';
import { OfferCandidate, ScoredPair } from './engine/candidates';
import { MatchingConfig } from './engine/matching-config';
import { MatchingEngine } from './engine/matching-engine';
import { trackRecords } from './engine/track-record';
import { DEFAULT_SUGGESTIONS } from './dto/suggestion.args';
import { needCandidate, offerCandidate } from './engine-candidates';

export const MATCHING_CONFIG = Symbol('MATCHING_CONFIG');

/** SQLite takes up to 32,766 parameters a statement; stay well below. */
const LINK_BATCH = 5000;

export interface PlanOutcome {
  assignments: ScoredPair[];
  unmatchedNeedIds: string[];
  totalScore: number;
}

/**
 * Loads the open needs and offers, feeds them to the engine and hands its answers back.
 * The engine (text vectors of the whole corpus) is kept between requests while no need,
 * offer or follow-up answer (TRACK_RECORD) has changed: every request checks that with one
 * cheap query per table, so instances sharing a database never serve stale suggestions.
 */
@Injectable()
export class MatchingService {
  private cache?: { stamp: string; engine: Promise<MatchingEngine> };

  constructor(
    private readonly needs: NeedsService,
    private readonly offers: OffersService,
    private readonly reference: ReferenceService,
    private readonly followUps: FollowUpsService,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
  ) {}

  async suggestOffers(needId: string, first = DEFAULT_SUGGESTIONS): Promise<ScoredPair[]> {
    await this.needs.get(needId);
    return (await this.engine()).suggestOffers(needId, first);
  }

  async suggestNeeds(offerId: string, first = DEFAULT_SUGGESTIONS): Promise<ScoredPair[]> {
    await this.offers.get(offerId);
    return (await this.engine()).suggestNeeds(offerId, first);
  }

  async plan(workingGroupCode?: string): Promise<PlanOutcome> {
    if (workingGroupCode) {
      const problems = new FieldProblems();
      await this.reference.checkWorkingGroupCodes(problems, 'workingGroupCode', [workingGroupCode]);
      problems.throwIfAny();
    }
    const { assignments, unmatchedNeedIds, totalScore } = (await this.engine()).plan(
      workingGroupCode,
    );
    return { assignments, unmatchedNeedIds, totalScore };
  }

  private async engine(): Promise<MatchingEngine> {
    const [needsStamp, offersStamp, ratingsStamp] = await Promise.all([
      this.needs.changeStamp(),
      this.offers.changeStamp(),
      this.followUps.changeStamp(),
    ]);
    const stamp = `${needsStamp}/${offersStamp}/${ratingsStamp}`;
    if (this.cache?.stamp !== stamp) {
      const engine = this.build();
      this.cache = { stamp, engine };
      // A failed build is not kept: the next request tries again.
      engine.catch(() => {
        if (this.cache?.engine === engine) this.cache = undefined;
      });
    }
    return this.cache.engine;
  }

  private async build(): Promise<MatchingEngine> {
    const [needs, offers] = await Promise.all([this.needs.listOpen(), this.offers.listOpen()]);
    return new MatchingEngine(
      needs.map((need) => needCandidate(need)),
      await this.offerCandidates(offers),
      this.config,
    );
  }

  private async offerCandidates(offers: Offer[]): Promise<OfferCandidate[]> {
    const groups = new Map<string, string[]>();
    const countries = new Map<string, string[]>();
    const records = trackRecords(await this.followUps.organizationRatings());
    for (let start = 0; start < offers.length; start += LINK_BATCH) {
      const ids = offers.slice(start, start + LINK_BATCH).map((offer) => offer.id);
      const [groupLinks, countryLinks] = await Promise.all([
        this.offers.workingGroupLinksOf(ids),
        this.offers.eligibleCountryLinksOf(ids),
      ]);
      for (const link of groupLinks) append(groups, link.offerId, link.workingGroupCode);
      for (const link of countryLinks) append(countries, link.offerId, link.countryCode);
    }
    return offers.map((offer) => ({
      ...offerCandidate(offer, groups.get(offer.id) ?? [], countries.get(offer.id) ?? []),
      trackRecord: records.get(offer.organizationId),
    }));
  }
}

function append(index: Map<string, string[]>, key: string, value: string): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}
