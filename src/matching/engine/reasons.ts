import { MessageKey, msg } from '../../i18n/catalogs';
import type { Message, MessageValue } from '../../i18n/message';
import { Factor, FACTORS, NeedCandidate, OfferCandidate, Reason } from './candidates';
import { MatchingConfig } from './matching-config';
import { round6 } from './pair-scorer';
import { sharedWords, TextVector } from './text/text-vectors';

const DAY = 24 * 60 * 60 * 1000;

/** A modality in words ("training", "capacitación"), for a reason's lists. */
function modalityWord(modality: string): Message {
  return msg(`matching.modality${modality}` as MessageKey);
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

const ONE_DECIMAL = {
  EN: new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  ES: new Intl.NumberFormat('es', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** An average rating as each language writes it: 4.5, 4,5. */
function averageRating(value: number): MessageValue {
  return { byLocale: { EN: ONE_DECIMAL.EN.format(value), ES: ONE_DECIMAL.ES.format(value) } };
}

/**
 * One line a focal point can read for each factor of a feasible pair, with the weight
 * and value the score used (`values` in the order of FACTORS, from PairScorer.factors).
 * The line is a Message (plain data: numbers, modalities as words, languages, countries and
 * working groups by code, which the GraphQL layer names), read in the caller's language.
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
  const group = { reference: 'workingGroup', code: need.workingGroupCode } as const;
  const details: Record<Factor, Message> = {
    TOPIC:
      groups === 1
        ? msg('matching.topicOnly', { group })
        : msg('matching.topicAmong', { group, groups }),
    MODALITY:
      covered.length > 0
        ? msg('matching.modalityCovered', {
            covered: covered.map(modalityWord),
            asked: need.modalities.map(modalityWord),
          })
        : msg('matching.modalityNone', { asked: need.modalities.map(modalityWord) }),
    LANGUAGE: msg('matching.languages', { languages: { languages: spoken } }),
    TIMING: hasWindow
      ? msg('matching.timing', {
          percent: percent(timing),
          count: Math.round((need.latestEnd! - need.earliestStart!) / DAY),
        })
      : msg('matching.noWindow'),
    ELIGIBILITY: offer.eligibleCountryCodes.includes(need.countryCode)
      ? msg('matching.eligibilityNamed', {
          country: { reference: 'country', code: need.countryCode },
        })
      : msg('matching.eligibilityOpen'),
    TEXT:
      shared.length > 0
        ? msg('matching.sharedTerms', { terms: shared.join(', ') })
        : msg('matching.noSharedTerms'),
    CAPACITY: msg('matching.capacity', {
      remaining: offer.remainingCapacity,
      capacity: offer.capacity,
    }),
    TRACK_RECORD: offer.trackRecord?.ratedTwinnings
      ? msg('matching.trackRecord', {
          average: averageRating(offer.trackRecord.average),
          count: offer.trackRecord.ratedTwinnings,
        })
      : msg('matching.noTrackRecord'),
  };
  return FACTORS.map((factor, index) => ({
    factor,
    weight: round6(config.weights[factor]),
    score: round6(values[index]),
    detail: details[factor],
  }));
}
