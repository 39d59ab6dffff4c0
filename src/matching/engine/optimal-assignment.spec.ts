import fc from 'fast-check';
import { seededRandom } from '../../../test/support/synthetic-data';
import { assignmentProblem, checkCertificate, solveAssignment } from './optimal-assignment';

interface Instance {
  needCount: number;
  capacities: number[];
  edges: { need: number; offer: number; weight: number }[];
}

/** The best total by trying every choice (each need: an offer with room, or none). */
function bruteForce({ needCount, capacities, edges }: Instance): number {
  const room = [...capacities];
  const byNeed = Array.from({ length: needCount }, (_, need) =>
    edges.filter((edge) => edge.need === need),
  );
  function best(need: number): number {
    if (need === needCount) return 0;
    let value = best(need + 1);
    for (const edge of byNeed[need]) {
      if (room[edge.offer] === 0) continue;
      room[edge.offer] -= 1;
      value = Math.max(value, edge.weight + best(need + 1));
      room[edge.offer] += 1;
    }
    return value;
  }
  return best(0);
}

const instance = (maxNeeds: number, maxOffers: number, maxWeight: number) =>
  fc
    .record({
      needCount: fc.integer({ min: 0, max: maxNeeds }),
      capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: maxOffers }),
    })
    .chain(({ needCount, capacities }) =>
      fc
        .uniqueArray(
          fc.record({
            need: fc.integer({ min: 0, max: Math.max(0, needCount - 1) }),
            offer: fc.integer({ min: 0, max: Math.max(0, capacities.length - 1) }),
            weight: fc.integer({ min: 0, max: maxWeight }),
          }),
          {
            selector: (edge) => `${edge.need}:${edge.offer}`,
            maxLength: needCount > 0 && capacities.length > 0 ? needCount * capacities.length : 0,
          },
        )
        .map((edges) => ({ needCount, capacities, edges })),
    );

function solve({ needCount, capacities, edges }: Instance) {
  const problem = assignmentProblem(needCount, capacities, edges);
  return { problem, solution: solveAssignment(problem) };
}

describe('the optimal assignment', () => {
  it('matches brute force on hundreds of random small instances, with a valid certificate', () => {
    fc.assert(
      fc.property(instance(7, 5, 1_000_000), (generated) => {
        const { problem, solution } = solve(generated);
        expect(solution.totalWeight).toBe(bruteForce(generated));
        expect(checkCertificate(problem, solution)).toEqual([]);
      }),
      { numRuns: 500, seed: 20260301 },
    );
  });

  it('matches brute force when many weights tie', () => {
    fc.assert(
      fc.property(instance(7, 4, 3), (generated) => {
        const { problem, solution } = solve(generated);
        expect(solution.totalWeight).toBe(bruteForce(generated));
        expect(checkCertificate(problem, solution)).toEqual([]);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('proves optimality by its dual on large random instances', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const random = seededRandom(seed);
        const needCount = 1500;
        const capacities = Array.from({ length: 600 }, () => 1 + Math.floor(random() * 3));
        const edges: Instance['edges'] = [];
        for (let need = 0; need < needCount; need += 1) {
          const seen = new Set<number>();
          for (let k = 0; k < 12; k += 1) {
            const offer = Math.floor(random() * capacities.length);
            if (seen.has(offer)) continue;
            seen.add(offer);
            edges.push({ need, offer, weight: Math.floor(random() * 1_000_000) });
          }
        }
        const { problem, solution } = solve({ needCount, capacities, edges });
        expect(checkCertificate(problem, solution)).toEqual([]);
        const load = new Map<number, number>();
        solution.assignedEdge.forEach((edge) => {
          if (edge >= 0)
            load.set(problem.edgeOffer[edge], (load.get(problem.edgeOffer[edge]) ?? 0) + 1);
        });
        expect(solution.totalWeight).toBeGreaterThan(0);
        for (const [offer, count] of load) expect(count).toBeLessThanOrEqual(capacities[offer]);
      }),
      { numRuns: 5, seed: 42 },
    );
  });

  it('catches a wrong answer: the certificate of a non-optimal assignment fails', () => {
    // Two needs, one offer of capacity 1; need 1 is worth more.
    const problem = assignmentProblem(
      2,
      [1],
      [
        { need: 0, offer: 0, weight: 10 },
        { need: 1, offer: 0, weight: 20 },
      ],
    );
    const solution = solveAssignment(problem);
    expect(Array.from(solution.assignedEdge)).toEqual([-1, 1]);
    expect(solution.totalWeight).toBe(20);
    const worse = { ...solution, assignedEdge: Int32Array.from([0, -1]) };
    expect(checkCertificate(problem, worse)).not.toEqual([]);
  });
});
