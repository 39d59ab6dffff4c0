import { aNeed, buildWorld, CREATE_NEED, NEED_FIELDS, World } from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const NEED = `query Need($id: ID!) { need(id: $id) { ${NEED_FIELDS} } }`;
const UPDATE_NEED = `mutation UpdateNeed($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { ${NEED_FIELDS} } }`;
const WITHDRAW_NEED = `mutation WithdrawNeed($id: ID!, $reason: String) { withdrawNeed(id: $id, reason: $reason) { id status withdrawalReason createdAt updatedAt } }`;
const NEED_WITHDRAWAL = `query NeedWithdrawal($id: ID!) { need(id: $id) { id status withdrawalReason createdAt updatedAt } }`;
const NEEDS = `query Needs($filter: NeedFilter, $first: Int, $after: String) {
  needs(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id title status } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const HONDURAS = { code: 'HN', name: 'Honduras', isMirpsState: true };
const ASYLUM_SYSTEMS = {
  code: 'ASYLUM_SYSTEMS',
  name: 'Strengthening asylum systems',
  description: 'Reception, admission, case management, eligibility',
};
const EDUCATION = { code: 'EDUCATION', name: 'Education', description: null };

let markers = 0;
/** A word no other test uses, to find exactly this test's needs with `search`. */
function uniqueMarker(): string {
  markers += 1;
  return `mark${markers}x`;
}

/** Lets the clock move, so that records made one after the other have distinct times. */
function pause(milliseconds = 3): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

describe('needs', () => {
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
  });

  afterAll(() => app.close());

  async function createNeed(token: string, overrides: Record<string, unknown> = {}) {
    const data = await app.ok(CREATE_NEED, { input: aNeed(overrides) }, { as: token });
    return data.createNeed;
  }

  async function readNeed(id: string) {
    const data = await app.ok(NEED, { id }, { as: world.secretariat });
    return data.need;
  }

  /** Creates needs one after the other (oldest first); returns their ids in that order. */
  async function createNeedsInOrder(titles: string[], overrides: Record<string, unknown> = {}) {
    const ids: string[] = [];
    for (const title of titles) {
      ids.push((await createNeed(world.secretariat, { ...overrides, title })).id);
      await pause();
    }
    return ids;
  }

  async function listNeeds(variables: Record<string, unknown>, token = world.secretariat) {
    const data = await app.ok(NEEDS, variables, { as: token });
    return data.needs;
  }

  async function titlesFound(filter: Record<string, unknown>) {
    const page = await listNeeds({ filter });
    return page.edges.map((edge: { node: { title: string } }) => edge.node.title);
  }

  describe('createNeed', () => {
    it('lets the Honduras focal point create a need of Honduras, returned in full and OPEN', async () => {
      const before = Date.now();
      const need = await createNeed(world.honduras);
      const after = Date.now();

      expect(need).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
        title: 'Gender-based adjudication training for asylum officers',
        description:
          'Capacitación de oficiales de elegibilidad en adjudicación con enfoque de género para solicitudes de asilo.',
        modalities: ['TRAINING'],
        languages: ['es'],
        beneficiaries: 40,
        earliestStart: '2026-03-01T00:00:00.000Z',
        latestEnd: '2026-11-30T00:00:00.000Z',
        napReference: 'HN-NAP-2026-04',
        priority: 'HIGH',
        status: 'OPEN',
        createdAt: need.createdAt,
        updatedAt: need.createdAt,
        country: HONDURAS,
        workingGroup: ASYLUM_SYSTEMS,
      });
      expect(Date.parse(need.createdAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(need.createdAt)).toBeLessThanOrEqual(after);
      expect(await readNeed(need.id)).toEqual(need);
    });

    it('gives priority MEDIUM when none is given, and leaves omitted optional fields null', async () => {
      const input = aNeed({
        title: 'Registry of displaced persons',
        workingGroupCode: 'EDUCATION',
      });
      for (const field of [
        'priority',
        'beneficiaries',
        'earliestStart',
        'latestEnd',
        'napReference',
      ]) {
        delete input[field];
      }
      const data = await app.ok(CREATE_NEED, { input }, { as: world.honduras });

      expect(data.createNeed).toMatchObject({
        title: 'Registry of displaced persons',
        priority: 'MEDIUM',
        status: 'OPEN',
        beneficiaries: null,
        earliestStart: null,
        latestEnd: null,
        napReference: null,
        country: HONDURAS,
        workingGroup: EDUCATION,
      });
    });

    it('keeps the priority given', async () => {
      const need = await createNeed(world.honduras, { priority: 'LOW' });
      expect(need.priority).toBe('LOW');
    });

    it('lets the secretariat create a need for any MIRPS state', async () => {
      const mexico = await createNeed(world.secretariat, {
        countryCode: 'MX',
        napReference: 'MX-NAP-2026-01',
      });
      const belize = await createNeed(world.secretariat, { countryCode: 'BZ' });

      expect(mexico.country).toEqual({ code: 'MX', name: 'Mexico', isMirpsState: true });
      expect(mexico.napReference).toBe('MX-NAP-2026-01');
      expect(mexico.status).toBe('OPEN');
      expect(belize.country).toEqual({ code: 'BZ', name: 'Belize', isMirpsState: true });
    });

    it('refuses a need of a country that is not a MIRPS state, naming countryCode', async () => {
      const before = await app.rowCount('needs');
      const error = await app.fails(
        CREATE_NEED,
        { input: aNeed({ countryCode: 'CA' }) },
        { as: world.secretariat },
      );

      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'countryCode', message: '"CA" is not a MIRPS state' }],
      });
      expect(await app.rowCount('needs')).toBe(before);
    });

    it.each([
      ['the Guatemala focal point, for Honduras', 'guatemala'],
      ['a member focal point', 'member'],
      ['an observer', 'observer'],
    ] as const)('refuses with FORBIDDEN a need created by %s', async (_who, role) => {
      const before = await app.rowCount('needs');
      const error = await app.fails(CREATE_NEED, { input: aNeed() }, { as: world[role] });

      expect(error.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(await app.rowCount('needs')).toBe(before);
    });

    it('refuses with UNAUTHENTICATED a need created without a token', async () => {
      const before = await app.rowCount('needs');
      const error = await app.fails(CREATE_NEED, { input: aNeed() });

      expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(await app.rowCount('needs')).toBe(before);
    });
  });

  describe('updateNeed', () => {
    it('lets the focal point change the fields of a need of its country; updatedAt moves', async () => {
      const created = await createNeed(world.honduras);
      await pause();

      const data = await app.ok(
        UPDATE_NEED,
        {
          id: created.id,
          input: {
            workingGroupCode: 'EDUCATION',
            title: '  Inclusion of refugee children in schools  ',
            description: 'Formación de docentes para la inclusión de niñez refugiada.',
            modalities: ['WORKSHOP', 'STUDY_VISIT'],
            languages: ['es', 'en'],
            beneficiaries: 120,
            earliestStart: '2026-05-01T00:00:00.000Z',
            latestEnd: '2027-01-31T00:00:00.000Z',
            napReference: 'HN-NAP-2026-09',
            priority: 'LOW',
          },
        },
        { as: world.honduras },
      );
      const updated = data.updateNeed;

      expect(updated).toEqual({
        id: created.id,
        title: 'Inclusion of refugee children in schools',
        description: 'Formación de docentes para la inclusión de niñez refugiada.',
        modalities: ['WORKSHOP', 'STUDY_VISIT'],
        languages: ['es', 'en'],
        beneficiaries: 120,
        earliestStart: '2026-05-01T00:00:00.000Z',
        latestEnd: '2027-01-31T00:00:00.000Z',
        napReference: 'HN-NAP-2026-09',
        priority: 'LOW',
        status: 'OPEN',
        createdAt: created.createdAt,
        updatedAt: updated.updatedAt,
        country: HONDURAS,
        workingGroup: EDUCATION,
      });
      expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
      expect(await readNeed(created.id)).toEqual(updated);
    });

    it('changes only the fields given', async () => {
      const created = await createNeed(world.honduras);
      const data = await app.ok(
        UPDATE_NEED,
        { id: created.id, input: { priority: 'MEDIUM' } },
        { as: world.honduras },
      );

      expect(data.updateNeed).toEqual({
        ...created,
        priority: 'MEDIUM',
        updatedAt: data.updateNeed.updatedAt,
      });
    });

    it('clears beneficiaries, napReference and the dates when given null', async () => {
      const created = await createNeed(world.honduras);
      const data = await app.ok(
        UPDATE_NEED,
        {
          id: created.id,
          input: { beneficiaries: null, napReference: null, earliestStart: null, latestEnd: null },
        },
        { as: world.honduras },
      );

      expect(data.updateNeed).toEqual({
        ...created,
        beneficiaries: null,
        napReference: null,
        earliestStart: null,
        latestEnd: null,
        updatedAt: data.updateNeed.updatedAt,
      });
      expect(await readNeed(created.id)).toEqual(data.updateNeed);
    });

    it('lets the secretariat update a need of any country', async () => {
      const created = await createNeed(world.guatemala, { countryCode: 'GT' });
      const data = await app.ok(
        UPDATE_NEED,
        { id: created.id, input: { title: 'Reviewed by the secretariat' } },
        { as: world.secretariat },
      );

      expect(data.updateNeed).toEqual({
        ...created,
        title: 'Reviewed by the secretariat',
        updatedAt: data.updateNeed.updatedAt,
      });
    });

    it('refuses null for a required field with BAD_USER_INPUT naming it, and changes nothing', async () => {
      const created = await createNeed(world.honduras);
      const error = await app.fails(
        UPDATE_NEED,
        { id: created.id, input: { title: null, priority: 'LOW' } },
        { as: world.honduras },
      );

      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'title', message: 'title cannot be null' }],
      });
      expect(await readNeed(created.id)).toEqual(created);
    });

    it('does not take countryCode: a need cannot move to another country', async () => {
      const created = await createNeed(world.honduras);
      const error = await app.fails(
        UPDATE_NEED,
        { id: created.id, input: { countryCode: 'GT' } },
        { as: world.honduras },
      );

      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain(
        'Field "countryCode" is not defined by type "UpdateNeedInput"',
      );
      expect(await readNeed(created.id)).toEqual(created);
    });

    it('refuses an unknown working group, naming workingGroupCode', async () => {
      const created = await createNeed(world.honduras);
      const error = await app.fails(
        UPDATE_NEED,
        { id: created.id, input: { workingGroupCode: 'NO_SUCH_GROUP' } },
        { as: world.honduras },
      );

      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'workingGroupCode', message: '"NO_SUCH_GROUP" is not a working group code' },
        ],
      });
      expect(await readNeed(created.id)).toEqual(created);
    });

    it.each([
      ['the Guatemala focal point', 'guatemala'],
      ['a member focal point', 'member'],
      ['an observer', 'observer'],
    ] as const)('refuses with FORBIDDEN an update of a Honduras need by %s', async (_who, role) => {
      const created = await createNeed(world.honduras);
      const before = await app.rowCount('needs');
      const error = await app.fails(
        UPDATE_NEED,
        { id: created.id, input: { title: 'Taken over' } },
        { as: world[role] },
      );

      expect(error.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(await readNeed(created.id)).toEqual(created);
      expect(await app.rowCount('needs')).toBe(before);
    });

    it('answers NOT_FOUND for an unknown need', async () => {
      const error = await app.fails(
        UPDATE_NEED,
        { id: UNKNOWN_ID, input: { title: 'Nothing' } },
        { as: world.secretariat },
      );
      expect(error.extensions).toEqual({ code: 'NOT_FOUND' });
    });
    it('refuses a latestEnd before the earliestStart already recorded, naming latestEnd', async () => {
      const created = await createNeed(world.honduras);
      const error = await app.fails(
        UPDATE_NEED,
        { id: created.id, input: { latestEnd: '2026-02-01T00:00:00.000Z' } },
        { as: world.honduras },
      );

      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'latestEnd', message: 'latestEnd must be after the start of the period' },
        ],
      });
      expect(await readNeed(created.id)).toEqual(created);
    });

    it('answers BAD_USER_INPUT naming id for an id that is not a UUID', async () => {
      const error = await app.fails(
        UPDATE_NEED,
        { id: 'not-an-id', input: { title: 'Nothing' } },
        { as: world.secretariat },
      );
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'id', message: 'id must be an id' }],
      });
    });
  });

  describe('withdrawNeed', () => {
    it('withdraws an open need with the reason given', async () => {
      const created = await createNeed(world.honduras);
      await pause();
      const data = await app.ok(
        WITHDRAW_NEED,
        { id: created.id, reason: '  Covered by the national budget  ' },
        { as: world.honduras },
      );

      expect(data.withdrawNeed).toEqual({
        id: created.id,
        status: 'WITHDRAWN',
        withdrawalReason: 'Covered by the national budget',
        createdAt: created.createdAt,
        updatedAt: data.withdrawNeed.updatedAt,
      });
      expect(Date.parse(data.withdrawNeed.updatedAt)).toBeGreaterThan(
        Date.parse(created.updatedAt),
      );
      expect(await readNeed(created.id)).toEqual({
        ...created,
        status: 'WITHDRAWN',
        updatedAt: data.withdrawNeed.updatedAt,
      });
    });

    it('lets the secretariat withdraw a need without a reason', async () => {
      const created = await createNeed(world.honduras);
      const data = await app.ok(WITHDRAW_NEED, { id: created.id }, { as: world.secretariat });

      expect(data.withdrawNeed).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: null });
    });

    it('refuses a second withdrawal with CONFLICT', async () => {
      const created = await createNeed(world.honduras);
      const first = await app.ok(
        WITHDRAW_NEED,
        { id: created.id, reason: 'No longer needed' },
        { as: world.honduras },
      );
      const error = await app.fails(
        WITHDRAW_NEED,
        { id: created.id, reason: 'Again' },
        { as: world.honduras },
      );

      expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'NEED_NOT_OPEN' });
      expect(error.message).toBe('The need is WITHDRAWN: only an OPEN need can be withdrawn');
      const after = await app.ok(NEED_WITHDRAWAL, { id: created.id }, { as: world.honduras });
      expect(after.need).toEqual(first.withdrawNeed);
    });

    it('lets exactly one of two simultaneous withdrawals win; the other gets CONFLICT', async () => {
      const created = await createNeed(world.honduras);
      const answers = await Promise.all([
        app.gql(WITHDRAW_NEED, { id: created.id, reason: 'First' }, { as: world.honduras }),
        app.gql(WITHDRAW_NEED, { id: created.id, reason: 'Second' }, { as: world.secretariat }),
      ]);

      const codes = answers.map((answer) => answer.errors?.[0]?.extensions.code ?? 'OK');
      expect(codes.sort()).toEqual(['CONFLICT', 'OK']);
      const winner = answers.find((answer) => !answer.errors)!;
      const after = await app.ok(NEED_WITHDRAWAL, { id: created.id }, { as: world.honduras });
      expect(after.need).toEqual(winner.data!.withdrawNeed);
    });

    it('refuses with CONFLICT an update of a withdrawn need, and changes nothing', async () => {
      const created = await createNeed(world.honduras);
      await app.ok(WITHDRAW_NEED, { id: created.id }, { as: world.honduras });
      const withdrawn = await readNeed(created.id);

      const error = await app.fails(
        UPDATE_NEED,
        { id: created.id, input: { title: 'Revived' } },
        { as: world.honduras },
      );

      expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'NEED_NOT_OPEN' });
      expect(error.message).toBe('The need is WITHDRAWN: only an OPEN need can be changed');
      expect(await readNeed(created.id)).toEqual(withdrawn);
    });

    it.each([
      ['the Guatemala focal point', 'guatemala'],
      ['a member focal point', 'member'],
      ['an observer', 'observer'],
    ] as const)('refuses with FORBIDDEN a withdrawal by %s', async (_who, role) => {
      const created = await createNeed(world.honduras);
      const error = await app.fails(WITHDRAW_NEED, { id: created.id }, { as: world[role] });

      expect(error.extensions).toEqual({ code: 'FORBIDDEN' });
      expect(await readNeed(created.id)).toEqual(created);
    });

    it('answers NOT_FOUND for an unknown need', async () => {
      const error = await app.fails(WITHDRAW_NEED, { id: UNKNOWN_ID }, { as: world.secretariat });
      expect(error.extensions).toEqual({ code: 'NOT_FOUND' });
    });
  });

  describe('need', () => {
    it('is readable by every role', async () => {
      const created = await createNeed(world.honduras);
      for (const token of [
        world.secretariat,
        world.member,
        world.otherMember,
        world.honduras,
        world.guatemala,
        world.observer,
      ]) {
        const data = await app.ok(NEED, { id: created.id }, { as: token });
        expect(data.need).toEqual(created);
      }
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      const error = await app.fails(NEED, { id: UNKNOWN_ID }, { as: world.observer });

      expect(error.extensions).toEqual({ code: 'NOT_FOUND' });
      expect(error.message).toBe(`Need ${UNKNOWN_ID} was not found`);
    });

    it('answers BAD_USER_INPUT naming id for an id that is not a UUID', async () => {
      const error = await app.fails(NEED, { id: 'not-an-id' }, { as: world.observer });
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'id', message: 'id must be an id' }],
      });
    });

    it('answers UNAUTHENTICATED without a token', async () => {
      const created = await createNeed(world.honduras);
      const error = await app.fails(NEED, { id: created.id });
      expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('needs', () => {
    it('filters by country', async () => {
      const marker = uniqueMarker();
      await createNeed(world.honduras, { title: `${marker} Honduras one` });
      await createNeed(world.guatemala, { countryCode: 'GT', title: `${marker} Guatemala` });
      await pause();
      await createNeed(world.honduras, { title: `${marker} Honduras two` });

      const page = await listNeeds({ filter: { countryCode: 'HN', search: marker } });
      expect(page.totalCount).toBe(2);
      expect(page.edges.map((edge: any) => edge.node.title)).toEqual([
        `${marker} Honduras two`,
        `${marker} Honduras one`,
      ]);
      expect(await titlesFound({ countryCode: 'GT', search: marker })).toEqual([
        `${marker} Guatemala`,
      ]);
      expect(await titlesFound({ countryCode: 'PA', search: marker })).toEqual([]);
    });

    it('filters by working group', async () => {
      const marker = uniqueMarker();
      await createNeed(world.honduras, { title: `${marker} asylum` });
      await createNeed(world.honduras, {
        title: `${marker} schools`,
        workingGroupCode: 'EDUCATION',
      });

      expect(await titlesFound({ workingGroupCode: 'EDUCATION', search: marker })).toEqual([
        `${marker} schools`,
      ]);
      expect(await titlesFound({ workingGroupCode: 'ASYLUM_SYSTEMS', search: marker })).toEqual([
        `${marker} asylum`,
      ]);
      expect(await titlesFound({ workingGroupCode: 'HEALTH', search: marker })).toEqual([]);
    });

    it('filters by status', async () => {
      const marker = uniqueMarker();
      await createNeed(world.honduras, { title: `${marker} still open` });
      const withdrawn = await createNeed(world.honduras, { title: `${marker} withdrawn` });
      await app.ok(WITHDRAW_NEED, { id: withdrawn.id }, { as: world.honduras });

      expect(await titlesFound({ status: 'OPEN', search: marker })).toEqual([
        `${marker} still open`,
      ]);
      expect(await titlesFound({ status: 'WITHDRAWN', search: marker })).toEqual([
        `${marker} withdrawn`,
      ]);
      expect(await titlesFound({ status: 'FULFILLED', search: marker })).toEqual([]);
    });

    it('combines filters', async () => {
      const marker = uniqueMarker();
      await createNeed(world.honduras, { title: `${marker} HN asylum` });
      await createNeed(world.honduras, {
        title: `${marker} HN schools`,
        workingGroupCode: 'EDUCATION',
      });
      await createNeed(world.guatemala, {
        title: `${marker} GT schools`,
        countryCode: 'GT',
        workingGroupCode: 'EDUCATION',
      });

      const page = await listNeeds({
        filter: {
          countryCode: 'HN',
          workingGroupCode: 'EDUCATION',
          status: 'OPEN',
          search: marker,
        },
      });
      expect(page.totalCount).toBe(1);
      expect(page.edges.map((edge: any) => edge.node.title)).toEqual([`${marker} HN schools`]);
    });

    it('searches title and description ignoring accents and case; every word must match', async () => {
      const marker = uniqueMarker();
      await createNeed(world.honduras, {
        title: `${marker} Capacitación técnica`,
        description: 'Formación para oficiales de elegibilidad',
      });
      await pause();
      await createNeed(world.honduras, {
        title: `${marker} Registro civil`,
        description: 'MODERNIZACIÓN del registro de personas desplazadas',
      });

      expect(await titlesFound({ search: `${marker} capacitacion` })).toEqual([
        `${marker} Capacitación técnica`,
      ]);
      expect(await titlesFound({ search: `CAPACITACIÓN ${marker.toUpperCase()}` })).toEqual([
        `${marker} Capacitación técnica`,
      ]);
      expect(await titlesFound({ search: `${marker}   tecnica   OFICIALES` })).toEqual([
        `${marker} Capacitación técnica`,
      ]);
      expect(await titlesFound({ search: `${marker} modernizacion desplazadas` })).toEqual([
        `${marker} Registro civil`,
      ]);
      expect(await titlesFound({ search: `${marker} capacitacion registro` })).toEqual([]);
      expect(await titlesFound({ search: marker })).toEqual([
        `${marker} Registro civil`,
        `${marker} Capacitación técnica`,
      ]);
    });

    it('takes % and _ in a search literally', async () => {
      const marker = uniqueMarker();
      await createNeed(world.honduras, { title: `${marker} 100% coverage of reception centres` });
      await createNeed(world.honduras, { title: `${marker} 100 new reception centres` });
      await createNeed(world.honduras, { title: `${marker} case_management system` });
      await createNeed(world.honduras, { title: `${marker} case-management system` });

      expect(await titlesFound({ search: `${marker} 100%` })).toEqual([
        `${marker} 100% coverage of reception centres`,
      ]);
      expect(await titlesFound({ search: `${marker} case_management` })).toEqual([
        `${marker} case_management system`,
      ]);
      expect(await titlesFound({ search: `${marker} %` })).toEqual([
        `${marker} 100% coverage of reception centres`,
      ]);
      expect(await titlesFound({ search: `${marker} _` })).toEqual([
        `${marker} case_management system`,
      ]);
    });

    it('finds a need by its new title after an update, not by the old one', async () => {
      const marker = uniqueMarker();
      const created = await createNeed(world.honduras, { title: `${marker} Old wording` });
      await app.ok(
        UPDATE_NEED,
        { id: created.id, input: { title: `${marker} Nueva redacción` } },
        { as: world.honduras },
      );

      expect(await titlesFound({ search: `${marker} old` })).toEqual([]);
      expect(await titlesFound({ search: `${marker} redaccion` })).toEqual([
        `${marker} Nueva redacción`,
      ]);
    });

    it('lists every need, newest first, with the total count', async () => {
      await createNeedsInOrder(['Oldest of the list', 'Newest of the list']);
      const rows = await app.sql<{ id: string }>(
        'SELECT "id" FROM "needs" ORDER BY "createdAt" DESC, "id" DESC',
      );

      const page = await listNeeds({ first: 100 });
      expect(page.totalCount).toBe(rows.length);
      expect(page.edges.map((edge: any) => edge.node.id)).toEqual(
        rows.slice(0, 100).map((row) => row.id),
      );
      expect(page.edges[0].node.title).toBe('Newest of the list');
      expect(page.edges[1].node.title).toBe('Oldest of the list');
    });

    it('is readable by every role', async () => {
      const marker = uniqueMarker();
      const created = await createNeed(world.honduras, { title: `${marker} for everyone` });
      for (const token of [
        world.secretariat,
        world.member,
        world.otherMember,
        world.honduras,
        world.guatemala,
        world.observer,
      ]) {
        const page = await listNeeds({ filter: { search: marker } }, token);
        expect(page.totalCount).toBe(1);
        expect(page.edges.map((edge: any) => edge.node)).toEqual([
          { id: created.id, title: `${marker} for everyone`, status: 'OPEN' },
        ]);
      }
    });

    it('refuses a search longer than 200 characters, naming filter.search', async () => {
      const error = await app.fails(
        NEEDS,
        { filter: { search: 'a'.repeat(201) } },
        { as: world.observer },
      );
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [
          {
            field: 'filter.search',
            message: 'search must be shorter than or equal to 200 characters',
          },
        ],
      });
    });

    it('answers UNAUTHENTICATED without a token', async () => {
      const error = await app.fails(NEEDS, {});
      expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('needs pagination', () => {
    it('walks every page with first/after, without duplicates or gaps', async () => {
      const marker = uniqueMarker();
      const ids = await createNeedsInOrder(
        ['one', 'two', 'three', 'four', 'five', 'six', 'seven'].map((n) => `${marker} ${n}`),
      );
      const newestFirst = [...ids].reverse();
      const filter = { search: marker };

      const first = await listNeeds({ filter, first: 3 });
      expect(first.totalCount).toBe(7);
      expect(first.edges.map((edge: any) => edge.node.id)).toEqual(newestFirst.slice(0, 3));
      expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[2].cursor });

      const second = await listNeeds({ filter, first: 3, after: first.pageInfo.endCursor });
      expect(second.totalCount).toBe(7);
      expect(second.edges.map((edge: any) => edge.node.id)).toEqual(newestFirst.slice(3, 6));
      expect(second.pageInfo).toEqual({ hasNextPage: true, endCursor: second.edges[2].cursor });

      const third = await listNeeds({ filter, first: 3, after: second.pageInfo.endCursor });
      expect(third.totalCount).toBe(7);
      expect(third.edges.map((edge: any) => edge.node.id)).toEqual(newestFirst.slice(6));
      expect(third.pageInfo).toEqual({ hasNextPage: false, endCursor: third.edges[0].cursor });

      const beyond = await listNeeds({ filter, first: 3, after: third.pageInfo.endCursor });
      expect(beyond).toEqual({
        totalCount: 7,
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
      });
    });

    it('ends on hasNextPage false when the last page is exactly full', async () => {
      const marker = uniqueMarker();
      const ids = await createNeedsInOrder([
        `${marker} a`,
        `${marker} b`,
        `${marker} c`,
        `${marker} d`,
      ]);
      const filter = { search: marker };

      const first = await listNeeds({ filter, first: 2 });
      const second = await listNeeds({ filter, first: 2, after: first.pageInfo.endCursor });
      expect(second.edges.map((edge: any) => edge.node.id)).toEqual([ids[1], ids[0]]);
      expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[1].cursor });
    });

    it('pages without gaps through needs created in the same instant', async () => {
      const marker = uniqueMarker();
      const ids = await createNeedsInOrder(
        ['a', 'b', 'c', 'd', 'e'].map((letter) => `${marker} ${letter}`),
      );
      await app.sql(
        'UPDATE "needs" SET "createdAt" = (SELECT "createdAt" FROM "needs" WHERE "id" = :first) WHERE "id" IN (:...ids)',
        { first: ids[0], ids },
      );

      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page = await listNeeds({ filter: { search: marker }, first: 2, after });
        seen.push(...page.edges.map((edge: any) => edge.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages += 1;
      } while (after);

      expect(pages).toBe(3);
      expect(seen).toEqual([...ids].sort().reverse());
    });

    it('gives 20 needs when first is not given', async () => {
      const marker = uniqueMarker();
      for (let index = 0; index < 21; index += 1) {
        await createNeed(world.secretariat, { title: `${marker} ${index}` });
      }

      const page = await listNeeds({ filter: { search: marker } });
      expect(page.totalCount).toBe(21);
      expect(page.edges).toHaveLength(20);
      expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.edges[19].cursor });
    });

    it.each(['garbage', Buffer.from('v1:yesterday|someone').toString('base64url')])(
      'refuses an after cursor it did not give (%s) with BAD_USER_INPUT naming after',
      async (after) => {
        const error = await app.fails(NEEDS, { first: 5, after }, { as: world.observer });
        expect(error.extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'after', message: 'is not a cursor this list returned' }],
        });
      },
    );

    it.each([
      [0, 'first must not be less than 1'],
      [101, 'first must not be greater than 100'],
      [-5, 'first must not be less than 1'],
    ])('refuses first: %d with BAD_USER_INPUT naming first', async (first, message) => {
      const error = await app.fails(NEEDS, { first }, { as: world.observer });
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'first', message }],
      });
    });

    it('accepts first: 100', async () => {
      const page = await listNeeds({ first: 100 });
      expect(page.edges.length).toBe(Math.min(100, page.totalCount));
    });
  });
});
