import { seededRandom } from '../../../test/support/synthetic-data';
import { NeedCandidate, OfferCandidate } from './candidates';
import { countriesOpenTo, fit, FitReason } from './fit';
import { DEFAULT_MATCHING_CONFIG } from './matching-config';
import { MatchingEngine } from './matching-engine';

const DAY = 86_400_000;
const JAN = Date.UTC(2026, 0, 1);
const MIRPS = ['BZ', 'CR', 'SV', 'GT', 'HN', 'MX', 'PA'];

function aNeed(overrides: Partial<NeedCandidate> = {}): NeedCandidate {
  return {
    id: 'need-1',
    countryCode: 'HN',
    workingGroupCode: 'ASYLUM_SYSTEMS',
    title: 'Asylum adjudication',
    description: 'Formar a oficiales de elegibilidad.',
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
    workingGroupCodes: ['ASYLUM_SYSTEMS', 'HEALTH'],
    title: 'Adjudication training',
    description: 'Training for asylum adjudicators.',
    modalities: ['TRAINING'],
    languages: ['en', 'es'],
    capacity: 3,
    remainingCapacity: 2,
    availableFrom: JAN,
    availableTo: JAN + 365 * DAY,
    eligibleCountryCodes: [],
    open: true,
    ...overrides,
  };
}

describe('fit: may this need and this offer be twinned', () => {
  it('accepts a pair that keeps every rule, dates on one side only or none', () => {
    expect(fit(aNeed(), anOffer())).toEqual({ ok: true });
    expect(fit(aNeed({ earliestStart: null, latestEnd: null }), anOffer())).toEqual({ ok: true });
    expect(fit(aNeed(), anOffer({ availableFrom: null, availableTo: null }))).toEqual({
      ok: true,
    });
    expect(fit(aNeed({ countryCode: 'GT' }), anOffer({ eligibleCountryCodes: ['GT'] }))).toEqual({
      ok: true,
    });
  });

  it.each<[FitReason, Partial<NeedCandidate>, Partial<OfferCandidate>, string]>([
    [
      'NEED_NOT_OPEN',
      { open: false },
      {},
      'The need "Asylum adjudication" is not OPEN: only an OPEN need can join a twinning',
    ],
    ['OFFER_NOT_OPEN', {}, { open: false }, 'The offer is not open: it takes no new twinning'],
    [
      'CAPACITY_EXHAUSTED',
      {},
      { remainingCapacity: 0 },
      'The offer has 0 of its capacity of 3 left: not enough for 1 need',
    ],
    [
      'NOT_ELIGIBLE',
      {},
      { eligibleCountryCodes: ['GT', 'SV'] },
      'The offer is open to GT, SV, not to HN (the need "Asylum adjudication")',
    ],
    [
      'NOT_ELIGIBLE',
      { countryCode: 'CA' },
      {},
      'The offer is open to every MIRPS state, and CA is not one (the need "Asylum adjudication")',
    ],
    [
      'WRONG_TOPIC',
      { workingGroupCode: 'EDUCATION' },
      {},
      'The need "Asylum adjudication" is filed under EDUCATION, which the offer does not serve (ASYLUM_SYSTEMS, HEALTH)',
    ],
    [
      'NO_COMMON_LANGUAGE',
      { languages: ['es'] },
      { languages: ['en', 'fr'] },
      'The offer speaks en, fr, none of the languages of the need "Asylum adjudication" (es)',
    ],
    [
      'DATES_DO_NOT_OVERLAP',
      {},
      { availableFrom: JAN + 200 * DAY, availableTo: null },
      'The offer is available from 2026-07-20, outside the window of the need "Asylum adjudication" (from 2026-01-01 to 2026-04-11)',
    ],
    [
      'DATES_DO_NOT_OVERLAP',
      { earliestStart: JAN + 10 * DAY, latestEnd: null },
      { availableFrom: null, availableTo: JAN + 10 * DAY },
      'The offer is available until 2026-01-11, outside the window of the need "Asylum adjudication" (from 2026-01-11)',
    ],
  ])('refuses %s: %j %j', (reason, need, offer, detail) => {
    expect(fit(aNeed(need), anOffer(offer))).toEqual({ ok: false, reason, detail });
  });

  it('answers with the first rule broken, in a fixed order', () => {
    const broken = anOffer({ open: false, eligibleCountryCodes: ['MX'], languages: ['fr'] });
    expect(fit({ ...aNeed({ open: false }), status: 'WITHDRAWN' }, broken)).toMatchObject({
      reason: 'NEED_NOT_OPEN',
      detail: 'The need "Asylum adjudication" is WITHDRAWN: only an OPEN need can join a twinning',
    });
    expect(fit(aNeed(), broken)).toMatchObject({ reason: 'OFFER_NOT_OPEN' });
    expect(fit(aNeed(), { ...broken, open: true })).toMatchObject({ reason: 'NOT_ELIGIBLE' });
  });

  it('asks room for every need of the twinning, or none when the room is not in question', () => {
    const offer = anOffer({ remainingCapacity: 2 });
    expect(fit(aNeed(), offer, 2)).toEqual({ ok: true });
    expect(fit(aNeed(), offer, 3)).toEqual({
      ok: false,
      reason: 'CAPACITY_EXHAUSTED',
      detail: 'The offer has 2 of its capacity of 3 left: not enough for 3 needs',
    });
    expect(fit(aNeed(), anOffer({ remainingCapacity: 0 }), 0)).toEqual({ ok: true });
  });

  it('reads an empty eligibility list as every MIRPS state, and only those', () => {
    expect(countriesOpenTo({ eligibleCountryCodes: [] })).toEqual(MIRPS);
    expect(countriesOpenTo({ eligibleCountryCodes: ['HN'] })).toEqual(['HN']);
    for (const countryCode of MIRPS) expect(fit(aNeed({ countryCode }), anOffer()).ok).toBe(true);
    expect(fit(aNeed({ countryCode: 'US' }), anOffer()).ok).toBe(false);
  });

  it('does not count a window that only touches the availability as overlapping', () => {
    const need = aNeed({ earliestStart: JAN, latestEnd: JAN + 10 * DAY });
    const after = anOffer({ availableFrom: JAN + 10 * DAY, availableTo: JAN + 20 * DAY });
    expect(fit(need, after)).toMatchObject({ reason: 'DATES_DO_NOT_OVERLAP' });
    expect(fit(need, { ...after, availableFrom: JAN + 10 * DAY - 1 }).ok).toBe(true);
  });
});

/** Needs and offers drawn to break every rule now and then, non-MIRPS countries included. */
function randomWorld(seed: number, needCount: number, offerCount: number) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const some = <T>(items: readonly T[], max: number): T[] => {
    const count = Math.floor(random() * (max + 1));
    return [...new Set(Array.from({ length: count }, () => pick(items)))];
  };
  const countries = [...MIRPS, 'CA', 'US'];
  const groups = ['ASYLUM_SYSTEMS', 'HEALTH', 'EDUCATION', 'JOBS_LIVELIHOODS'];
  const languages = ['es', 'en', 'fr'];
  // Days on a short calendar, so that windows meet, touch and miss one another.
  const day = () => JAN + Math.floor(random() * 40) * DAY;
  const period = (): [number | null, number | null] => {
    const roll = random();
    if (roll < 0.2) return [null, null];
    const a = day();
    const b = a + (1 + Math.floor(random() * 15)) * DAY;
    if (roll < 0.35) return [a, null];
    if (roll < 0.5) return [null, b];
    return [a, b];
  };
  const needs: NeedCandidate[] = Array.from({ length: needCount }, (_, index) => {
    const [earliestStart, latestEnd] = period();
    return aNeed({
      id: `need-${String(index).padStart(3, '0')}`,
      countryCode: random() < 0.1 ? pick(['CA', 'US']) : pick(MIRPS),
      workingGroupCode: pick(groups),
      languages: random() < 0.05 ? [] : some(languages, 2).concat(random() < 0.5 ? ['es'] : []),
      earliestStart,
      latestEnd,
      open: random() < 0.85,
    });
  });
  const offers: OfferCandidate[] = Array.from({ length: offerCount }, (_, index) => {
    const [availableFrom, availableTo] = period();
    const capacity = 1 + Math.floor(random() * 3);
    return anOffer({
      id: `offer-${String(index).padStart(3, '0')}`,
      workingGroupCodes: [pick(groups), ...some(groups, 2)].filter(
        (group, at, all) => all.indexOf(group) === at,
      ),
      languages: [pick(languages), ...some(languages, 1)].filter(
        (language, at, all) => all.indexOf(language) === at,
      ),
      eligibleCountryCodes: random() < 0.35 ? [] : some(countries, 4),
      availableFrom,
      availableTo,
      capacity,
      remainingCapacity: Math.floor(random() * (capacity + 1)),
      open: random() < 0.85,
    });
  });
  return { needs, offers };
}

describe('the candidate index and the scorer against the fit rule', () => {
  it.each(Array.from({ length: 12 }, (_, index) => index + 1))(
    'agree with it exactly on random needs and offers (seed %i)',
    (seed) => {
      const { needs, offers } = randomWorld(seed, 40, 60);
      const engine = new MatchingEngine(needs, offers, {
        ...DEFAULT_MATCHING_CONFIG,
        minimumScore: 0,
      });
      let fitting = 0;
      for (const need of needs) {
        const fits = offers.filter((offer) => fit(need, offer).ok).map((offer) => offer.id);
        fitting += fits.length;
        const candidates = engine.candidateOfferIds(need.id);
        // No false negatives: every offer the rule accepts is a candidate.
        expect(fits.filter((id) => !candidates.includes(id))).toEqual([]);
        // No false positives once the scorer has checked the candidates.
        expect(candidates.filter((id) => engine.score(need.id, id) !== null)).toEqual(fits);
        // And so the suggestions (every score is at or above a minimum of 0) are those.
        expect(
          engine
            .suggestOffers(need.id, offers.length)
            .map((pair) => pair.offerId)
            .sort(),
        ).toEqual(fits);
        for (const offer of offers) {
          expect(engine.score(need.id, offer.id) !== null).toBe(fit(need, offer).ok);
        }
      }
      for (const offer of offers) {
        const fits = needs.filter((need) => fit(need, offer).ok).map((need) => need.id);
        expect(
          engine
            .suggestNeeds(offer.id, needs.length)
            .map((pair) => pair.needId)
            .sort(),
        ).toEqual(fits);
      }
      const planned = engine.plan().assignments;
      for (const pair of planned) {
        const need = needs.find((candidate) => candidate.id === pair.needId)!;
        const offer = offers.find((candidate) => candidate.id === pair.offerId)!;
        expect(fit(need, offer)).toEqual({ ok: true });
      }
      // The draw must give the rule both answers, or the test proves nothing.
      expect(fitting).toBeGreaterThan(0);
      expect(fitting).toBeLessThan(needs.length * offers.length);
    },
  );

  it('draws every reason across the seeds', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 12; seed += 1) {
      const { needs, offers } = randomWorld(seed, 40, 60);
      for (const need of needs) {
        for (const offer of offers) {
          const result = fit(need, offer);
          seen.add(result.ok ? 'OK' : result.reason);
        }
      }
    }
    expect([...seen].sort()).toEqual([
      'CAPACITY_EXHAUSTED',
      'DATES_DO_NOT_OVERLAP',
      'NEED_NOT_OPEN',
      'NOT_ELIGIBLE',
      'NO_COMMON_LANGUAGE',
      'OFFER_NOT_OPEN',
      'OK',
      'WRONG_TOPIC',
    ]);
  });
});
