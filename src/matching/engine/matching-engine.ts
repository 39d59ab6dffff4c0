import { NeedCandidate, OfferCandidate, ScoredPair } from './candidates';
import { MatchingConfig, normaliseConfig } from './matching-config';
import {
  assignmentProblem,
  AssignmentProblem,
  AssignmentSolution,
  solveAssignment,
} from './optimal-assignment';
import { explain, factorValues, weightedScore, whyInfeasible } from './scoring';
import { buildTextVectors, TextVector } from './text/text-vectors';

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

function byScoreThenId(a: ScoredPair, b: ScoredPair, key: 'needId' | 'offerId'): number {
  return b.score - a.score || (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
}

/**
 * The matching engine over one snapshot of open needs and offers: plain data in, plain
 * data out, no clock, no I/O. Building it computes the text vectors of the whole corpus
 * once; suggestions and plans then reuse them.
 */
export class MatchingEngine {
  readonly config: MatchingConfig;
  private readonly needs = new Map<string, NeedCandidate>();
  private readonly offers = new Map<string, OfferCandidate>();
  private readonly needText = new Map<string, TextVector>();
  private readonly offerText = new Map<string, TextVector>();
  /** Open offers with room, by working group, in id order. */
  private readonly offersByGroup = new Map<string, OfferCandidate[]>();
  /** Open needs by working group, in id order. */
  private readonly needsByGroup = new Map<string, NeedCandidate[]>();

  constructor(
    needs: readonly NeedCandidate[],
    offers: readonly OfferCandidate[],
    config: MatchingConfig,
  ) {
    this.config = normaliseConfig(config);
    const documents = new Map<string, string>();
    for (const need of [...needs].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      this.needs.set(need.id, need);
      documents.set(`need:${need.id}`, `${need.title}\n${need.description}`);
      if (need.open) push(this.needsByGroup, need.workingGroupCode, need);
    }
    for (const offer of [...offers].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      this.offers.set(offer.id, offer);
      documents.set(`offer:${offer.id}`, `${offer.title}\n${offer.description}`);
      if (offer.open && offer.remainingCapacity > 0) {
        for (const group of new Set(offer.workingGroupCodes))
          push(this.offersByGroup, group, offer);
      }
    }
    const vectors = buildTextVectors(documents);
    for (const id of this.needs.keys()) this.needText.set(id, vectors.get(`need:${id}`)!);
    for (const id of this.offers.keys()) this.offerText.set(id, vectors.get(`offer:${id}`)!);
  }

  hasNeed(id: string): boolean {
    return this.needs.has(id);
  }

  hasOffer(id: string): boolean {
    return this.offers.has(id);
  }

  /** The score of a feasible pair, or null when a hard rule forbids it. */
  score(needId: string, offerId: string): number | null {
    const need = this.needs.get(needId)!;
    const offer = this.offers.get(offerId)!;
    if (whyInfeasible(need, offer) !== null) return null;
    const values = factorValues(
      need,
      offer,
      this.needText.get(needId)!,
      this.offerText.get(offerId)!,
    );
    return weightedScore(values, this.config);
  }

  /** A pair with its reasons; the pair must be feasible. */
  explainPair(needId: string, offerId: string): ScoredPair {
    const need = this.needs.get(needId)!;
    const offer = this.offers.get(offerId)!;
    const needText = this.needText.get(needId)!;
    const offerText = this.offerText.get(offerId)!;
    const values = factorValues(need, offer, needText, offerText);
    return {
      needId,
      offerId,
      score: weightedScore(values, this.config),
      reasons: explain(need, offer, needText, offerText, values, this.config),
    };
  }

  /** The best offers for a need: feasible, at or above the minimum score, best first. */
  suggestOffers(needId: string, first: number): ScoredPair[] {
    const need = this.needs.get(needId);
    if (!need || !need.open) return [];
    const scored: { offerId: string; score: number }[] = [];
    for (const offer of this.offersByGroup.get(need.workingGroupCode) ?? []) {
      const score = this.score(needId, offer.id);
      if (score !== null && score >= this.config.minimumScore)
        scored.push({ offerId: offer.id, score });
    }
    return topByScore(scored, first, 'offerId').map(({ offerId }) =>
      this.explainPair(needId, offerId),
    );
  }

  /** The best needs for an offer: feasible, at or above the minimum score, best first. */
  suggestNeeds(offerId: string, first: number): ScoredPair[] {
    const offer = this.offers.get(offerId);
    if (!offer || !offer.open || offer.remainingCapacity <= 0) return [];
    const scored: { needId: string; score: number }[] = [];
    for (const group of new Set(offer.workingGroupCodes)) {
      for (const need of this.needsByGroup.get(group) ?? []) {
        const score = this.score(need.id, offerId);
        if (score !== null && score >= this.config.minimumScore)
          scored.push({ needId: need.id, score });
      }
    }
    return topByScore(scored, first, 'needId').map(({ needId }) =>
      this.explainPair(needId, offerId),
    );
  }

  /**
   * The assignment of open needs (of one working group, or all) to open offers that
   * maximises the total score: each need to at most one offer, each offer to at most its
   * remaining capacity, only feasible pairs at or above the minimum score. Exact.
   */
  plan(workingGroupCode?: string): MatchingPlanResult {
    const needs = workingGroupCode
      ? (this.needsByGroup.get(workingGroupCode) ?? [])
      : [...this.needs.values()].filter((need) => need.open);
    const offerIndex = new Map<string, number>();
    const offers: OfferCandidate[] = [];
    const edges: { need: number; offer: number; weight: number }[] = [];
    needs.forEach((need, needIndex) => {
      for (const offer of this.offersByGroup.get(need.workingGroupCode) ?? []) {
        const score = this.score(need.id, offer.id);
        if (score === null || score < this.config.minimumScore) continue;
        let index = offerIndex.get(offer.id);
        if (index === undefined) {
          index = offers.length;
          offerIndex.set(offer.id, index);
          offers.push(offer);
        }
        edges.push({ need: needIndex, offer: index, weight: Math.round(score * SCALE) });
      }
    });
    const problem = assignmentProblem(
      needs.length,
      offers.map((offer) => offer.remainingCapacity),
      edges,
    );
    const solution = solveAssignment(problem);
    const assignments: ScoredPair[] = [];
    const unmatchedNeedIds: string[] = [];
    needs.forEach((need, index) => {
      const edge = solution.assignedEdge[index];
      if (edge === -1) unmatchedNeedIds.push(need.id);
      else assignments.push(this.explainPair(need.id, offers[problem.edgeOffer[edge]].id));
    });
    assignments.sort((a, b) => byScoreThenId(a, b, 'needId'));
    return {
      assignments,
      unmatchedNeedIds,
      totalScore: solution.totalWeight / SCALE,
      problem,
      solution,
    };
  }
}

function push<T>(index: Map<string, T[]>, key: string, value: T): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function topByScore<T extends { score: number }>(scored: T[], first: number, key: keyof T): T[] {
  return scored
    .sort((a, b) => b.score - a.score || (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0))
    .slice(0, first);
}
