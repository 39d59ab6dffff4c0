import { Factor, FACTORS, NeedCandidate, OfferCandidate, Reason } from './candidates';
import { MatchingConfig } from './matching-config';
import { cosine, sharedWords, TextVector } from './text/text-vectors';

const DAY = 24 * 60 * 60 * 1000;

/** A pair's factor values, each in [0, 1], in the order of FACTORS. */
export type FactorValues = Record<Factor, number>;

/** Rounding used for every score the engine reports, so equal inputs give equal outputs. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * The hard rules: why this need and offer cannot pair, or null when they can.
 * Both must be open, the offer must have room, serve the need's working group, be
 * open to its country, share a language, and (when both give dates) overlap in time.
 */
export function whyInfeasible(need: NeedCandidate, offer: OfferCandidate): string | null {
  if (!need.open) return 'the need is not open';
  if (!offer.open) return 'the offer is not open';
  if (offer.remainingCapacity <= 0) return 'the offer has no capacity left';
  if (!offer.workingGroupCodes.includes(need.workingGroupCode)) {
    return `the offer does not serve ${need.workingGroupCode}`;
  }
  if (
    offer.eligibleCountryCodes.length > 0 &&
    !offer.eligibleCountryCodes.includes(need.countryCode)
  ) {
    return `the offer is not open to ${need.countryCode}`;
  }
  if (!need.languages.some((language) => offer.languages.includes(language))) {
    return 'no shared language';
  }
  const start = Math.max(need.earliestStart ?? -Infinity, offer.availableFrom ?? -Infinity);
  const end = Math.min(need.latestEnd ?? Infinity, offer.availableTo ?? Infinity);
  if (start >= end) return "the offer's availability misses the need's window";
  return null;
}

/** Share of the need's window the offer is available for; 1 when the need sets none. */
function timingCoverage(need: NeedCandidate, offer: OfferCandidate): number | null {
  if (need.earliestStart === null || need.latestEnd === null) return null;
  const from = Math.max(need.earliestStart, offer.availableFrom ?? -Infinity);
  const to = Math.min(need.latestEnd, offer.availableTo ?? Infinity);
  return Math.max(0, to - from) / (need.latestEnd - need.earliestStart);
}

/** The factor values of a feasible pair. Cheap: the optimal plan scores every pair. */
export function factorValues(
  need: NeedCandidate,
  offer: OfferCandidate,
  needText: TextVector,
  offerText: TextVector,
): FactorValues {
  let modalities = 0;
  for (const modality of need.modalities) if (offer.modalities.includes(modality)) modalities += 1;
  let languages = 0;
  for (const language of need.languages) if (offer.languages.includes(language)) languages += 1;
  return {
    TOPIC: 1 / Math.sqrt(offer.workingGroupCodes.length),
    MODALITY: need.modalities.length > 0 ? modalities / need.modalities.length : 0,
    LANGUAGE: need.languages.length > 0 ? languages / need.languages.length : 0,
    TIMING: timingCoverage(need, offer) ?? 1,
    ELIGIBILITY: offer.eligibleCountryCodes.includes(need.countryCode) ? 1 : 0.5,
    TEXT: cosine(needText, offerText),
    CAPACITY: offer.capacity > 0 ? offer.remainingCapacity / offer.capacity : 0,
  };
}

export function weightedScore(values: FactorValues, config: MatchingConfig): number {
  let score = 0;
  for (const factor of FACTORS) score += config.weights[factor] * values[factor];
  return round6(Math.min(1, score));
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** One line a focal point can read for each factor. */
export function explain(
  need: NeedCandidate,
  offer: OfferCandidate,
  needText: TextVector,
  offerText: TextVector,
  values: FactorValues,
  config: MatchingConfig,
): Reason[] {
  const covered = need.modalities.filter((modality) => offer.modalities.includes(modality));
  const spoken = need.languages.filter((language) => offer.languages.includes(language));
  const coverage = timingCoverage(need, offer);
  const shared = sharedWords(needText, offerText, 5);
  const groups = offer.workingGroupCodes.length;
  const details: Record<Factor, string> = {
    TOPIC:
      groups === 1
        ? `serves ${need.workingGroupCode} only`
        : `serves ${need.workingGroupCode} among ${groups} working groups`,
    MODALITY:
      covered.length > 0
        ? `offers ${covered.join(', ')}, the need asks ${need.modalities.join(', ')}`
        : `offers none of ${need.modalities.join(', ')}`,
    LANGUAGE: `speaks ${spoken.join(', ')}`,
    TIMING:
      coverage === null
        ? 'the need sets no complete time window'
        : `available for ${percent(coverage)} of the need's window (${Math.round(
            (need.latestEnd! - need.earliestStart!) / DAY,
          )} days)`,
    ELIGIBILITY: offer.eligibleCountryCodes.includes(need.countryCode)
      ? `names ${need.countryCode} among the states it serves`
      : 'open to every MIRPS state',
    TEXT: shared.length > 0 ? `shared terms: ${shared.join(', ')}` : 'no shared terms',
    CAPACITY: `${offer.remainingCapacity} of ${offer.capacity} places left`,
  };
  return FACTORS.map((factor) => ({
    factor,
    weight: round6(config.weights[factor]),
    score: round6(values[factor]),
    detail: details[factor],
  }));
}
