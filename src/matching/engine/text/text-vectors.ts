import { termsOf } from './terms';

/** A text as TF-IDF weights over term ids, L2-normalised, ids ascending. */
export interface TextVector {
  ids: Int32Array;
  weights: Float64Array;
  /** The word each term was written as in this text, by position. */
  words: string[];
}

const EMPTY: TextVector = { ids: new Int32Array(0), weights: new Float64Array(0), words: [] };

/**
 * TF-IDF over one corpus (the open needs and offers together, so that a pair scores the
 * same from either side): sublinear term frequency, smoothed inverse document frequency.
 */
export interface TextCorpus {
  vectors: Map<string, TextVector>;
  /** Distinct terms: every id is below this. */
  vocabularySize: number;
}

export function buildTextVectors(documents: ReadonlyMap<string, string>): TextCorpus {
  const termIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  const counted = new Map<string, { counts: Map<number, number>; words: Map<number, string> }>();

  for (const [key, text] of documents) {
    const counts = new Map<number, number>();
    const words = new Map<number, string>();
    for (const term of termsOf(text)) {
      let id = termIds.get(term.key);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term.key, id);
        documentFrequency.push(0);
      }
      if (!counts.has(id)) {
        documentFrequency[id] += 1;
        words.set(id, term.word);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    counted.set(key, { counts, words });
  }

  const total = documents.size;
  const vectors = new Map<string, TextVector>();
  for (const [key, { counts, words }] of counted) {
    if (counts.size === 0) {
      vectors.set(key, EMPTY);
      continue;
    }
    const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
    const weights = new Float64Array(ids.length);
    let norm = 0;
    ids.forEach((id, index) => {
      const idf = Math.log((1 + total) / (1 + documentFrequency[id])) + 1;
      const weight = (1 + Math.log(counts.get(id)!)) * idf;
      weights[index] = weight;
      norm += weight * weight;
    });
    norm = Math.sqrt(norm);
    for (let index = 0; index < weights.length; index += 1) weights[index] /= norm;
    vectors.set(key, { ids, weights, words: Array.from(ids, (id) => words.get(id)!) });
  }
  return { vectors, vocabularySize: termIds.size };
}

/** Cosine similarity of two normalised vectors, in [0, 1]. */
export function cosine(a: TextVector, b: TextVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) {
      dot += a.weights[i] * b.weights[j];
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return Math.min(1, dot);
}

/**
 * A need's vector spread over the whole vocabulary, so that its similarity to thousands
 * of offers costs one lookup per offer term instead of a merge.
 */
export class DenseVector {
  private readonly weights: Float64Array;
  private current: TextVector | null = null;

  constructor(vocabularySize: number) {
    this.weights = new Float64Array(vocabularySize);
  }

  /** Holds `vector` from now on (and drops the previous one). */
  hold(vector: TextVector): void {
    if (this.current === vector) return;
    if (this.current) for (const id of this.current.ids) this.weights[id] = 0;
    vector.ids.forEach((id, index) => (this.weights[id] = vector.weights[index]));
    this.current = vector;
  }

  holds(vector: TextVector): boolean {
    return this.current === vector;
  }

  /** Cosine similarity with the held vector (both normalised), in [0, 1]. */
  cosine(other: TextVector): number {
    let dot = 0;
    const ids = other.ids;
    for (let index = 0; index < ids.length; index += 1) {
      dot += this.weights[ids[index]] * other.weights[index];
    }
    return Math.min(1, dot);
  }
}

/** The shared terms that weigh most in the similarity, as `a` wrote them. */
export function sharedWords(a: TextVector, b: TextVector, limit: number): string[] {
  const shared: { word: string; weight: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] === b.ids[j]) {
      shared.push({ word: a.words[i], weight: a.weights[i] * b.weights[j] });
      i += 1;
      j += 1;
    } else if (a.ids[i] < b.ids[j]) i += 1;
    else j += 1;
  }
  return shared
    .sort((x, y) => y.weight - x.weight || (x.word < y.word ? -1 : 1))
    .slice(0, limit)
    .map((entry) => entry.word);
}
