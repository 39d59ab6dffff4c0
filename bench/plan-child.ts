/**
 * One matchingPlan measurement in a process of its own, so that its peak memory is its
 * own: builds the engine on synthetic data of the given size, plans, checks the dual
 * certificate, runs a greedy best-first baseline on the same pairs, prints JSON.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_MATCHING_CONFIG } from '../src/matching/engine/matching-config';
import { MatchingEngine } from '../src/matching/engine/matching-engine';
import { AssignmentProblem, checkCertificate } from '../src/matching/engine/optimal-assignment';
import { syntheticData } from '../test/support/synthetic-data';

function greedy(problem: AssignmentProblem): number {
  const { needCount, edgeStart, edgeOffer, edgeWeight, offerCapacities } = problem;
  const owner = new Int32Array(edgeOffer.length);
  for (let need = 0; need < needCount; need += 1) {
    for (let e = edgeStart[need]; e < edgeStart[need + 1]; e += 1) owner[e] = need;
  }
  const order = Array.from(edgeOffer.keys()).sort(
    (a, b) => edgeWeight[b] - edgeWeight[a] || owner[a] - owner[b] || edgeOffer[a] - edgeOffer[b],
  );
  const room = Int32Array.from(offerCapacities);
  const taken = new Uint8Array(needCount);
  let total = 0;
  for (const e of order) {
    if (taken[owner[e]] || room[edgeOffer[e]] === 0) continue;
    taken[owner[e]] = 1;
    room[edgeOffer[e]] -= 1;
    total += edgeWeight[e];
  }
  return total / 1e6;
}

const size = Number(process.argv[2]);
const data = syntheticData({ needs: size, offers: size, seed: 2026 });
let started = performance.now();
const engine = new MatchingEngine(data.needs, data.offers, DEFAULT_MATCHING_CONFIG);
const buildMs = performance.now() - started;
started = performance.now();
const plan = engine.plan();
const planMs = performance.now() - started;
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    size,
    buildMs,
    planMs,
    pairs: plan.problem.edgeOffer.length,
    assigned: plan.assignments.length,
    totalScore: plan.totalScore,
    greedyScore: greedy(plan.problem),
    certificateProblems: checkCertificate(plan.problem, plan.solution).length,
    maxRssMiB,
  }),
);
