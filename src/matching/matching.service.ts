import { Inject, Injectable } from '@nestjs/common';
import type { User } from '../accounts/user.entity';
import { FieldProblems } from '../common/errors/domain-errors';
import { Visibility } from '../needs/need-enums';
import { maySuggestNeedTo } from '../needs/need.policy';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { NeedsService } from '../needs/needs.service';
import { Offer } from '../offers/offer.entity';
import { OffersService } from '../offers/offers.service';
import { ReferenceService } from '../reference/reference.service';
import { OfferCandidate, ScoredPair } from './engine/candidates';
import { MatchingConfig } from './engine/matching-config';
import { MatchingEngine, NeedAdmission } from './engine/matching-engine';
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
/** The engine over one snapshot, which of its needs are RESTRICTED, and whose each offer is. */
interface Snapshot {
  engine: MatchingEngine;
  restricted: ReadonlySet<string>;
  organizationOf: ReadonlyMap<string, string>;
}

/** Who takes part in an event: the plan of its agenda pairs only these. */
export interface PlanParticipants {
  countryCodes: readonly string[];
  organizationIds: readonly string[];
  /** None: every working group. */
  workingGroupCodes: readonly string[];
}

/**
 * `reader`: who the answer is for, whose need visibility it follows (need.policy.ts:
 * maySuggestNeedTo); null when the service asks for itself (the digest, which decides who
 * is told).
 */
type Reader = User | null;

@Injectable()
export class MatchingService {
  private cache?: { stamp: string; snapshot: Promise<Snapshot> };

  constructor(
    private readonly needs: NeedsService,
    private readonly offers: OffersService,
    private readonly reference: ReferenceService,
    private readonly followUps: FollowUpsService,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
  ) {}

  /** NOT_FOUND for a need the reader may not read, as for a missing one. */
  async suggestOffers(
    reader: Reader,
    needId: string,
    first = DEFAULT_SUGGESTIONS,
  ): Promise<ScoredPair[]> {
    if (reader) await this.needs.getReadable(reader, needId);
    else await this.needs.get(needId);
    return (await this.snapshot()).engine.suggestOffers(needId, first);
  }

  async suggestNeeds(
    reader: Reader,
    offerId: string,
    first = DEFAULT_SUGGESTIONS,
  ): Promise<ScoredPair[]> {
    await this.offers.get(offerId);
    const snapshot = await this.snapshot();
    return snapshot.engine.suggestNeeds(offerId, first, this.admission(reader, snapshot));
  }

  /** The plan over the needs the reader may be suggested: all of them for the secretariat. */
  async plan(reader: Reader, workingGroupCode?: string): Promise<PlanOutcome> {
    if (workingGroupCode) {
      const problems = new FieldProblems();
      await this.reference.checkWorkingGroupCodes(problems, 'workingGroupCode', [workingGroupCode]);
      problems.throwIfAny();
    }
    const snapshot = await this.snapshot();
    const { assignments, unmatchedNeedIds, totalScore } = snapshot.engine.plan(
      workingGroupCode,
      snapshot.restricted.size > 0 ? this.admission(reader, snapshot) : undefined,
    );
    return { assignments, unmatchedNeedIds, totalScore };
  }

  /**
   * The plan among an event's participants: the optimal plan of the needs of its countries
   * (in its working groups, if it names any) and the offers of its organizations, as if
   * nothing else were posted. Whoever schedules it, each pair is put before the offer's
   * member, and a restricted need is never planned for a member (API.md): restricted needs
   * are left out.
   */
  async planAmong(participants: PlanParticipants): Promise<PlanOutcome> {
    const snapshot = await this.snapshot();
    const countries = new Set(participants.countryCodes);
    const organizations = new Set(participants.organizationIds);
    const groups = new Set(participants.workingGroupCodes);
    const { assignments, unmatchedNeedIds, totalScore } = snapshot.engine.plan(
      undefined,
      (need) =>
        countries.has(need.countryCode) &&
        (groups.size === 0 || groups.has(need.workingGroupCode)) &&
        !snapshot.restricted.has(need.id),
      (offer) => organizations.has(snapshot.organizationOf.get(offer.id) ?? ''),
    );
    return { assignments, unmatchedNeedIds, totalScore };
  }

  /** Which needs of the snapshot may be put before the reader (see maySuggestNeedTo). */
  private admission(reader: Reader, { restricted }: Snapshot): NeedAdmission {
    if (!reader || restricted.size === 0) return () => true;
    return (need) =>
      !restricted.has(need.id) ||
      maySuggestNeedTo(reader, {
        countryCode: need.countryCode,
        visibility: Visibility.RESTRICTED,
      });
  }

  private async snapshot(): Promise<Snapshot> {
    const [needsStamp, offersStamp, ratingsStamp] = await Promise.all([
      this.needs.changeStamp(),
      this.offers.changeStamp(),
      this.followUps.changeStamp(),
    ]);
    const stamp = `${needsStamp}/${offersStamp}/${ratingsStamp}`;
    if (this.cache?.stamp !== stamp) {
      const snapshot = this.build();
      this.cache = { stamp, snapshot };
      // A failed build is not kept: the next request tries again.
      snapshot.catch(() => {
        if (this.cache?.snapshot === snapshot) this.cache = undefined;
      });
    }
    return this.cache.snapshot;
  }

  private async build(): Promise<Snapshot> {
    const [needs, offers] = await Promise.all([this.needs.listOpen(), this.offers.listOpen()]);
    const engine = new MatchingEngine(
      needs.map((need) => needCandidate(need)),
      await this.offerCandidates(offers),
      this.config,
    );
    const restricted = new Set(
      needs.filter((need) => need.visibility === Visibility.RESTRICTED).map((need) => need.id),
    );
    const organizationOf = new Map(offers.map((offer) => [offer.id, offer.organizationId]));
    return { engine, restricted, organizationOf };
  }

  private async offerCandidates(offers: Offer[]): Promise<OfferCandidate[]> {
    const groups = new Map<string, string[]>();
    const countries = new Map<string, string[]>();
    for (let start = 0; start < offers.length; start += LINK_BATCH) {
      const ids = offers.slice(start, start + LINK_BATCH).map((offer) => offer.id);
      const [groupLinks, countryLinks] = await Promise.all([
        this.offers.workingGroupLinksOf(ids),
        this.offers.eligibleCountryLinksOf(ids),
      ]);
      for (const link of groupLinks) append(groups, link.offerId, link.workingGroupCode);
      for (const link of countryLinks) append(countries, link.offerId, link.countryCode);
    }
    const records = trackRecords(await this.followUps.organizationRatings());
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
