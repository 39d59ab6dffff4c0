import { CandidateIndex } from './candidate-index';
import { FACTORS, NeedCandidate, OfferCandidate, ScoredPair } from './candidates';
import { MatchingConfig, normaliseConfig } from './matching-config';
import { AssignmentProblem, AssignmentSolution, solveAssignment } from './optimal-assignment';
import { CompiledNeed, CompiledOffer, PairScorer } from './pair-scorer';
import { explain } from './reasons';
import { buildTextVectors, TextVector } from './text/text-vectors';

/** Which needs a suggestion or plan may include (all unless told). */
export type NeedAdmission = (need: NeedCandidate) => boolean;

/** Which offers a plan may include (all unless told). */
export type OfferAdmission = (offer: OfferCandidate) => boolean;

const admitAll: NeedAdmission = () => true;

/** Scores become integers for the optimal plan: exact arithmetic, 6 decimals kept. */
const SCALE = 1e6;

export interface MatchingPlanResult {
  assignments: ScoredPair[];
  unmatchedNeedIds: string[];
  /** Sum of the assigned pairs' scores. */
  totalScore: number;
  /** The assignment problem and its solution, with the dual that proves optimality. */
  problem: AssignmentProblem;
  solution: AssignmentSolution;
}

/** An Int32Array that grows as it is pushed to. */
class IntList {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const data = new Int32Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
    }
    this.data[this.length++] = value;
  }

  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Best score first; equal scores in id order, so the same input gives the same list. */
function bestFirst(a: { score: number; id: string }, b: { score: number; id: string }): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The matching engine over one snapshot of needs and offers: plain data in, plain data
 * out, no clock, no I/O. Building it computes the text vectors of the whole corpus once
 * (needs and offers together, so a pair scores the same from either side); suggestions
 * and plans then reuse them.
 */
export class MatchingEngine {
  readonly config: MatchingConfig;
  private readonly scorer: PairScorer;
  private readonly needs: NeedCandidate[];
  private readonly offers: OfferCandidate[];
  private readonly needIndex = new Map<string, number>();
  private readonly offerIndex = new Map<string, number>();
  private readonly needTexts: TextVector[] = [];
  private readonly offerTexts: TextVector[] = [];
  private readonly compiledNeeds: CompiledNeed[] = [];
  private readonly compiledOffers: CompiledOffer[] = [];
  private readonly candidates: CandidateIndex;
  private readonly scratch = new Float64Array(FACTORS.length);

  constructor(
    needs: readonly NeedCandidate[],
    offers: readonly OfferCandidate[],
    config: MatchingConfig,
  ) {
    this.config = normaliseConfig(config);
    this.needs = [...needs].sort(byId);
    this.offers = [...offers].sort(byId);

    const documents = new Map<string, string>();
    for (const need of this.needs)
      documents.set(`need:${need.id}`, `${need.title}\n${need.description}`);
    for (const offer of this.offers) {
      documents.set(`offer:${offer.id}`, `${offer.title}\n${offer.description}`);
    }
    const { vectors, vocabularySize } = buildTextVectors(documents);
    this.scorer = new PairScorer(this.config, vocabularySize);

    this.needs.forEach((need, index) => {
      this.needIndex.set(need.id, index);
      this.needTexts.push(vectors.get(`need:${need.id}`)!);
      this.compiledNeeds.push(this.scorer.need(need, this.needTexts[index]));
    });
    this.offers.forEach((offer, index) => {
      this.offerIndex.set(offer.id, index);
      this.offerTexts.push(vectors.get(`offer:${offer.id}`)!);
      this.compiledOffers.push(this.scorer.offer(offer, this.offerTexts[index]));
    });
    this.candidates = new CandidateIndex(
      this.needs,
      this.compiledNeeds,
      this.offers,
      this.compiledOffers,
    );
  }

  hasNeed(id: string): boolean {
    return this.needIndex.has(id);
  }

  hasOffer(id: string): boolean {
    return this.offerIndex.has(id);
  }

  /** The score of a pair in [0, 1], or null when a hard rule forbids it. */
  score(needId: string, offerId: string): number | null {
    const score = this.scoreAt(this.needIndex.get(needId)!, this.offerIndex.get(offerId)!);
    return score < 0 ? null : score;
  }

  /**
   * The offers the candidate index lets through for a need, before the scorer checks
   * every rule (in id order): what `suggestOffers` and `plan` score. For tests.
   */
  candidateOfferIds(needId: string): string[] {
    const need = this.needIndex.get(needId);
    if (need === undefined) return [];
    return this.candidates.offersFor(need).map((offer) => this.offers[offer].id);
  }

  /** The best offers for a need: feasible, at or above the minimum score, best first. */
  suggestOffers(needId: string, first: number): ScoredPair[] {
    const need = this.needIndex.get(needId);
    if (need === undefined) return [];
    const found: { id: string; score: number; offer: number }[] = [];
    this.scorer.focusOn(this.compiledNeeds[need]);
    for (const offer of this.candidates.offersFor(need)) {
      const score = this.scoreAt(need, offer);
      if (score >= this.config.minimumScore)
        found.push({ id: this.offers[offer].id, score, offer });
    }
    return topK(found, first).map(({ offer }) => this.explainAt(need, offer));
  }

  /**
   * The best needs for an offer: feasible, at or above the minimum score, best first.
   * `admits` leaves needs out (those the caller may not be shown) before the best are taken.
   */
  suggestNeeds(offerId: string, first: number, admits: NeedAdmission = admitAll): ScoredPair[] {
    const offer = this.offerIndex.get(offerId);
    if (offer === undefined) return [];
    const found: { id: string; score: number; need: number }[] = [];
    for (const group of new Set(this.offers[offer].workingGroupCodes)) {
      for (const need of this.candidates.needsIn(group)) {
        if (!admits(this.needs[need])) continue;
        const score = this.scoreAt(need, offer);
        if (score >= this.config.minimumScore) found.push({ id: this.needs[need].id, score, need });
      }
    }
    return topK(found, first).map(({ need }) => this.explainAt(need, offer));
  }

  /**
   * The assignment of open needs (of one working group, or all) to open offers that
   * maximises the total score: each need to at most one offer, each offer to at most its
   * remaining capacity, only feasible pairs at or above the minimum score. Exact.
   * `admits` leaves needs out of the plan altogether, as if they were not posted;
   * `admitsOffer` likewise offers (an event's agenda plans among its participants only).
   */
  plan(
    workingGroupCode?: string,
    admits?: NeedAdmission,
    admitsOffer?: OfferAdmission,
  ): MatchingPlanResult {
    const inGroup = workingGroupCode
      ? this.candidates.needsIn(workingGroupCode)
      : this.candidates.openNeeds();
    const scope = admits ? inGroup.filter((need) => admits(this.needs[need])) : inGroup;

    // Candidate edges, built straight into CSR arrays: needs are visited in order.
    const localOffer = new Int32Array(this.offers.length).fill(-1);
    const planOffers: number[] = [];
    const edgeStart = new Int32Array(scope.length + 1);
    const edgeOffer = new IntList();
    const edgeWeight = new IntList();
    const minimum = this.config.minimumScore;
    scope.forEach((need, position) => {
      this.scorer.focusOn(this.compiledNeeds[need]);
      for (const offer of this.candidates.offersFor(need)) {
        if (admitsOffer && !admitsOffer(this.offers[offer])) continue;
        const score = this.scoreAt(need, offer);
        if (score < minimum) continue;
        if (localOffer[offer] === -1) {
          localOffer[offer] = planOffers.length;
          planOffers.push(offer);
        }
        edgeOffer.push(localOffer[offer]);
        edgeWeight.push(Math.round(score * SCALE));
      }
      edgeStart[position + 1] = edgeOffer.length;
    });
    const problem: AssignmentProblem = {
      needCount: scope.length,
      offerCapacities: planOffers.map((offer) => this.offers[offer].remainingCapacity),
      edgeStart,
      edgeOffer: edgeOffer.toArray(),
      edgeWeight: edgeWeight.toArray(),
    };
    const solution = solveAssignment(problem);

    const assignments: ScoredPair[] = [];
    const unmatchedNeedIds: string[] = [];
    scope.forEach((need, position) => {
      const edge = solution.assignedEdge[position];
      if (edge === -1) unmatchedNeedIds.push(this.needs[need].id);
      else assignments.push(this.explainAt(need, planOffers[problem.edgeOffer[edge]]));
    });
    assignments.sort((a, b) => b.score - a.score || (a.needId < b.needId ? -1 : 1));
    return {
      assignments,
      unmatchedNeedIds,
      totalScore: solution.totalWeight / SCALE,
      problem,
      solution,
    };
  }

  private scoreAt(need: number, offer: number): number {
    return this.scorer.score(this.compiledNeeds[need], this.compiledOffers[offer]);
  }

  private explainAt(need: number, offer: number): ScoredPair {
    this.scorer.factors(this.compiledNeeds[need], this.compiledOffers[offer], this.scratch);
    return {
      needId: this.needs[need].id,
      offerId: this.offers[offer].id,
      score: this.scoreAt(need, offer),
      reasons: explain(
        this.needs[need],
        this.offers[offer],
        this.needTexts[need],
        this.offerTexts[offer],
        this.scratch,
        this.config,
      ),
    };
  }
}

function topK<T extends { score: number; id: string }>(found: T[], first: number): T[] {
  return found.sort(bestFirst).slice(0, first);
}
