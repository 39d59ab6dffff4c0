/**
 * Maximum-weight assignment of needs to offers with capacities (a b-matching), exact.
 *
 * The problem as a min-cost flow: each need sends one unit, either to an offer (cost
 * −weight) and on to the sink, or straight to the sink unmatched (cost 0); an offer
 * passes at most its capacity. Needs are added one at a time and each unit travels the
 * shortest path of the residual graph (Dijkstra on reduced costs, stopping at the
 * sink), which keeps the flow optimal for the needs added so far (successive shortest
 * paths, as in the Hungarian / Jonker–Volgenant method). Weights are integers, so the
 * arithmetic is exact. The node potentials at the end give the LP dual, which
 * `checkCertificate` verifies independently.
 */
export interface AssignmentProblem {
  needCount: number;
  offerCapacities: ArrayLike<number>;
  /** Candidate edges as CSR: need i's edges are edgeStart[i] .. edgeStart[i+1]-1. */
  edgeStart: Int32Array;
  edgeOffer: Int32Array;
  /** Non-negative integers (scores × 1e6). */
  edgeWeight: Int32Array;
}

export interface AssignmentSolution {
  /** For each need, the index of its edge, or -1 when unmatched. */
  assignedEdge: Int32Array;
  totalWeight: number;
  /** The dual: need prices u ≥ 0 and offer prices v ≥ 0 with u_i + v_o ≥ w(i,o). */
  needDual: Float64Array;
  offerDual: Float64Array;
}

/** Builds the CSR arrays from a list of edges (any order). */
export function assignmentProblem(
  needCount: number,
  offerCapacities: ArrayLike<number>,
  edges: readonly { need: number; offer: number; weight: number }[],
): AssignmentProblem {
  const edgeStart = new Int32Array(needCount + 1);
  for (const edge of edges) edgeStart[edge.need + 1] += 1;
  for (let i = 0; i < needCount; i += 1) edgeStart[i + 1] += edgeStart[i];
  const next = edgeStart.slice(0, needCount);
  const edgeOffer = new Int32Array(edges.length);
  const edgeWeight = new Int32Array(edges.length);
  for (const edge of edges) {
    const at = next[edge.need]++;
    edgeOffer[at] = edge.offer;
    edgeWeight[at] = edge.weight;
  }
  return { needCount, offerCapacities, edgeStart, edgeOffer, edgeWeight };
}

/** A binary min-heap of (key, node) with lazy deletion, on typed arrays. */
class MinHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  size = 0;

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.keys[parent] < key || (this.keys[parent] === key && this.nodes[parent] <= node)) {
        break;
      }
      this.keys[at] = this.keys[parent];
      this.nodes[at] = this.nodes[parent];
      at = parent;
    }
    this.keys[at] = key;
    this.nodes[at] = node;
  }

  /** Removes the top; read `topKey`/`topNode` first. */
  pop(): void {
    const key = this.keys[--this.size];
    const node = this.nodes[this.size];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.size) break;
      const right = child + 1;
      if (
        right < this.size &&
        (this.keys[right] < this.keys[child] ||
          (this.keys[right] === this.keys[child] && this.nodes[right] < this.nodes[child]))
      ) {
        child = right;
      }
      if (this.keys[child] > key || (this.keys[child] === key && this.nodes[child] >= node)) break;
      this.keys[at] = this.keys[child];
      this.nodes[at] = this.nodes[child];
      at = child;
    }
    this.keys[at] = key;
    this.nodes[at] = node;
  }

  get topKey(): number {
    return this.keys[0];
  }

  get topNode(): number {
    return this.nodes[0];
  }

  clear(): void {
    this.size = 0;
  }
}

export function solveAssignment(problem: AssignmentProblem): AssignmentSolution {
  const { needCount, offerCapacities, edgeStart, edgeOffer, edgeWeight } = problem;
  const offerCount = offerCapacities.length;
  // Nodes: needs 0..n-1, offers n..n+m-1, the sink n+m.
  const sink = needCount + offerCount;
  const nodeCount = sink + 1;

  // Potentials are stored relative to a running offset: π(v) = potential[v] + offset.
  const potential = new Float64Array(nodeCount);
  let offset = 0;
  const distance = new Float64Array(nodeCount).fill(Infinity);
  const done = new Uint8Array(nodeCount);
  // How each node was reached: the edge index for need→offer, or -(need+1) for offer→need.
  const viaEdge = new Int32Array(nodeCount);
  const parent = new Int32Array(nodeCount);
  const touched: number[] = [];
  const heap = new MinHeap();

  const assignedEdge = new Int32Array(needCount).fill(-1);
  const skipped = new Uint8Array(needCount);
  const holders: number[][] = Array.from({ length: offerCount }, () => []);
  const holderSlot = new Int32Array(needCount);

  const pi = (node: number) => potential[node] + offset;

  function reach(node: number, dist: number, from: number, edge: number): void {
    if (dist < distance[node]) {
      if (distance[node] === Infinity) touched.push(node);
      distance[node] = dist;
      parent[node] = from;
      viaEdge[node] = edge;
      heap.push(dist, node);
    }
  }

  for (let source = 0; source < needCount; source += 1) {
    // The new need's potential makes its outgoing reduced costs non-negative.
    let sourcePotential = pi(sink);
    for (let e = edgeStart[source]; e < edgeStart[source + 1]; e += 1) {
      sourcePotential = Math.max(sourcePotential, edgeWeight[e] + pi(needCount + edgeOffer[e]));
    }
    potential[source] = sourcePotential - offset;

    heap.clear();
    reach(source, 0, -1, -1);
    while (heap.size > 0) {
      const dist = heap.topKey;
      const node = heap.topNode;
      heap.pop();
      if (done[node] || dist > distance[node]) continue;
      done[node] = 1;
      if (node === sink) break;
      if (node < needCount) {
        // need → offers it is not assigned to, and need → sink (leave it unmatched).
        const base = dist + pi(node);
        for (let e = edgeStart[node]; e < edgeStart[node + 1]; e += 1) {
          if (e === assignedEdge[node]) continue;
          const offerNode = needCount + edgeOffer[e];
          if (!done[offerNode]) reach(offerNode, base - edgeWeight[e] - pi(offerNode), node, e);
        }
        if (!done[sink]) reach(sink, base - pi(sink), node, -1);
      } else {
        // offer → the needs it holds (taking one back), and offer → sink if it has room.
        const offer = node - needCount;
        const base = dist + pi(node);
        for (const need of holders[offer]) {
          if (!done[need])
            reach(need, base + edgeWeight[assignedEdge[need]] - pi(need), node, -(need + 1));
        }
        if (holders[offer].length < offerCapacities[offer] && !done[sink]) {
          reach(sink, base - pi(sink), node, -1);
        }
      }
    }

    // Augment along the path to the sink.
    const total = distance[sink];
    let node = sink;
    let pending = -1; // the need whose new edge ends at the node being walked
    while (node !== source) {
      const from = parent[node];
      if (node === sink) {
        if (from < needCount) {
          // `from` gives up its place: unmatched (or the source stays unmatched).
          const need = from;
          if (assignedEdge[need] >= 0) release(need);
          skipped[need] = 1;
        }
      } else if (node >= needCount) {
        // need `from` takes offer `node` through edge viaEdge[node].
        const need = from;
        if (assignedEdge[need] >= 0) release(need);
        assign(need, viaEdge[node]);
      }
      pending = from;
      node = from;
    }
    void pending;

    // New potentials: π(v) += min(d(v), d(sink)).
    for (const visited of touched) {
      if (distance[visited] < total) potential[visited] += distance[visited] - total;
      distance[visited] = Infinity;
      done[visited] = 0;
    }
    touched.length = 0;
    offset += total;
  }

  function release(need: number): void {
    const offer = edgeOffer[assignedEdge[need]];
    const list = holders[offer];
    const slot = holderSlot[need];
    const last = list.pop()!;
    if (last !== need) {
      list[slot] = last;
      holderSlot[last] = slot;
    }
    assignedEdge[need] = -1;
  }

  function assign(need: number, edge: number): void {
    const list = holders[edgeOffer[edge]];
    holderSlot[need] = list.length;
    list.push(need);
    assignedEdge[need] = edge;
    skipped[need] = 0;
  }

  let totalWeight = 0;
  for (let need = 0; need < needCount; need += 1) {
    if (assignedEdge[need] >= 0) totalWeight += edgeWeight[assignedEdge[need]];
  }
  const needDual = new Float64Array(needCount);
  for (let need = 0; need < needCount; need += 1) needDual[need] = Math.max(0, pi(need) - pi(sink));
  const offerDual = new Float64Array(offerCount);
  for (let offer = 0; offer < offerCount; offer += 1) {
    offerDual[offer] = Math.max(0, pi(sink) - pi(needCount + offer));
  }
  return { assignedEdge, totalWeight, needDual, offerDual };
}

/**
 * Verifies optimality from the dual (LP duality for the b-matching polytope, which is
 * integral): the assignment respects every capacity; u, v ≥ 0; u_i + v_o ≥ w on every
 * edge and = w on every chosen edge; u_i > 0 only for matched needs and v_o > 0 only
 * for full offers (complementary slackness). Returns the violations found.
 */
export function checkCertificate(
  problem: AssignmentProblem,
  solution: AssignmentSolution,
): string[] {
  const problems: string[] = [];
  const { needCount, offerCapacities, edgeStart, edgeOffer, edgeWeight } = problem;
  const { assignedEdge, needDual, offerDual } = solution;
  const load = new Int32Array(offerCapacities.length);
  for (let need = 0; need < needCount; need += 1) {
    const edge = assignedEdge[need];
    if (edge === -1) continue;
    if (edge < edgeStart[need] || edge >= edgeStart[need + 1]) {
      problems.push(`need ${need} holds an edge that is not its own`);
      continue;
    }
    load[edgeOffer[edge]] += 1;
  }
  load.forEach((count, offer) => {
    if (count > offerCapacities[offer]) problems.push(`offer ${offer} is over capacity`);
  });
  for (let need = 0; need < needCount; need += 1) {
    if (needDual[need] < 0) problems.push(`need ${need} has a negative dual`);
    if (needDual[need] > 0 && assignedEdge[need] === -1) {
      problems.push(`unmatched need ${need} has a positive dual`);
    }
    for (let e = edgeStart[need]; e < edgeStart[need + 1]; e += 1) {
      const slack = needDual[need] + offerDual[edgeOffer[e]] - edgeWeight[e];
      if (slack < 0) problems.push(`edge ${need}→${edgeOffer[e]} violates the dual by ${-slack}`);
      if (e === assignedEdge[need] && slack !== 0) {
        problems.push(`chosen edge ${need}→${edgeOffer[e]} is not tight (slack ${slack})`);
      }
    }
  }
  offerDual.forEach((price, offer) => {
    if (price < 0) problems.push(`offer ${offer} has a negative dual`);
    if (price > 0 && load[offer] < offerCapacities[offer]) {
      problems.push(`offer ${offer} has room but a positive dual`);
    }
  });
  return problems;
}
