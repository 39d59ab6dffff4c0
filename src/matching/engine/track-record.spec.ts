import { Locale } from '../../common/locale';
import { translate } from '../../i18n/translate';
import { DEFAULT_MATCHING_CONFIG } from './matching-config';
import { MatchingEngine } from './matching-engine';
import { NeedCandidate, OfferCandidate } from './candidates';
import {
  NEUTRAL_TRACK_RECORD,
  OrganizationRating,
  trackRecords,
  trackRecordValue,
} from './track-record';

const rating = (organizationId: string, twinningId: string, value: number): OrganizationRating => ({
  organizationId,
  twinningId,
  rating: value,
});

describe('trackRecords', () => {
  it('averages per twinning first, then over the twinnings, so each twinning counts once', () => {
    const records = trackRecords([
      // One twinning rated by two countries: 5 and 3, so 4.
      rating('irb', 't1', 5),
      rating('irb', 't1', 3),
      // Two more twinnings rated by one country each.
      rating('irb', 't2', 5),
      rating('irb', 't3', 4),
      rating('wb', 't4', 2),
    ]);
    expect(records.get('irb')).toEqual({ average: (4 + 5 + 4) / 3, ratedTwinnings: 3 });
    expect(records.get('wb')).toEqual({ average: 2, ratedTwinnings: 1 });
    expect(records.has('nobody')).toBe(false);
  });

  it('gives no record without ratings', () => {
    expect(trackRecords([]).size).toBe(0);
  });
});

describe('trackRecordValue', () => {
  it('maps the 1–5 average onto [0, 1]', () => {
    expect(trackRecordValue({ average: 1, ratedTwinnings: 2 })).toBe(0);
    expect(trackRecordValue({ average: 3, ratedTwinnings: 2 })).toBe(0.5);
    expect(trackRecordValue({ average: 4.5, ratedTwinnings: 3 })).toBe(0.875);
    expect(trackRecordValue({ average: 5, ratedTwinnings: 1 })).toBe(1);
  });

  it('is neutral, the middle of the scale, without rated twinnings', () => {
    expect(NEUTRAL_TRACK_RECORD).toBe(0.5);
    expect(trackRecordValue(undefined)).toBe(0.5);
    expect(trackRecordValue({ average: 5, ratedTwinnings: 0 })).toBe(0.5);
  });
});

describe('the TRACK_RECORD factor', () => {
  const need: NeedCandidate = {
    id: 'need-1',
    countryCode: 'HN',
    workingGroupCode: 'ASYLUM_SYSTEMS',
    title: 'Capacitación en adjudicación de asilo',
    description: 'Formar a oficiales de elegibilidad.',
    modalities: ['TRAINING'],
    languages: ['es'],
    earliestStart: null,
    latestEnd: null,
    open: true,
  };
  const offer = (id: string, trackRecord?: OfferCandidate['trackRecord']): OfferCandidate => ({
    id,
    workingGroupCodes: ['ASYLUM_SYSTEMS'],
    title: 'Asylum adjudication training',
    description: 'Training for asylum adjudicators.',
    modalities: ['TRAINING'],
    languages: ['es'],
    capacity: 2,
    remainingCapacity: 2,
    availableFrom: null,
    availableTo: null,
    eligibleCountryCodes: [],
    open: true,
    trackRecord,
  });
  const engine = new MatchingEngine(
    [need],
    [
      offer('a-unrated'),
      offer('b-well-rated', { average: 4.5, ratedTwinnings: 3 }),
      offer('c-poorly-rated', { average: 1.5, ratedTwinnings: 1 }),
    ],
    { ...DEFAULT_MATCHING_CONFIG, minimumScore: 0 },
  );
  const weight = DEFAULT_MATCHING_CONFIG.weights.TRACK_RECORD;

  it('ranks otherwise equal offers by their record, unrated in the middle', () => {
    const ranked = engine.suggestOffers('need-1', 10);
    expect(ranked.map((pair) => pair.offerId)).toEqual([
      'b-well-rated',
      'a-unrated',
      'c-poorly-rated',
    ]);
    const [well, unrated, poorly] = ranked.map((pair) => pair.score);
    expect(well - unrated).toBeCloseTo(weight * (0.875 - 0.5), 6);
    expect(unrated - poorly).toBeCloseTo(weight * (0.5 - 0.125), 6);
  });

  it('says why, in English and Spanish', () => {
    const reasonOf = (offerId: string) =>
      engine
        .suggestOffers('need-1', 10)
        .find((pair) => pair.offerId === offerId)!
        .reasons.find((reason) => reason.factor === 'TRACK_RECORD')!;
    const well = reasonOf('b-well-rated');
    expect(well).toMatchObject({ weight, score: 0.875 });
    expect(translate(Locale.EN, well.detail)).toBe(
      'its organization averages 4.5 out of 5 over 3 twinnings rated by the countries',
    );
    expect(translate(Locale.ES, well.detail)).toBe(
      'su organización promedia 4,5 sobre 5 en 3 hermanamientos valorados por los países',
    );
    const poorly = reasonOf('c-poorly-rated');
    expect(translate(Locale.EN, poorly.detail)).toBe(
      'its organization averages 1.5 out of 5 over 1 twinning rated by the countries',
    );
    expect(translate(Locale.ES, poorly.detail)).toBe(
      'su organización promedia 1,5 sobre 5 en 1 hermanamiento valorado por los países',
    );
    const unrated = reasonOf('a-unrated');
    expect(unrated.score).toBe(0.5);
    expect(translate(Locale.ES, unrated.detail)).toBe(
      'aún no hay hermanamientos de su organización valorados por los países: neutral',
    );
  });
});
