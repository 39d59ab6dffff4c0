import { Locale } from '../../common/locale';
import { english, translate } from '../../i18n/translate';
import { FACTORS, NeedCandidate, OfferCandidate } from './candidates';
import { DEFAULT_MATCHING_CONFIG, normaliseConfig } from './matching-config';
import { MatchingEngine } from './matching-engine';
import { checkCertificate } from './optimal-assignment';
import { syntheticData } from '../../../test/support/synthetic-data';

const DAY = 86_400_000;
const JAN = Date.UTC(2026, 0, 1);

function aNeed(overrides: Partial<NeedCandidate> = {}): NeedCandidate {
  return {
    id: 'need-1',
    countryCode: 'HN',
    workingGroupCode: 'ASYLUM_SYSTEMS',
    title: 'Capacitación en adjudicación de asilo con enfoque de género',
    description: 'Formar a oficiales de elegibilidad en la adjudicación de solicitudes de asilo.',
    modalities: ['TRAINING'],
    languages: ['es'],
    earliestStart: JAN,
    latestEnd: JAN + 100 * DAY,
    open: true,
    ...overrides,
  };
}

function anOffer(overrides: Partial<OfferCandidate> = {}): OfferCandidate {
  return {
    id: 'offer-1',
    workingGroupCodes: ['ASYLUM_SYSTEMS'],
    title: 'Gender-based asylum adjudication training',
    description: 'Training for asylum adjudicators on gender-based claims.',
    modalities: ['TRAINING', 'PEER_EXCHANGE'],
    languages: ['en', 'es'],
    capacity: 4,
    remainingCapacity: 4,
    availableFrom: JAN,
    availableTo: JAN + 365 * DAY,
    eligibleCountryCodes: [],
    open: true,
    ...overrides,
  };
}

const config = { ...DEFAULT_MATCHING_CONFIG, minimumScore: 0 };

function engineOf(needs: NeedCandidate[], offers: OfferCandidate[]) {
  return new MatchingEngine(needs, offers, config);
}

describe('hard rules', () => {
  it.each<[string, Partial<NeedCandidate>, Partial<OfferCandidate>]>([
    ['a need that is not open', { open: false }, {}],
    ['an offer that is not open', {}, { open: false }],
    ['an offer with no capacity left', {}, { remainingCapacity: 0 }],
    ['an offer of another working group', {}, { workingGroupCodes: ['HEALTH'] }],
    ['an offer that excludes the country', {}, { eligibleCountryCodes: ['GT', 'SV'] }],
    ['no shared language', { languages: ['es'] }, { languages: ['en', 'fr'] }],
    ['availability outside the window', {}, { availableFrom: JAN + 200 * DAY }],
  ])('forbid %s', (_, need, offer) => {
    expect(engineOf([aNeed(need)], [anOffer(offer)]).score('need-1', 'offer-1')).toBeNull();
  });

  it('allow a pair that meets every rule, with dates on one side only', () => {
    const engine = engineOf(
      [aNeed({ earliestStart: null, latestEnd: null })],
      [anOffer({ eligibleCountryCodes: ['HN'] })],
    );
    expect(engine.score('need-1', 'offer-1')).toBeGreaterThan(0);
  });
});

describe('the score', () => {
  it('explains every factor, with weights that sum to 1 and the score their weighted sum', () => {
    const engine = engineOf([aNeed()], [anOffer({ remainingCapacity: 3 })]);
    const [pair] = engine.suggestOffers('need-1', 10);
    expect(pair.reasons.map((reason) => reason.factor)).toEqual(FACTORS);
    expect(pair.reasons.reduce((sum, reason) => sum + reason.weight, 0)).toBeCloseTo(1, 6);
    const weighted = pair.reasons.reduce((sum, reason) => sum + reason.weight * reason.score, 0);
    expect(pair.score).toBeCloseTo(weighted, 5);
    // The details are Messages: read here in English (as today's) and in Spanish.
    const detail = Object.fromEntries(
      pair.reasons.map((reason) => [reason.factor, { ...reason, detail: english(reason.detail) }]),
    );
    expect(detail.MODALITY).toMatchObject({
      score: 1,
      detail: 'offers training, the need asks training',
    });
    expect(detail.LANGUAGE).toMatchObject({ score: 1, detail: 'speaks Spanish' });
    expect(detail.TIMING).toMatchObject({
      score: 1,
      detail: "available for 100% of the need's window of 100 days",
    });
    expect(detail.ELIGIBILITY).toMatchObject({ score: 0.5, detail: 'open to every MIRPS state' });
    expect(detail.CAPACITY).toMatchObject({ score: 0.75, detail: '3 of 4 places left' });
    expect(detail.TRACK_RECORD).toMatchObject({
      score: 0.5,
      detail: 'no twinning of its organization rated by the countries yet: neutral',
    });
    // The engine names working groups and countries by code; the GraphQL layer by name.
    expect(detail.TOPIC).toMatchObject({
      score: 1,
      detail: 'serves the working group ASYLUM_SYSTEMS only',
    });
    // Spanish need, English offer: the glossary and the stemmers bring them together.
    expect(detail.TEXT.detail).toMatch(/^shared terms: /);
    for (const word of ['capacitacion', 'adjudicacion', 'asilo', 'genero']) {
      expect(detail.TEXT.detail).toContain(word);
    }
    expect(pair.reasons.map((reason) => translate(Locale.ES, reason.detail))).toEqual([
      'atiende solo el grupo de trabajo ASYLUM_SYSTEMS',
      'ofrece capacitación; la necesidad pide capacitación',
      'habla español',
      'disponible durante el 100% del periodo de 100 días de la necesidad',
      'abierta a todos los Estados del MIRPS',
      expect.stringMatching(/^términos en común: .*asilo/),
      'cupos disponibles: 3 de 4',
      'aún no hay hermanamientos de su organización valorados por los países: neutral',
    ]);
    expect(detail.TEXT.score).toBeGreaterThan(0.3);
  });

  it('counts accents and case as the same word', () => {
    const accented = engineOf(
      [aNeed()],
      [anOffer({ title: 'Capacitación', description: 'asilo' })],
    );
    const plain = engineOf([aNeed()], [anOffer({ title: 'CAPACITACION', description: 'ASILO' })]);
    expect(plain.score('need-1', 'offer-1')).toBe(accented.score('need-1', 'offer-1'));
  });

  it('gives the same score from either side and on every run', () => {
    const { needs, offers } = syntheticData({ needs: 60, offers: 40, seed: 3 });
    const engine = new MatchingEngine(needs, offers, config);
    const again = new MatchingEngine([...needs].reverse(), [...offers].reverse(), config);
    for (const need of needs.slice(0, 20)) {
      for (const pair of engine.suggestOffers(need.id, 100)) {
        const reverse = engine.suggestNeeds(pair.offerId, 100).find((p) => p.needId === need.id);
        expect(reverse?.score).toBe(pair.score);
        expect(again.score(need.id, pair.offerId)).toBe(pair.score);
      }
    }
  });

  it('weights modalities by the share of the need it covers', () => {
    const engine = engineOf(
      [aNeed({ modalities: ['TRAINING', 'WORKSHOP', 'SECONDMENT', 'STUDY_VISIT'] })],
      [anOffer()],
    );
    const modality = engine.suggestOffers('need-1', 1)[0].reasons[1];
    expect(modality).toMatchObject({ factor: 'MODALITY', score: 0.25 });
  });
});

describe('suggestions', () => {
  const needs = [aNeed()];
  const onTopic = anOffer({ id: 'offer-a' });
  const offTopic = anOffer({
    id: 'offer-b',
    title: 'Municipal waste collection',
    description: 'Equipment for municipal services.',
    modalities: ['MATERIAL'],
  });
  const excluding = anOffer({ id: 'offer-c', eligibleCountryCodes: ['MX'] });

  it('rank the on-topic offer first, leave out infeasible ones, best first', () => {
    const engine = engineOf(needs, [offTopic, excluding, onTopic]);
    const ranked = engine.suggestOffers('need-1', 10);
    expect(ranked.map((pair) => pair.offerId)).toEqual(['offer-a', 'offer-b']);
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score);
  });

  it('respect the minimum score and `first`', () => {
    const strict = new MatchingEngine(needs, [offTopic, onTopic], {
      ...DEFAULT_MATCHING_CONFIG,
      minimumScore: 0.6,
    });
    expect(strict.suggestOffers('need-1', 10).map((pair) => pair.offerId)).toEqual(['offer-a']);
    expect(engineOf(needs, [offTopic, onTopic]).suggestOffers('need-1', 1)).toHaveLength(1);
  });

  it('break ties by id', () => {
    const twins = ['offer-z', 'offer-m', 'offer-a'].map((id) => anOffer({ id }));
    expect(
      engineOf(needs, twins)
        .suggestOffers('need-1', 10)
        .map((p) => p.offerId),
    ).toEqual(['offer-a', 'offer-m', 'offer-z']);
  });
});

describe('the plan', () => {
  /** The best total by trying every choice of the engine's own feasible pairs. */
  function bruteForce(engine: MatchingEngine, needs: NeedCandidate[], offers: OfferCandidate[]) {
    const room = new Map(offers.map((offer) => [offer.id, offer.remainingCapacity]));
    function best(index: number): number {
      if (index === needs.length) return 0;
      let value = best(index + 1);
      for (const offer of offers) {
        const score = engine.score(needs[index].id, offer.id);
        if (score === null || score < engine.config.minimumScore || room.get(offer.id)! === 0) {
          continue;
        }
        room.set(offer.id, room.get(offer.id)! - 1);
        value = Math.max(value, Math.round(score * 1e6) + best(index + 1));
        room.set(offer.id, room.get(offer.id)! + 1);
      }
      return value;
    }
    return best(0) / 1e6;
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'is optimal on a small synthetic instance (seed %i)',
    (seed) => {
      const { needs, offers } = syntheticData({ needs: 7, offers: 4, seed });
      const small = offers.map((offer) => ({
        ...offer,
        workingGroupCodes: ['GROUP_1', 'GROUP_2'],
        remainingCapacity: Math.min(offer.remainingCapacity, 2),
      }));
      const grouped = needs.map((need, index) => ({
        ...need,
        workingGroupCode: index % 2 ? 'GROUP_1' : 'GROUP_2',
      }));
      const engine = new MatchingEngine(grouped, small, {
        ...DEFAULT_MATCHING_CONFIG,
        minimumScore: 0.3,
      });
      const plan = engine.plan();
      expect(plan.totalScore).toBeCloseTo(bruteForce(engine, grouped, small), 6);
      expect(checkCertificate(plan.problem, plan.solution)).toEqual([]);
      expect(plan.assignments.length + plan.unmatchedNeedIds.length).toBe(7);
    },
  );

  it('keeps to one working group when asked, and respects remaining capacity', () => {
    const engine = engineOf(
      [aNeed({ id: 'n1' }), aNeed({ id: 'n2' }), aNeed({ id: 'n3', workingGroupCode: 'HEALTH' })],
      [anOffer({ remainingCapacity: 1, workingGroupCodes: ['ASYLUM_SYSTEMS', 'HEALTH'] })],
    );
    const plan = engine.plan('ASYLUM_SYSTEMS');
    expect(plan.assignments.map((pair) => [pair.needId, pair.offerId])).toEqual([
      ['n1', 'offer-1'],
    ]);
    expect(plan.unmatchedNeedIds).toEqual(['n2']);
    expect(plan.totalScore).toBe(plan.assignments[0].score);
  });
});

describe('normaliseConfig', () => {
  it('scales weights to sum to 1', () => {
    const weights = Object.fromEntries(FACTORS.map((factor) => [factor, 2])) as Record<
      (typeof FACTORS)[number],
      number
    >;
    const normalised = normaliseConfig({ weights, minimumScore: 0.2 });
    expect(Object.values(normalised.weights)).toEqual(FACTORS.map(() => 1 / 8));
  });

  it('refuses negative weights, all-zero weights and a minimum outside [0, 1]', () => {
    const base = DEFAULT_MATCHING_CONFIG;
    expect(() => normaliseConfig({ ...base, weights: { ...base.weights, TEXT: -1 } })).toThrow(
      'the weight of TEXT must be a number ≥ 0',
    );
    const zero = Object.fromEntries(FACTORS.map((factor) => [factor, 0])) as typeof base.weights;
    expect(() => normaliseConfig({ ...base, weights: zero })).toThrow('at least one weight');
    expect(() => normaliseConfig({ ...base, minimumScore: 1.5 })).toThrow('minimum score');
  });
});
