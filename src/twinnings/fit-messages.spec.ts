import { Locale } from '../common/locale';
import { english, translate } from '../i18n/translate';
import { fit, FitNeed, FitOffer, refusal } from '../matching/engine/fit';

const DAY = 86_400_000;
const JAN = Date.UTC(2026, 0, 1);

const NEED: FitNeed = {
  countryCode: 'HN',
  workingGroupCode: 'ASYLUM_SYSTEMS',
  languages: ['es'],
  earliestStart: JAN,
  latestEnd: JAN + 100 * DAY,
  open: true,
  title: 'Asylum adjudication',
};
const OFFER: FitOffer = {
  workingGroupCodes: ['ASYLUM_SYSTEMS', 'HEALTH'],
  languages: ['en', 'es'],
  eligibleCountryCodes: [],
  availableFrom: JAN,
  availableTo: JAN + 365 * DAY,
  capacity: 3,
  remainingCapacity: 2,
  open: true,
};

/** Pairs that break each rule, some without the optional title and statuses. */
const REFUSED: [string, Partial<FitNeed>, Partial<FitOffer>, number][] = [
  ['need not open', { open: false, status: 'WITHDRAWN' }, {}, 1],
  ['need not open, no status, no title', { open: false, title: undefined }, {}, 1],
  ['offer not open', {}, { open: false, status: 'WITHDRAWN' }, 1],
  ['offer not open, no status', {}, { open: false }, 1],
  ['capacity, one need', {}, { remainingCapacity: 0 }, 1],
  ['capacity, needs', {}, {}, 3],
  ['not eligible', { countryCode: 'GT' }, { eligibleCountryCodes: ['HN', 'SV'] }, 1],
  ['not a MIRPS state', { countryCode: 'US', title: undefined }, {}, 1],
  ['wrong topic', { workingGroupCode: 'EDUCATION' }, {}, 1],
  ['no common language', { languages: [] }, { languages: ['fr'] }, 1],
  ['dates', { earliestStart: null }, { availableFrom: JAN + 200 * DAY, availableTo: null }, 1],
  ['dates, open ends', { latestEnd: null }, { availableFrom: null, availableTo: JAN }, 1],
];

describe("the fit rules' refusals as messages", () => {
  it.each(REFUSED)('%s: its detail is the English of its message', (_name, need, offer, places) => {
    const pair: [FitNeed, FitOffer, number] = [
      { ...NEED, ...need },
      { ...OFFER, ...offer },
      places,
    ];
    const refused = refusal(...pair)!;
    expect(fit(...pair)).toEqual({
      ok: false,
      reason: refused.reason,
      detail: english(refused.message),
    });
    expect(translate(Locale.ES, refused.message)).not.toMatch(/\{\{|\}\}/);
  });

  it('reads in Spanish', () => {
    const es = (need: Partial<FitNeed>, offer: Partial<FitOffer>, places = 1) =>
      translate(Locale.ES, refusal({ ...NEED, ...need }, { ...OFFER, ...offer }, places)!.message);
    expect(es({ open: false, status: 'WITHDRAWN' }, {})).toBe(
      'La necesidad "Asylum adjudication" está en estado WITHDRAWN: solo una necesidad OPEN puede formar parte de un hermanamiento',
    );
    expect(es({}, { remainingCapacity: 0 })).toBe(
      'Plazas libres de la oferta: 0 de 3; no alcanzan para 1 necesidad',
    );
    expect(es({ languages: [] }, { languages: ['fr'] })).toBe(
      'La oferta se brinda en fr, ninguno de los idiomas de la necesidad "Asylum adjudication" (ningún idioma)',
    );
    expect(es({ countryCode: 'US', title: undefined }, {})).toBe(
      'La oferta está abierta a todos los Estados del MIRPS, y US no es uno de ellos (la necesidad)',
    );
    expect(es({ latestEnd: null }, { availableFrom: null, availableTo: JAN })).toBe(
      'La oferta está disponible hasta el 2026-01-01, fuera del plazo de la necesidad "Asylum adjudication" (desde el 2026-01-01)',
    );
  });

  it('gives nothing for a pair that fits', () => {
    expect(refusal(NEED, OFFER)).toBeNull();
    expect(fit(NEED, OFFER)).toEqual({ ok: true });
  });
});
