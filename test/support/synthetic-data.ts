import { NeedCandidate, OfferCandidate } from '../../src/matching/engine/candidates';

/** A small seeded generator: the same seed gives the same data on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MIRPS = ['BZ', 'CR', 'SV', 'GT', 'HN', 'MX', 'PA'];
export const LANGUAGES = ['es', 'en', 'fr'];
export const MODALITIES = [
  'TRAINING',
  'PEER_EXCHANGE',
  'TECHNICAL_ASSISTANCE',
  'SECONDMENT',
  'STUDY_VISIT',
  'WORKSHOP',
  'FINANCIAL',
  'MATERIAL',
];
export const WORKING_GROUPS = Array.from({ length: 20 }, (_, index) => `GROUP_${index + 1}`);

/** Topic vocabulary, English and Spanish, shared out among the working groups. */
const TOPICS: [string, string][] = [
  ['asylum adjudication', 'adjudicación de asilo'],
  ['gender-based violence', 'violencia de género'],
  ['case management', 'gestión de casos'],
  ['reception centres', 'centros de recepción'],
  ['eligibility interviews', 'entrevistas de elegibilidad'],
  ['country of origin information', 'información de país de origen'],
  ['vocational training', 'formación profesional'],
  ['labour market access', 'acceso al mercado laboral'],
  ['local governance', 'gobernanza local'],
  ['internal displacement', 'desplazamiento interno'],
  ['social protection', 'protección social'],
  ['school enrolment', 'matrícula escolar'],
  ['mental health', 'salud mental'],
  ['private sector hiring', 'contratación del sector privado'],
  ['statistical registration', 'registro estadístico'],
  ['digital case files', 'expedientes digitales'],
  ['child protection', 'protección de la niñez'],
  ['women and girls', 'mujeres y niñas'],
  ['municipal services', 'servicios municipales'],
  ['documentation', 'documentación'],
];

export interface SyntheticOptions {
  needs: number;
  offers: number;
  seed: number;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function some<T>(random: () => number, items: readonly T[], min: number, max: number): T[] {
  const count = min + Math.floor(random() * (max - min + 1));
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(pick(random, items));
  return [...chosen];
}

/** Zipf-like popularity: working group k is chosen with weight 1/k. */
function zipfPicker(random: () => number, items: readonly string[]): () => string {
  const weights = items.map((_, index) => 1 / (index + 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return () => {
    let target = random() * total;
    for (let index = 0; index < items.length; index += 1) {
      target -= weights[index];
      if (target <= 0) return items[index];
    }
    return items[items.length - 1];
  };
}

const DAY = 86_400_000;
const YEAR_START = Date.UTC(2026, 0, 1);

function window(random: () => number): [number | null, number | null] {
  if (random() < 0.25) return [null, null];
  const start = YEAR_START + Math.floor(random() * 300) * DAY;
  return [start, start + (30 + Math.floor(random() * 240)) * DAY];
}

function text(random: () => number, group: string, spanish: boolean): [string, string] {
  const base = WORKING_GROUPS.indexOf(group);
  const own = [TOPICS[base % TOPICS.length], TOPICS[(base * 7 + 3) % TOPICS.length]];
  const topic = random() < 0.8 ? pick(random, own) : pick(random, TOPICS);
  const other = pick(random, TOPICS);
  const [a, b] = spanish ? [topic[1], other[1]] : [topic[0], other[0]];
  return spanish
    ? [
        `Capacitación en ${a}`,
        `Fortalecer las capacidades institucionales en ${a} y ${b} para funcionarios y oficiales.`,
      ]
    : [
        `Training on ${a}`,
        `Strengthen institutional capacity on ${a} and ${b} for officials and officers.`,
      ];
}

/**
 * Realistic synthetic needs and offers: 7 MIRPS states, 20 working groups with Zipf-like
 * popularity, 3 languages, capacities 1 to 10, Spanish and English texts.
 */
export function syntheticData(options: SyntheticOptions): {
  needs: NeedCandidate[];
  offers: OfferCandidate[];
} {
  const random = seededRandom(options.seed);
  const group = zipfPicker(random, WORKING_GROUPS);
  const pad = (prefix: string, index: number) => `${prefix}-${String(index).padStart(6, '0')}`;

  const needs = Array.from({ length: options.needs }, (_, index): NeedCandidate => {
    const workingGroupCode = group();
    const spanish = random() < 0.7;
    const [title, description] = text(random, workingGroupCode, spanish);
    const [earliestStart, latestEnd] = window(random);
    return {
      id: pad('need', index),
      countryCode: pick(random, MIRPS),
      workingGroupCode,
      title,
      description,
      modalities: some(random, MODALITIES, 1, 2),
      languages: spanish ? (random() < 0.8 ? ['es'] : ['es', 'en']) : some(random, LANGUAGES, 1, 2),
      earliestStart,
      latestEnd,
      open: true,
    };
  });

  const offers = Array.from({ length: options.offers }, (_, index): OfferCandidate => {
    const groups = new Set([group()]);
    if (random() < 0.4) groups.add(group());
    if (random() < 0.15) groups.add(group());
    const spanish = random() < 0.4;
    const [title, description] = text(random, [...groups][0], spanish);
    const [availableFrom, availableTo] = window(random);
    const capacity = 1 + Math.floor(random() * 10);
    return {
      id: pad('offer', index),
      workingGroupCodes: [...groups],
      title,
      description,
      modalities: some(random, MODALITIES, 1, 4),
      languages: some(random, LANGUAGES, 1, 2),
      capacity,
      remainingCapacity: capacity,
      availableFrom,
      availableTo: availableTo === null ? null : availableTo + 120 * DAY,
      eligibleCountryCodes: random() < 0.5 ? [] : some(random, MIRPS, 1, 5),
      open: true,
    };
  });
  return { needs, offers };
}
