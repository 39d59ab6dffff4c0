import request from 'supertest';
import { Logger } from '@nestjs/common';
import { ForbiddenError } from '../../src/common/errors/domain-errors';
import { NeedsService } from '../../src/needs/needs.service';
import { TwinningsService } from '../../src/twinnings/twinnings.service';
import {
  aNeed,
  anOffer,
  buildWorld,
  CREATE_NEED,
  CREATE_OFFER,
  NEED_FIELDS,
  OFFER_FIELDS,
  World,
} from '../support/builders';
import { GraphQLResponse, startTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

type Operation =
  'createNeed' | 'updateNeed' | 'createOffer' | 'updateOffer' | 'createUser' | 'createOrganization';

const MUTATIONS: Record<Operation, string> = {
  createNeed: CREATE_NEED,
  updateNeed: `mutation UpdateNeed($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { ${NEED_FIELDS} } }`,
  createOffer: CREATE_OFFER,
  updateOffer: `mutation UpdateOffer($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { ${OFFER_FIELDS} } }`,
  createUser:
    'mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id email role } }',
  createOrganization:
    'mutation CreateOrganization($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name kind } }',
};

/** The tables a bad request must leave as they were. */
const TABLES = [
  'needs',
  'offers',
  'offer_working_groups',
  'offer_eligible_countries',
  'users',
  'organizations',
];

const TWENTY_ONE_LANGUAGES = [
  'aa',
  'ab',
  'ae',
  'af',
  'ak',
  'am',
  'an',
  'ar',
  'as',
  'av',
  'ay',
  'az',
  'ba',
  'be',
  'bg',
  'bi',
  'bm',
  'bn',
  'bo',
  'br',
  'bs',
];
const TWENTY_ONE_WORKING_GROUPS = Array.from(
  { length: 21 },
  (_, index) => `GROUP_${String(index + 1).padStart(2, '0')}`,
);
const TWENTY_ONE_COUNTRIES = [
  'AR',
  'BO',
  'BR',
  'BZ',
  'CL',
  'CO',
  'CR',
  'CU',
  'DO',
  'EC',
  'GT',
  'HN',
  'HT',
  'JM',
  'MX',
  'NI',
  'PA',
  'PE',
  'PY',
  'SV',
  'UY',
];
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface BadInput {
  what: string;
  input: Record<string, unknown>;
  /** For an update: the id to send instead of the existing record's. */
  id?: string;
  /** Every field the answer must name (and no other). */
  fields: string[];
}

/** Bad input that is bad the same way in needs and offers, created or updated. */
const COMMON: BadInput[] = [
  { what: 'an empty title', input: { title: '' }, fields: ['title'] },
  { what: 'a NUL in the title', input: { title: 'Asylum\u0000training' }, fields: ['title'] },
  {
    what: 'a control character in the description',
    input: { description: 'Capacitación \u0007 con campana' },
    fields: ['description'],
  },
  { what: 'a title of only spaces', input: { title: '   ' }, fields: ['title'] },
  {
    what: 'a title of zero-width spaces',
    input: { title: '\u200B\u200B\u200B' },
    fields: ['title'],
  },
  {
    what: 'a title of a byte-order mark and a word joiner',
    input: { title: ' \uFEFF\u2060 ' },
    fields: ['title'],
  },
  {
    what: 'a right-to-left override in the title',
    input: { title: 'Asylum \u202Egniniart' },
    fields: ['title'],
  },
  { what: 'a title of 201 characters', input: { title: 'x'.repeat(201) }, fields: ['title'] },
  {
    what: 'a description of 5,001 characters',
    input: { description: 'x'.repeat(5001) },
    fields: ['description'],
  },
  { what: 'no modalities', input: { modalities: [] }, fields: ['modalities'] },
  { what: 'no languages', input: { languages: [] }, fields: ['languages'] },
  {
    what: 'a language that is not ISO 639-1',
    input: { languages: ['es', 'xx'] },
    fields: ['languages'],
  },
  { what: 'an upper-case language code', input: { languages: ['ES'] }, fields: ['languages'] },
  { what: '21 languages', input: { languages: TWENTY_ONE_LANGUAGES }, fields: ['languages'] },
  {
    what: 'a modality given twice',
    input: { modalities: ['TRAINING', 'TRAINING'] },
    fields: ['modalities'],
  },
  { what: 'a language given twice', input: { languages: ['es', 'es'] }, fields: ['languages'] },
  { what: 'a number for the title', input: { title: 42 }, fields: ['input.title'] },
  {
    what: 'a modality outside the enum',
    input: { modalities: ['TRAINING', 'TELEPATHY'] },
    fields: ['input.modalities[1]'],
  },
  {
    what: 'two bad fields at once',
    input: { title: ' ', languages: [] },
    fields: ['languages', 'title'],
  },
];

const NEED: BadInput[] = [
  {
    what: 'an unknown working group',
    input: { workingGroupCode: 'NOPE' },
    fields: ['workingGroupCode'],
  },
  {
    what: 'latestEnd before earliestStart',
    input: { earliestStart: '2026-06-01T00:00:00.000Z', latestEnd: '2026-05-31T00:00:00.000Z' },
    fields: ['latestEnd'],
  },
  {
    what: 'latestEnd equal to earliestStart',
    input: { earliestStart: '2026-06-01T00:00:00.000Z', latestEnd: '2026-06-01T00:00:00.000Z' },
    fields: ['latestEnd'],
  },
  { what: 'zero beneficiaries', input: { beneficiaries: 0 }, fields: ['beneficiaries'] },
  { what: 'negative beneficiaries', input: { beneficiaries: -5 }, fields: ['beneficiaries'] },
  {
    what: 'a string for beneficiaries',
    input: { beneficiaries: 'forty' },
    fields: ['input.beneficiaries'],
  },
  {
    what: 'a priority outside the enum',
    input: { priority: 'URGENT' },
    fields: ['input.priority'],
  },
  {
    what: 'a date that is not one',
    input: { earliestStart: 'soon' },
    fields: ['input.earliestStart'],
  },
  { what: 'a blank NAP reference', input: { napReference: '  ' }, fields: ['napReference'] },
];

const CREATE_NEED_ONLY: BadInput[] = [
  { what: 'an unknown country', input: { countryCode: 'XX' }, fields: ['countryCode'] },
  { what: 'a country outside MIRPS', input: { countryCode: 'CA' }, fields: ['countryCode'] },
  { what: 'a lower-case country code', input: { countryCode: 'hn' }, fields: ['countryCode'] },
  {
    what: 'an unknown country and an unknown working group',
    input: { countryCode: 'XX', workingGroupCode: 'NOPE' },
    fields: ['countryCode', 'workingGroupCode'],
  },
  { what: 'no title at all', input: { title: undefined }, fields: ['input.title'] },
  { what: 'a field the input does not have', input: { colour: 'red' }, fields: ['input.colour'] },
];

const UPDATE_NEED_ONLY: BadInput[] = [
  { what: 'an id that is not one', id: 'need-1', input: { title: 'Fine' }, fields: ['id'] },
  { what: 'a null title', input: { title: null }, fields: ['title'] },
  {
    what: 'a latestEnd before the earliestStart it already has',
    input: { latestEnd: '2026-02-28T00:00:00.000Z' },
    fields: ['latestEnd'],
  },
  {
    what: 'the countryCode, which cannot change',
    input: { countryCode: 'GT' },
    fields: ['input.countryCode'],
  },
];

const OFFER: BadInput[] = [
  { what: 'no working groups', input: { workingGroupCodes: [] }, fields: ['workingGroupCodes'] },
  {
    what: 'an unknown working group',
    input: { workingGroupCodes: ['ASYLUM_SYSTEMS', 'NOPE'] },
    fields: ['workingGroupCodes'],
  },
  {
    what: '21 working groups',
    input: { workingGroupCodes: TWENTY_ONE_WORKING_GROUPS },
    fields: ['workingGroupCodes'],
  },
  {
    what: 'a working group given twice',
    input: { workingGroupCodes: ['HEALTH', 'HEALTH'] },
    fields: ['workingGroupCodes'],
  },
  {
    what: 'an unknown eligible country',
    input: { eligibleCountryCodes: ['HN', 'XX'] },
    fields: ['eligibleCountryCodes'],
  },
  {
    what: 'an eligible country outside MIRPS',
    input: { eligibleCountryCodes: ['CA'] },
    fields: ['eligibleCountryCodes'],
  },
  {
    what: '21 eligible countries',
    input: { eligibleCountryCodes: TWENTY_ONE_COUNTRIES },
    fields: ['eligibleCountryCodes'],
  },
  {
    what: 'an eligible country given twice',
    input: { eligibleCountryCodes: ['HN', 'HN'] },
    fields: ['eligibleCountryCodes'],
  },
  {
    what: 'availableTo before availableFrom',
    input: { availableFrom: '2026-06-01T00:00:00.000Z', availableTo: '2026-05-01T00:00:00.000Z' },
    fields: ['availableTo'],
  },
  {
    what: 'availableTo equal to availableFrom',
    input: { availableFrom: '2026-06-01T00:00:00.000Z', availableTo: '2026-06-01T00:00:00.000Z' },
    fields: ['availableTo'],
  },
  { what: 'a capacity of 0', input: { capacity: 0 }, fields: ['capacity'] },
  { what: 'a capacity of 1001', input: { capacity: 1001 }, fields: ['capacity'] },
  { what: 'a string for the capacity', input: { capacity: 'ten' }, fields: ['input.capacity'] },
  {
    what: 'two wrongly typed fields',
    input: { title: 42, capacity: 'ten' },
    fields: ['input.capacity', 'input.title'],
  },
  {
    what: 'an unknown working group and an unknown eligible country',
    input: { workingGroupCodes: ['NOPE'], eligibleCountryCodes: ['XX'] },
    fields: ['eligibleCountryCodes', 'workingGroupCodes'],
  },
];

const CREATE_OFFER_ONLY: BadInput[] = [
  {
    what: 'an organizationId that is not an id',
    input: { organizationId: 'irb' },
    fields: ['organizationId'],
  },
  {
    what: 'an organization that does not exist',
    input: { organizationId: UNKNOWN_ID },
    fields: ['organizationId'],
  },
];

const UPDATE_OFFER_ONLY: BadInput[] = [
  { what: 'an id that is not one', id: 'offer-1', input: { capacity: 3 }, fields: ['id'] },
  { what: 'a null capacity', input: { capacity: null }, fields: ['capacity'] },
  {
    what: 'an availableTo before the availableFrom it already has',
    input: { availableTo: '2025-12-31T00:00:00.000Z' },
    fields: ['availableTo'],
  },
];

const CREATE_USER: BadInput[] = [
  { what: 'an e-mail that is not one', input: { email: 'ana at acnur' }, fields: ['email'] },
  { what: 'a number for the e-mail', input: { email: 42 }, fields: ['input.email'] },
  { what: 'a password of 11 characters', input: { password: '12345678901' }, fields: ['password'] },
  { what: 'no password at all', input: { password: undefined }, fields: ['input.password'] },
  { what: 'a role outside the enum', input: { role: 'KING' }, fields: ['input.role'] },
  {
    what: 'a country focal point of an unknown country',
    input: { role: 'COUNTRY_FOCAL_POINT', countryCode: 'XX' },
    fields: ['countryCode'],
  },
  {
    what: 'a member focal point of an organization that does not exist',
    input: { role: 'MEMBER_FOCAL_POINT', organizationId: UNKNOWN_ID },
    fields: ['organizationId'],
  },
  {
    what: 'two bad fields at once',
    input: { email: 'nobody', password: 'short' },
    fields: ['email', 'password'],
  },
];

const CREATE_ORGANIZATION: BadInput[] = [
  { what: 'an empty name', input: { name: '' }, fields: ['name'] },
  { what: 'a name made of NULs', input: { name: '\u0000\u0000\u0000' }, fields: ['name'] },
  { what: 'a name of only spaces', input: { name: '   ' }, fields: ['name'] },
  { what: 'a name of zero-width spaces', input: { name: '\u200B\u200C\u200D' }, fields: ['name'] },
  {
    what: 'a bidirectional isolate in the name',
    input: { name: '\u2067OIM\u2069' },
    fields: ['name'],
  },
  { what: 'a name of 201 characters', input: { name: 'x'.repeat(201) }, fields: ['name'] },
  { what: 'an unknown country', input: { countryCode: 'XX' }, fields: ['countryCode'] },
  { what: 'a lower-case country code', input: { countryCode: 'ca' }, fields: ['countryCode'] },
  { what: 'a kind outside the enum', input: { kind: 'NGO' }, fields: ['input.kind'] },
  {
    what: 'a blank name and an unknown country',
    input: { name: '  ', countryCode: 'XX' },
    fields: ['countryCode', 'name'],
  },
];

function on(operation: Operation, cases: BadInput[]): (BadInput & { operation: Operation })[] {
  return cases.map((badInput) => ({ operation, ...badInput }));
}

const CASES = [
  ...on('createNeed', [...COMMON, ...NEED, ...CREATE_NEED_ONLY]),
  ...on('updateNeed', [...COMMON, ...NEED, ...UPDATE_NEED_ONLY]),
  ...on('createOffer', [...COMMON, ...OFFER, ...CREATE_OFFER_ONLY]),
  ...on('updateOffer', [...COMMON, ...OFFER, ...UPDATE_OFFER_ONLY]),
  ...on('createUser', CREATE_USER),
  ...on('createOrganization', CREATE_ORGANIZATION),
];

/** Every field named by every error of an answer, once each, sorted. */
function fieldsNamed(body: GraphQLResponse): string[] {
  const fields = (body.errors ?? []).flatMap((error) =>
    (error.extensions.fields ?? []).map((problem) => problem.field),
  );
  return [...new Set(fields)].sort();
}

describe('bad input', () => {
  let app: TestApp;
  let world: World;
  let needId: string;
  let offerId: string;

  /** What each operation is sent: a valid input with `bad` laid over it. */
  function variablesFor(operation: Operation, bad: Record<string, unknown>, id?: string) {
    switch (operation) {
      case 'createNeed':
        return { input: aNeed(bad) };
      case 'updateNeed':
        return { id: id ?? needId, input: bad };
      case 'createOffer':
        return { input: anOffer(world.organizationId, bad) };
      case 'updateOffer':
        return { id: id ?? offerId, input: bad };
      case 'createUser':
        return {
          input: {
            email: 'new.observer@mirps.test',
            password: TEST_PASSWORD,
            role: 'OBSERVER',
            ...bad,
          },
        };
      case 'createOrganization':
        return {
          input: {
            name: 'Organización Internacional para las Migraciones',
            kind: 'INTERNATIONAL_ORGANIZATION',
            ...bad,
          },
        };
    }
  }

  /** Everything a bad request must not have touched. */
  async function snapshot() {
    const counts = await Promise.all(TABLES.map((table) => app.rowCount(table)));
    const records = await app.ok(
      `query ($needId: ID!, $offerId: ID!) { need(id: $needId) { ${NEED_FIELDS} } offer(id: $offerId) { ${OFFER_FIELDS} } }`,
      { needId, offerId },
      { as: world.secretariat },
    );
    return { counts: Object.fromEntries(TABLES.map((table, i) => [table, counts[i]])), records };
  }

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
    const need = await app.ok(CREATE_NEED, { input: aNeed() }, { as: world.secretariat });
    needId = need.createNeed.id;
    const offer = await app.ok(
      CREATE_OFFER,
      { input: anOffer(world.organizationId) },
      { as: world.secretariat },
    );
    offerId = offer.createOffer.id;
  });

  afterAll(() => app.close());

  it.each([
    ['createNeed', {}],
    ['updateNeed', { title: 'Adjudication training for eligibility officers' }],
    ['createOffer', {}],
    ['updateOffer', { capacity: 6 }],
    ['createUser', { email: 'valid.observer@mirps.test' }],
    ['createOrganization', { name: 'Organisation internationale de la Francophonie' }],
  ] as [Operation, Record<string, unknown>][])(
    '%s takes the valid input that the cases below spoil',
    async (operation, input) => {
      const data = await app.ok(MUTATIONS[operation], variablesFor(operation, input), {
        as: world.secretariat,
      });
      expect(data[operation].id).toEqual(expect.any(String));
    },
  );

  it.each(CASES)('$operation refuses $what', async ({ operation, id, input, fields }) => {
    const before = await snapshot();

    const body = await app.gql(MUTATIONS[operation], variablesFor(operation, input, id), {
      as: world.secretariat,
    });

    expect(body.data ?? null).toBeNull();
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors!) {
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      // Only the code and the fields: no stacktrace, no exception, nothing internal.
      expect(Object.keys(error.extensions).sort()).toEqual(['code', 'fields']);
      for (const problem of error.extensions.fields!) {
        expect(Object.keys(problem).sort()).toEqual(['field', 'message']);
        expect(problem.message).toMatch(/\S/);
      }
    }
    expect(fieldsNamed(body)).toEqual([...fields].sort());
    expect(await snapshot()).toEqual(before);
  });

  it('takes tabs and line breaks in text, which people do type', async () => {
    const description = 'Objetivos:\n\t1. Capacitación\r\n\t2. Intercambio';
    const data = await app.ok(MUTATIONS.createNeed, variablesFor('createNeed', { description }), {
      as: world.secretariat,
    });
    expect(data.createNeed.description).toBe(description);
  });

  it('refuses control characters in a scalar argument too, naming it', async () => {
    const error = await app.fails(
      'query ($search: String!) { needs(filter: { search: $search }) { totalCount } }',
      { search: 'asilo\u0000' },
      { as: world.secretariat },
    );
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        {
          field: 'filter.search',
          message:
            'filter.search must not contain control characters (tab and line breaks are fine)',
        },
      ],
    });
    const completed = await app.fails(
      'mutation ($id: ID!, $summary: String) { completeTwinning(id: $id, summary: $summary) { id } }',
      { id: '00000000-0000-4000-8000-000000000000', summary: 'Done\u0000' },
      { as: world.secretariat },
    );
    expect(completed.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        {
          field: 'summary',
          message: 'summary must not contain control characters (tab and line breaks are fine)',
        },
      ],
    });
  });

  describe('an unexpected fault', () => {
    afterEach(() => jest.restoreAllMocks());

    it('is answered INTERNAL_SERVER_ERROR with the request id and nothing internal', async () => {
      jest
        .spyOn(app.app.get(NeedsService), 'list')
        .mockRejectedValueOnce(new Error('disk on fire'));

      const response = await request(app.app.getHttpServer())
        .post('/graphql')
        .set('authorization', `Bearer ${world.observer}`)
        .send({ query: '{ needs(first: 5) { totalCount } }' });

      const requestId = response.headers['x-request-id'];
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body).toEqual({
        data: null,
        errors: [
          {
            message: 'Internal server error',
            locations: [{ line: 1, column: 3 }],
            path: ['needs'],
            extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
          },
        ],
      });
      expect(JSON.stringify(response.body)).not.toContain('disk on fire');
    });

    it("carries the caller's X-Request-Id when it sent one", async () => {
      jest
        .spyOn(app.app.get(NeedsService), 'list')
        .mockRejectedValueOnce(new Error('disk on fire'));

      const response = await request(app.app.getHttpServer())
        .post('/graphql')
        .set('authorization', `Bearer ${world.observer}`)
        .set('x-request-id', 'support-ticket-4711')
        .send({ query: '{ needs { totalCount } }' });

      expect(response.headers['x-request-id']).toBe('support-ticket-4711');
      expect(response.body.errors).toEqual([
        expect.objectContaining({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'support-ticket-4711' },
        }),
      ]);
    });

    describe('in a field resolver (fields run without a Nest wrapper)', () => {
      const NEED_TWINNINGS = '{ needs(first: 1) { edges { node { id twinnings { id } } } } }';

      beforeEach(() => app.ok(CREATE_NEED, { input: aNeed() }, { as: world.secretariat }));

      it('is answered INTERNAL_SERVER_ERROR with the request id, and logged once with it', async () => {
        const logged = jest.spyOn(Logger.prototype, 'error');
        jest
          .spyOn(app.app.get(TwinningsService), 'linksOfNeeds')
          .mockRejectedValueOnce(new Error('disk on fire'));

        const response = await request(app.app.getHttpServer())
          .post('/graphql')
          .set('authorization', `Bearer ${world.observer}`)
          .set('x-request-id', 'field-fault-1')
          .send({ query: NEED_TWINNINGS });

        expect(response.body.errors).toEqual([
          {
            message: 'Internal server error',
            locations: [{ line: 1, column: 39 }],
            path: ['needs', 'edges', 0, 'node', 'twinnings'],
            extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'field-fault-1' },
          },
        ]);
        expect(JSON.stringify(response.body)).not.toContain('disk on fire');
        expect(logged).toHaveBeenCalledTimes(1);
        expect(logged.mock.calls[0][0]).toMatchObject({
          requestId: 'field-fault-1',
          path: 'needs.edges.0.node.twinnings',
        });
      });

      it("answers a domain error with the contract's code and message, as for a root field", async () => {
        jest
          .spyOn(app.app.get(TwinningsService), 'linksOfNeeds')
          .mockRejectedValueOnce(new ForbiddenError('Only the parties may see this'));

        const error = await app.fails(NEED_TWINNINGS, {}, { as: world.observer });
        expect(error).toEqual({
          message: 'Only the parties may see this',
          locations: [{ line: 1, column: 39 }],
          path: ['needs', 'edges', 0, 'node', 'twinnings'],
          extensions: { code: 'FORBIDDEN' },
        });
      });
    });

    it('leaves the next request unharmed', async () => {
      jest
        .spyOn(app.app.get(NeedsService), 'list')
        .mockRejectedValueOnce(new Error('disk on fire'));
      await app.gql('{ needs { totalCount } }', {}, { as: world.observer });

      const data = await app.ok('{ needs { totalCount } }', {}, { as: world.observer });
      expect(data.needs.totalCount).toBe(await app.rowCount('needs'));
    });
  });
});
