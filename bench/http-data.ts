/**
 * The data set of `npm run bench:http`: needs, offers, organizations and twinnings (with
 * their needs, parties and history), generated from fixed seeds, so the service's database
 * and the in-memory ceiling server hold exactly the same records. Plain data: no Nest, no
 * TypeORM, so the ceiling server can load it too.
 */
import { foldForSearch } from '../src/common/text';
import { seededRandom, syntheticData, WORKING_GROUPS } from '../test/support/synthetic-data';

export interface DataSize {
  needs: number;
  offers: number;
  twinnings: number;
  organizations: number;
}

export const DEFAULT_SIZE: DataSize = {
  needs: 4000,
  offers: 2500,
  twinnings: 2000,
  organizations: 40,
};

export interface WorkingGroupRow {
  code: string;
  nameEn: string;
  nameEs: string;
  descriptionEn: string;
  descriptionEs: string;
  createdAt: Date;
}

export interface OrganizationRow {
  id: string;
  name: string;
  nameKey: string;
  kind: string;
  countryCode: string | null;
  createdAt: Date;
}

export interface NeedRow {
  id: string;
  countryCode: string;
  workingGroupCode: string;
  title: string;
  description: string;
  modalities: string[];
  languages: string[];
  beneficiaries: number | null;
  earliestStart: Date | null;
  latestEnd: Date | null;
  napReference: string | null;
  priority: string;
  status: string;
  withdrawalReason: string | null;
  searchText: string;
  createdAt: Date;
  updatedAt: Date;
  openedAt: Date;
  expiresAt: Date;
}

export interface OfferRow {
  id: string;
  organizationId: string;
  title: string;
  description: string;
  modalities: string[];
  languages: string[];
  capacity: number;
  reservedCapacity: number;
  availableFrom: Date | null;
  availableTo: Date | null;
  status: string;
  withdrawalReason: string | null;
  searchText: string;
  createdAt: Date;
  updatedAt: Date;
  openedAt: Date;
  expiresAt: Date;
  workingGroupCodes: string[];
  eligibleCountryCodes: string[];
}

export interface PartyRow {
  id: string;
  twinningId: string;
  countryCode: string | null;
  organizationId: string | null;
  response: string;
  respondedAt: Date | null;
  comment: string | null;
}

export interface StatusChangeRow {
  id: string;
  twinningId: string;
  sequence: number;
  from: string | null;
  to: string;
  at: Date;
  note: string | null;
}

export interface TwinningRow {
  id: string;
  offerId: string;
  status: string;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
  confirmedAt: Date | null;
  completedAt: Date | null;
  summary: string | null;
  cancellationReason: string | null;
  needIds: string[];
  parties: PartyRow[];
  history: StatusChangeRow[];
}

export interface BenchData {
  workingGroups: WorkingGroupRow[];
  organizations: OrganizationRow[];
  needs: NeedRow[];
  offers: OfferRow[];
  twinnings: TwinningRow[];
}

/**
 * What the benchmark asks: the first page of needs, as a list screen shows it, with each
 * need's country, working group and twinnings (their offer, organization and parties).
 */
export const NEEDS_PAGE_QUERY = `query NeedsPage {
  needs(first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id title status priority languages modalities beneficiaries createdAt updatedAt
        country { code name }
        workingGroup { code name }
        twinnings {
          id status note createdAt updatedAt confirmedAt completedAt
          offer { id title organization { id name } }
          parties { response respondedAt comment country { code name } organization { id name } }
        }
      }
    }
  }
}`;

const MINUTE = 60_000;
const STARTS = Date.UTC(2025, 0, 6, 14);

const ORGANIZATION_KINDS: [string, string | null][] = [
  ['STATE', 'CA'],
  ['STATE', 'US'],
  ['STATE', 'ES'],
  ['STATE', 'BR'],
  ['STATE', 'AR'],
  ['STATE', 'CH'],
  ['INTERNATIONAL_ORGANIZATION', null],
  ['FINANCIAL_INSTITUTION', null],
  ['REGIONAL_BODY', null],
  ['PRIVATE_SECTOR', 'MX'],
  ['CIVIL_SOCIETY', 'CR'],
  ['ACADEMIA', 'GT'],
];

/** How twinnings are spread over their statuses, and the steps that led there. */
const PATHS: { weight: number; steps: string[] }[] = [
  { weight: 20, steps: ['PROPOSED'] },
  { weight: 15, steps: ['PROPOSED', 'ACCEPTED'] },
  { weight: 25, steps: ['PROPOSED', 'ACCEPTED', 'CONFIRMED'] },
  { weight: 25, steps: ['PROPOSED', 'ACCEPTED', 'CONFIRMED', 'COMPLETED'] },
  { weight: 7, steps: ['PROPOSED', 'DECLINED'] },
  { weight: 8, steps: ['PROPOSED', 'CANCELLED'] },
];

/** A UUID (version 4 layout) from the seeded generator: the same on every run. */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

function pathOf(random: () => number): string[] {
  const total = PATHS.reduce((sum, path) => sum + path.weight, 0);
  let target = random() * total;
  for (const path of PATHS) {
    target -= path.weight;
    if (target <= 0) return path.steps;
  }
  return PATHS[0].steps;
}

export function benchData(size: DataSize = DEFAULT_SIZE): BenchData {
  const random = seededRandom(2026);
  const uuid = () => uuidFrom(random);
  const synthetic = syntheticData({ needs: size.needs, offers: size.offers, seed: 2026 });
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));

  const workingGroups = WORKING_GROUPS.map((code, index) => ({
    code,
    nameEn: `Working group ${index + 1}`,
    nameEs: `Grupo de trabajo ${index + 1}`,
    descriptionEn: `Capacity building, area ${index + 1}`,
    descriptionEs: `Fortalecimiento de capacidades, área ${index + 1}`,
    createdAt: new Date(STARTS),
  }));

  const organizations = Array.from({ length: size.organizations }, (_, index) => {
    const [kind, countryCode] = ORGANIZATION_KINDS[index % ORGANIZATION_KINDS.length];
    const name = `Support Platform member ${String(index + 1).padStart(2, '0')}`;
    return {
      id: uuid(),
      name,
      nameKey: foldForSearch(name),
      kind,
      countryCode,
      createdAt: new Date(STARTS + index * MINUTE),
    };
  });

  // Valid for a year from the seeding: no posting expires while a bench runs.
  const VALID_UNTIL = new Date(Date.now() + 365 * 24 * 60 * MINUTE);

  // Posted over about a year, one need or offer every few minutes, interleaved.
  const needs: NeedRow[] = synthetic.needs.map((need, index) => {
    const createdAt = new Date(STARTS + (index * 2 + 1) * 60 * MINUTE);
    return {
      id: uuid(),
      countryCode: need.countryCode,
      workingGroupCode: need.workingGroupCode,
      title: need.title,
      description: need.description,
      modalities: [...need.modalities],
      languages: [...need.languages],
      beneficiaries: random() < 0.6 ? 10 + Math.floor(random() * 200) : null,
      earliestStart: date(need.earliestStart),
      latestEnd: date(need.latestEnd),
      napReference:
        random() < 0.5 ? `NAP ${need.countryCode} ${1 + Math.floor(random() * 40)}` : null,
      priority: ['LOW', 'MEDIUM', 'HIGH'][Math.floor(random() * 3)],
      status: 'OPEN',
      withdrawalReason: null,
      searchText: foldForSearch(`${need.title}\n${need.description}`),
      createdAt,
      updatedAt: createdAt,
      openedAt: createdAt,
      expiresAt: VALID_UNTIL,
    };
  });

  const offers: OfferRow[] = synthetic.offers.map((offer, index) => {
    const createdAt = new Date(STARTS + index * 2 * 60 * MINUTE);
    return {
      id: uuid(),
      organizationId: organizations[Math.floor(random() * organizations.length)].id,
      title: offer.title,
      description: offer.description,
      modalities: [...offer.modalities],
      languages: [...offer.languages],
      capacity: offer.capacity,
      reservedCapacity: 0,
      availableFrom: date(offer.availableFrom),
      availableTo: date(offer.availableTo),
      status: 'OPEN',
      withdrawalReason: null,
      searchText: foldForSearch(`${offer.title}\n${offer.description}`),
      createdAt,
      updatedAt: createdAt,
      openedAt: createdAt,
      expiresAt: VALID_UNTIL,
      workingGroupCodes: [...offer.workingGroupCodes],
      eligibleCountryCodes: [...offer.eligibleCountryCodes],
    };
  });

  // Twinnings pair an offer with one or two needs of a working group it serves.
  const needsByGroup = new Map<string, NeedRow[]>();
  for (const need of needs) {
    needsByGroup.set(need.workingGroupCode, [
      ...(needsByGroup.get(need.workingGroupCode) ?? []),
      need,
    ]);
  }
  const twinnings: TwinningRow[] = [];
  while (twinnings.length < size.twinnings) {
    const offer = offers[Math.floor(random() * offers.length)];
    const candidates = offer.workingGroupCodes.flatMap((code) => needsByGroup.get(code) ?? []);
    if (candidates.length === 0) continue;
    const chosen = new Set<NeedRow>([candidates[Math.floor(random() * candidates.length)]]);
    if (random() < 0.3) chosen.add(candidates[Math.floor(random() * candidates.length)]);
    const twinningNeeds = [...chosen];
    const id = uuid();
    const steps = pathOf(random);
    const latest = Math.max(
      offer.createdAt.getTime(),
      ...twinningNeeds.map((n) => n.createdAt.getTime()),
    );
    const createdAt = latest + (30 + Math.floor(random() * 600)) * MINUTE;
    const stepAt = steps.map((_, step) => new Date(createdAt + step * 3 * 24 * 60 * MINUTE));
    const status = steps[steps.length - 1];
    const countries = [...new Set(twinningNeeds.map((need) => need.countryCode))].sort();
    const answered = status !== 'PROPOSED' && status !== 'CANCELLED';
    const parties: PartyRow[] = [
      {
        id: uuid(),
        twinningId: id,
        countryCode: null,
        organizationId: offer.organizationId,
        response: 'ACCEPTED',
        respondedAt: new Date(createdAt),
        comment: null,
      },
      ...countries.map((countryCode, index) => ({
        id: uuid(),
        twinningId: id,
        countryCode,
        organizationId: null,
        response: answered
          ? status === 'DECLINED' && index === 0
            ? 'DECLINED'
            : 'ACCEPTED'
          : 'PENDING',
        respondedAt: answered ? stepAt[1] : null,
        comment: answered && random() < 0.5 ? 'De acuerdo con la propuesta' : null,
      })),
    ];
    twinnings.push({
      id,
      offerId: offer.id,
      status,
      note: random() < 0.5 ? 'Proposed after the regional meeting' : null,
      createdAt: new Date(createdAt),
      updatedAt: stepAt[stepAt.length - 1],
      confirmedAt: steps.includes('CONFIRMED') ? stepAt[2] : null,
      completedAt: status === 'COMPLETED' ? stepAt[3] : null,
      summary: status === 'COMPLETED' ? '38 officials trained in two sessions' : null,
      cancellationReason: status === 'CANCELLED' ? 'The dates no longer suit either side' : null,
      needIds: twinningNeeds.map((need) => need.id),
      parties,
      history: steps.map((to, sequence) => ({
        id: uuid(),
        twinningId: id,
        sequence,
        from: sequence === 0 ? null : steps[sequence - 1],
        to,
        at: stepAt[sequence],
        note: null,
      })),
    });
  }

  // What the twinnings did to their needs and offers, as the service's transitions do.
  const needById = new Map(needs.map((need) => [need.id, need]));
  const offerById = new Map(offers.map((offer) => [offer.id, offer]));
  for (const twinning of twinnings) {
    const live = ['PROPOSED', 'ACCEPTED', 'CONFIRMED'].includes(twinning.status);
    for (const needId of twinning.needIds) {
      const need = needById.get(needId)!;
      if (twinning.status === 'COMPLETED') need.status = 'FULFILLED';
      else if (live && need.status === 'OPEN') need.status = 'IN_TWINNING';
    }
    if (live) {
      const offer = offerById.get(twinning.offerId)!;
      offer.reservedCapacity += twinning.needIds.length;
      offer.capacity = Math.max(offer.capacity, offer.reservedCapacity);
    }
  }
  for (const need of needs) {
    if (need.status === 'OPEN' && random() < 0.03) {
      need.status = 'WITHDRAWN';
      need.withdrawalReason = 'Covered by the national budget';
    }
  }
  return { workingGroups, organizations, needs, offers, twinnings };
}
