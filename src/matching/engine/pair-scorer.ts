import { FACTORS, NeedCandidate, OfferCandidate } from './candidates';
import { brokenRule, Interner, NeedFacts, needFacts, OfferFacts, offerFacts } from './fit';
import { MatchingConfig } from './matching-config';
import { trackRecordValue } from './track-record';
import { cosine, DenseVector, TextVector } from './text/text-vectors';

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const [TOPIC, MODALITY, LANGUAGE, TIMING, ELIGIBILITY, TEXT, CAPACITY, TRACK_RECORD] = FACTORS.map(
  (_, index) => index,
);

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

/** A need compiled for scoring: what the rules read (fit.ts), and what the factors read. */
export interface CompiledNeed extends NeedFacts {
  modalities: Int32Array;
  /** Length of the need's window, or 0 when it sets no complete window. */
  span: number;
  text: TextVector;
}

export interface CompiledOffer extends OfferFacts {
  modalities: Int32Array;
  capacity: number;
  text: TextVector;
  /** The TOPIC, CAPACITY and TRACK_RECORD values, which depend on the offer alone. */
  topic: number;
  spare: number;
  track: number;
}

/**
 * The scoring rules, in one place: the hard rules and the eight factors of a pair, and
 * their weighted sum. Needs and offers are compiled once (codes become small integers,
 * missing dates become infinities) because the optimal plan scores millions of pairs.
 */
export class PairScorer {
  /** Countries, working groups and languages, as the rules read them. */
  private readonly codes = new Interner();
  private readonly modalities = new Interner();
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
    // Every field spelt out (no spread): one compact shape for all, read millions of times.
    const { open, country, mirps, group, languages, start, end } = needFacts(need, this.codes);
    return {
      open,
      country,
      mirps,
      group,
      languages,
      start,
      end,
      modalities: this.modalities.idsOf(need.modalities),
      span: need.earliestStart !== null && need.latestEnd !== null ? end - start : 0,
      text,
    };
  }

  offer(offer: OfferCandidate, text: TextVector): CompiledOffer {
    const { open, remaining, groups, eligible, languages, from, to } = offerFacts(
      offer,
      this.codes,
    );
    return {
      open,
      remaining,
      groups,
      eligible,
      languages,
      from,
      to,
      modalities: this.modalities.idsOf(offer.modalities),
      capacity: offer.capacity,
      text,
      topic: 1 / Math.sqrt(Math.max(1, offer.workingGroupCodes.length)),
      spare: offer.capacity > 0 ? offer.remainingCapacity / offer.capacity : 0,
      track: trackRecordValue(offer.trackRecord),
    };
  }

  /**
   * The hard rules, then the factor values. Writes the eight values into `out` in the
   * order of FACTORS and returns true, or returns false when the pair is infeasible: when
   * it breaks a rule of fit.ts, the same rules that proposals are held to.
   */
  factors(need: CompiledNeed, offer: CompiledOffer, out: Float64Array): boolean {
    if (brokenRule(need, offer, 1) !== null) return false;
    const languages = countShared(need.languages, offer.languages);
    const from = need.start > offer.from ? need.start : offer.from;
    const to = need.end < offer.to ? need.end : offer.to;

    out[TOPIC] = offer.topic;
    out[MODALITY] =
      need.modalities.length > 0
        ? countShared(need.modalities, offer.modalities) / need.modalities.length
        : 0;
    out[LANGUAGE] = languages / need.languages.length;
    out[TIMING] = need.span > 0 ? (to - from) / need.span : 1;
    // A feasible pair with an eligibility list is named in it.
    out[ELIGIBILITY] = offer.eligible.length > 0 ? 1 : 0.5;
    out[TEXT] = this.focus.holds(need.text)
      ? this.focus.cosine(offer.text)
      : cosine(need.text, offer.text);
    out[CAPACITY] = offer.spare;
    out[TRACK_RECORD] = offer.track;
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
