import { FACTORS, NeedCandidate, OfferCandidate } from './candidates';
import { MatchingConfig } from './matching-config';
import { cosine, DenseVector, TextVector } from './text/text-vectors';

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const [TOPIC, MODALITY, LANGUAGE, TIMING, ELIGIBILITY, TEXT, CAPACITY] = FACTORS.map(
  (_, index) => index,
);

/** Turns codes into small integers, so the hot loop compares numbers, not strings. */
class Interner {
  private readonly ids = new Map<string, number>();

  idsOf(codes: readonly string[]): Int32Array {
    return Int32Array.from(codes, (code) => {
      let id = this.ids.get(code);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(code, id);
      }
      return id;
    });
  }
}

function countShared(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0; i < a.length; i += 1) {
    for (let j = 0; j < b.length; j += 1) {
      if (a[i] === b[j]) {
        shared += 1;
        break;
      }
    }
  }
  return shared;
}

function contains(list: Int32Array, value: number): boolean {
  for (let i = 0; i < list.length; i += 1) if (list[i] === value) return true;
  return false;
}

export interface CompiledNeed {
  country: number;
  group: number;
  modalities: Int32Array;
  languages: Int32Array;
  start: number;
  end: number;
  /** Length of the need's window, or 0 when it sets no complete window. */
  span: number;
  open: boolean;
  text: TextVector;
}

export interface CompiledOffer {
  groups: Int32Array;
  modalities: Int32Array;
  languages: Int32Array;
  eligible: Int32Array;
  from: number;
  to: number;
  capacity: number;
  remaining: number;
  open: boolean;
  text: TextVector;
  /** The TOPIC and CAPACITY values, which depend on the offer alone. */
  topic: number;
  spare: number;
}

/**
 * The scoring rules, in one place: the hard rules and the seven factors of a pair, and
 * their weighted sum. Needs and offers are compiled once (codes become small integers,
 * missing dates become infinities) because the optimal plan scores millions of pairs.
 */
export class PairScorer {
  private readonly countries = new Interner();
  private readonly groups = new Interner();
  private readonly modalities = new Interner();
  private readonly languages = new Interner();
  /** Weights in the order of FACTORS. */
  private readonly weights: Float64Array;
  /** Scratch space for `score`, so the hot loop allocates nothing. */
  private readonly values = new Float64Array(FACTORS.length);

  /** The need being scored against many offers, spread out for fast similarity. */
  private readonly focus: DenseVector;

  constructor(config: MatchingConfig, vocabularySize: number) {
    this.weights = Float64Array.from(FACTORS, (factor) => config.weights[factor]);
    this.focus = new DenseVector(vocabularySize);
  }

  /** Speeds up scoring `need` against many offers in a row; results are the same. */
  focusOn(need: CompiledNeed): void {
    this.focus.hold(need.text);
  }

  need(need: NeedCandidate, text: TextVector): CompiledNeed {
    const start = need.earliestStart ?? -Infinity;
    const end = need.latestEnd ?? Infinity;
    return {
      country: this.countries.idsOf([need.countryCode])[0],
      group: this.groups.idsOf([need.workingGroupCode])[0],
      modalities: this.modalities.idsOf(need.modalities),
      languages: this.languages.idsOf(need.languages),
      start,
      end,
      span: need.earliestStart !== null && need.latestEnd !== null ? end - start : 0,
      open: need.open,
      text,
    };
  }

  offer(offer: OfferCandidate, text: TextVector): CompiledOffer {
    return {
      groups: this.groups.idsOf(offer.workingGroupCodes),
      modalities: this.modalities.idsOf(offer.modalities),
      languages: this.languages.idsOf(offer.languages),
      eligible: this.countries.idsOf(offer.eligibleCountryCodes),
      from: offer.availableFrom ?? -Infinity,
      to: offer.availableTo ?? Infinity,
      capacity: offer.capacity,
      remaining: offer.remainingCapacity,
      open: offer.open,
      text,
      topic: 1 / Math.sqrt(Math.max(1, offer.workingGroupCodes.length)),
      spare: offer.capacity > 0 ? offer.remainingCapacity / offer.capacity : 0,
    };
  }

  /**
   * The hard rules, then the factor values. Writes the seven values into `out` in the
   * order of FACTORS and returns true, or returns false when the pair is infeasible:
   * both must be open, the offer must have room, serve the need's working group, be
   * open to its country, share a language, and (when both give dates) overlap in time.
   */
  factors(need: CompiledNeed, offer: CompiledOffer, out: Float64Array): boolean {
    if (!need.open || !offer.open || offer.remaining <= 0) return false;
    if (!contains(offer.groups, need.group)) return false;
    const named = contains(offer.eligible, need.country);
    if (offer.eligible.length > 0 && !named) return false;
    const languages = countShared(need.languages, offer.languages);
    if (languages === 0) return false;
    const from = need.start > offer.from ? need.start : offer.from;
    const to = need.end < offer.to ? need.end : offer.to;
    if (from >= to) return false;

    out[TOPIC] = offer.topic;
    out[MODALITY] =
      need.modalities.length > 0
        ? countShared(need.modalities, offer.modalities) / need.modalities.length
        : 0;
    out[LANGUAGE] = languages / need.languages.length;
    out[TIMING] = need.span > 0 ? (to - from) / need.span : 1;
    out[ELIGIBILITY] = named ? 1 : 0.5;
    out[TEXT] = this.focus.holds(need.text)
      ? this.focus.cosine(offer.text)
      : cosine(need.text, offer.text);
    out[CAPACITY] = offer.spare;
    return true;
  }

  /** The weighted score in [0, 1], rounded to 6 decimals, or -1 when infeasible. */
  score(need: CompiledNeed, offer: CompiledOffer): number {
    const values = this.values;
    if (!this.factors(need, offer, values)) return -1;
    let score = 0;
    for (let factor = 0; factor < values.length; factor += 1) {
      score += this.weights[factor] * values[factor];
    }
    return round6(Math.min(1, score));
  }
}
