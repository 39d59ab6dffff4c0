import { Factor, FACTORS, NeedCandidate, OfferCandidate, Reason } from './candidates';
import { MatchingConfig } from './matching-config';
import { round6 } from './pair-scorer';
import { sharedWords, TextVector } from './text/text-vectors';

const DAY = 24 * 60 * 60 * 1000;

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/**
 * One line a focal point can read for each factor of a feasible pair, with the weight
 * and value the score used (`values` in the order of FACTORS, from PairScorer.factors).
 */
export function explain(
  need: NeedCandidate,
  offer: OfferCandidate,
  needText: TextVector,
  offerText: TextVector,
  values: Float64Array,
  config: MatchingConfig,
): Reason[] {
  const covered = need.modalities.filter((modality) => offer.modalities.includes(modality));
  const spoken = need.languages.filter((language) => offer.languages.includes(language));
  const shared = sharedWords(needText, offerText, 5);
  const groups = offer.workingGroupCodes.length;
  const hasWindow = need.earliestStart !== null && need.latestEnd !== null;
  const timing = values[FACTORS.indexOf('TIMING')];
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
    TIMING: hasWindow
      ? `available for ${percent(timing)} of the need's window of ${Math.round(
          (need.latestEnd! - need.earliestStart!) / DAY,
        )} days`
      : 'the need sets no complete time window',
    ELIGIBILITY: offer.eligibleCountryCodes.includes(need.countryCode)
      ? `names ${need.countryCode} among the states it serves`
      : 'open to every MIRPS state',
    TEXT: shared.length > 0 ? `shared terms: ${shared.join(', ')}` : 'no shared terms',
    CAPACITY: `${offer.remainingCapacity} of ${offer.capacity} places left`,
  };
  return FACTORS.map((factor, index) => ({
    factor,
    weight: round6(config.weights[factor]),
    score: round6(values[index]),
    detail: details[factor],
  }));
}
