import { Locale } from '../../src/common/locale';
import { msg } from '../../src/i18n/catalogs';
import { translate } from '../../src/i18n/translate';
import { aNeed, anOffer, buildWorld, CREATE_NEED, CREATE_OFFER, World } from '../support/builders';
import { inBothLanguages } from '../support/languages';
import { startTestApp, TestApp } from '../support/test-app';

const UPDATE_NEED =
  'mutation ($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id } }';
const WITHDRAW_NEED = 'mutation ($id: ID!) { withdrawNeed(id: $id) { id } }';
const UPDATE_OFFER =
  'mutation ($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }';
const WITHDRAW_OFFER = 'mutation ($id: ID!) { withdrawOffer(id: $id) { id } }';
const CREATE_WORKING_GROUP =
  'mutation ($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { code } }';
const CREATE_ORGANIZATION =
  'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }';
const COVERAGE = 'query ($code: String) { coverageReport(workingGroupCode: $code) { needs } }';
const AUDIT_LOG = 'query ($filter: AuditFilter) { auditLog(filter: $filter) { edges { cursor } } }';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The messages of the needs, offers, reference, organizations, reports and audit modules
 * (issue 12): the same refusal read by a user whose locale is Spanish, then English, whatever
 * Accept-Language says; the code and reason stay the same.
 */
describe('the modules’ messages in Spanish and English', () => {
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
  });
  afterAll(() => app.close());

  describe('needs', () => {
    let needId: string;

    beforeAll(async () => {
      const data = await app.ok<{ createNeed: { id: string } }>(
        CREATE_NEED,
        { input: aNeed({ title: 'Closed one' }) },
        { as: world.honduras },
      );
      needId = data.createNeed.id;
      await app.ok(WITHDRAW_NEED, { id: needId }, { as: world.honduras });
    });

    it('refuses to withdraw or change a need that is not OPEN', async () => {
      expect(await inBothLanguages(app, world.honduras, WITHDRAW_NEED, { id: needId })).toEqual({
        es: {
          code: 'CONFLICT',
          reason: 'NEED_NOT_OPEN',
          message: 'La necesidad está WITHDRAWN: solo una necesidad OPEN puede retirarse',
        },
        en: {
          code: 'CONFLICT',
          reason: 'NEED_NOT_OPEN',
          message: 'The need is WITHDRAWN: only an OPEN need can be withdrawn',
        },
      });
      const change = { id: needId, input: { title: 'Revived' } };
      expect(await inBothLanguages(app, world.honduras, UPDATE_NEED, change)).toEqual({
        es: {
          code: 'CONFLICT',
          reason: 'NEED_NOT_OPEN',
          message: 'La necesidad está WITHDRAWN: solo una necesidad OPEN puede modificarse',
        },
        en: {
          code: 'CONFLICT',
          reason: 'NEED_NOT_OPEN',
          message: 'The need is WITHDRAWN: only an OPEN need can be changed',
        },
      });
    });

    it("refuses another country's focal point", async () => {
      expect(await inBothLanguages(app, world.guatemala, WITHDRAW_NEED, { id: needId })).toEqual({
        es: {
          code: 'FORBIDDEN',
          message: 'Solo la secretaría o un punto focal de HN puede gestionar sus necesidades',
        },
        en: {
          code: 'FORBIDDEN',
          message: 'Only the secretariat or a focal point of HN may manage its needs',
        },
      });
    });

    it('names the rules of its codes', async () => {
      const input = aNeed({ countryCode: 'hn', workingGroupCode: 'asylum systems' });
      expect(await inBothLanguages(app, world.honduras, CREATE_NEED, { input })).toEqual({
        es: {
          code: 'BAD_USER_INPUT',
          message:
            'Datos no válidos: countryCode: countryCode debe ser un código ISO 3166-1 alfa-2 en mayúsculas; workingGroupCode: workingGroupCode debe ser un código de grupo de trabajo',
          fields: [
            {
              field: 'countryCode',
              message: 'countryCode debe ser un código ISO 3166-1 alfa-2 en mayúsculas',
            },
            {
              field: 'workingGroupCode',
              message: 'workingGroupCode debe ser un código de grupo de trabajo',
            },
          ],
        },
        en: {
          code: 'BAD_USER_INPUT',
          message:
            'Invalid input: countryCode: countryCode must be an upper-case ISO 3166-1 alpha-2 code; workingGroupCode: workingGroupCode must be a working group code',
          fields: [
            {
              field: 'countryCode',
              message: 'countryCode must be an upper-case ISO 3166-1 alpha-2 code',
            },
            { field: 'workingGroupCode', message: 'workingGroupCode must be a working group code' },
          ],
        },
      });
    });
  });

  it('asks to cancel the twinning of a need in one, in both languages', () => {
    const inTwinning = msg('needs.notOpenInTwinning', {
      status: 'IN_TWINNING',
      action: msg('needs.actionWithdrawn'),
    });
    expect(translate(Locale.EN, inTwinning)).toBe(
      'The need is IN_TWINNING: only an OPEN need can be withdrawn (cancel its twinning first)',
    );
    expect(translate(Locale.ES, inTwinning)).toBe(
      'La necesidad está IN_TWINNING: solo una necesidad OPEN puede retirarse (cancele primero su hermanamiento)',
    );
  });

  describe('offers', () => {
    let offerId: string;

    beforeAll(async () => {
      const data = await app.ok<{ createOffer: { id: string } }>(
        CREATE_OFFER,
        { input: anOffer(world.organizationId) },
        { as: world.member },
      );
      offerId = data.createOffer.id;
      await app.ok(WITHDRAW_OFFER, { id: offerId }, { as: world.member });
    });

    it('refuses to withdraw or change a withdrawn offer', async () => {
      expect(await inBothLanguages(app, world.member, WITHDRAW_OFFER, { id: offerId })).toEqual({
        es: {
          code: 'CONFLICT',
          reason: 'OFFER_NOT_OPEN',
          message: 'La oferta está WITHDRAWN: no puede retirarse',
        },
        en: {
          code: 'CONFLICT',
          reason: 'OFFER_NOT_OPEN',
          message: 'The offer is WITHDRAWN: it cannot be withdrawn',
        },
      });
      const change = { id: offerId, input: { capacity: 2 } };
      expect(await inBothLanguages(app, world.member, UPDATE_OFFER, change)).toMatchObject({
        es: { message: 'La oferta está WITHDRAWN: no puede modificarse' },
        en: { message: 'The offer is WITHDRAWN: it cannot be changed' },
      });
    });

    it("refuses another organization's focal point", async () => {
      expect(
        await inBothLanguages(app, world.otherMember, WITHDRAW_OFFER, { id: offerId }),
      ).toEqual({
        es: {
          code: 'FORBIDDEN',
          message:
            'Solo la secretaría o un punto focal de la organización de la oferta puede gestionar sus ofertas',
        },
        en: {
          code: 'FORBIDDEN',
          message:
            "Only the secretariat or a focal point of the offer's organization may manage its offers",
        },
      });
    });

    it('names the rules of its lists of codes, and an unknown organization', async () => {
      const input = anOffer(world.organizationId, {
        workingGroupCodes: ['asylum'],
        eligibleCountryCodes: ['hn'],
      });
      const { es, en } = await inBothLanguages(app, world.member, CREATE_OFFER, { input });
      expect(es.fields).toEqual([
        {
          field: 'workingGroupCodes',
          message: 'workingGroupCodes debe contener códigos de grupo de trabajo',
        },
        {
          field: 'eligibleCountryCodes',
          message: 'eligibleCountryCodes debe contener códigos ISO 3166-1 alfa-2',
        },
      ]);
      expect(en.fields).toEqual([
        { field: 'workingGroupCodes', message: 'workingGroupCodes must hold working group codes' },
        {
          field: 'eligibleCountryCodes',
          message: 'eligibleCountryCodes must hold ISO 3166-1 alpha-2 codes',
        },
      ]);

      const unknown = anOffer(UNKNOWN_ID);
      expect(
        await inBothLanguages(app, world.secretariat, CREATE_OFFER, { input: unknown }),
      ).toEqual({
        es: {
          code: 'BAD_USER_INPUT',
          message: `Datos no válidos: organizationId: ninguna organización tiene el identificador "${UNKNOWN_ID}"`,
          fields: [
            {
              field: 'organizationId',
              message: `ninguna organización tiene el identificador "${UNKNOWN_ID}"`,
            },
          ],
        },
        en: {
          code: 'BAD_USER_INPUT',
          message: `Invalid input: organizationId: no organization has the id "${UNKNOWN_ID}"`,
          fields: [
            { field: 'organizationId', message: `no organization has the id "${UNKNOWN_ID}"` },
          ],
        },
      });
    });

    it('says in both languages what capacity is left (one need, several needs)', () => {
      const one = msg('offers.capacityExhausted', { remaining: 0, capacity: 1, count: 1 });
      const two = msg('offers.capacityExhausted', { remaining: 1, capacity: 3, count: 2 });
      expect(translate(Locale.EN, one)).toBe(
        'The offer has 0 of its capacity of 1 left: not enough for 1 need',
      );
      expect(translate(Locale.EN, two)).toBe(
        'The offer has 1 of its capacity of 3 left: not enough for 2 needs',
      );
      expect(translate(Locale.ES, one)).toBe(
        'La capacidad disponible de la oferta es 0 de 1: no alcanza para 1 necesidad',
      );
      expect(translate(Locale.ES, two)).toBe(
        'La capacidad disponible de la oferta es 1 de 3: no alcanza para 2 necesidades',
      );
    });
  });

  describe('reference data', () => {
    it('refuses a working group code that exists, or is malformed', async () => {
      const input = { code: 'HEALTH', nameEn: 'Health again', nameEs: 'Salud otra vez' };
      expect(
        await inBothLanguages(app, world.secretariat, CREATE_WORKING_GROUP, { input }),
      ).toEqual({
        es: {
          code: 'CONFLICT',
          reason: 'DUPLICATE',
          message: 'El grupo de trabajo HEALTH ya existe',
        },
        en: {
          code: 'CONFLICT',
          reason: 'DUPLICATE',
          message: 'Working group HEALTH already exists',
        },
      });
      const malformed = { code: 'health-2', nameEn: 'Health', nameEs: 'Salud' };
      expect(
        await inBothLanguages(app, world.secretariat, CREATE_WORKING_GROUP, { input: malformed }),
      ).toMatchObject({
        es: {
          fields: [
            {
              field: 'code',
              message: 'code debe tener de 2 a 40 letras mayúsculas, dígitos o guiones bajos',
            },
          ],
        },
        en: {
          fields: [
            {
              field: 'code',
              message: 'code must be 2 to 40 upper-case letters, digits or underscores',
            },
          ],
        },
      });
    });

    it('names unknown working groups, and countries that are not MIRPS states', async () => {
      const input = aNeed({ countryCode: 'CA', workingGroupCode: 'NO_SUCH_GROUP' });
      expect(await inBothLanguages(app, world.secretariat, CREATE_NEED, { input })).toEqual({
        es: {
          code: 'BAD_USER_INPUT',
          message:
            'Datos no válidos: countryCode: "CA" no es un Estado del MIRPS; workingGroupCode: "NO_SUCH_GROUP" no es un código de grupo de trabajo',
          fields: [
            { field: 'countryCode', message: '"CA" no es un Estado del MIRPS' },
            {
              field: 'workingGroupCode',
              message: '"NO_SUCH_GROUP" no es un código de grupo de trabajo',
            },
          ],
        },
        en: {
          code: 'BAD_USER_INPUT',
          message:
            'Invalid input: countryCode: "CA" is not a MIRPS state; workingGroupCode: "NO_SUCH_GROUP" is not a working group code',
          fields: [
            { field: 'countryCode', message: '"CA" is not a MIRPS state' },
            { field: 'workingGroupCode', message: '"NO_SUCH_GROUP" is not a working group code' },
          ],
        },
      });
    });

    it('names codes that are no country', async () => {
      const input = { name: 'Somewhere Institute', kind: 'STATE', countryCode: 'XX' };
      expect(
        await inBothLanguages(app, world.secretariat, CREATE_ORGANIZATION, { input }),
      ).toMatchObject({
        es: {
          fields: [
            { field: 'countryCode', message: '"XX" no es un código de país ISO 3166-1 alfa-2' },
          ],
        },
        en: {
          fields: [
            { field: 'countryCode', message: '"XX" is not an ISO 3166-1 alpha-2 country code' },
          ],
        },
      });
    });
  });

  describe('organizations', () => {
    it('refuses a name that exists', async () => {
      const input = { name: 'world bank  GROUP', kind: 'STATE' };
      expect(await inBothLanguages(app, world.secretariat, CREATE_ORGANIZATION, { input })).toEqual(
        {
          es: {
            code: 'CONFLICT',
            reason: 'DUPLICATE',
            message: 'Ya existe una organización llamada "world bank GROUP"',
          },
          en: {
            code: 'CONFLICT',
            reason: 'DUPLICATE',
            message: 'An organization named "world bank GROUP" already exists',
          },
        },
      );
    });
  });

  describe('reports', () => {
    it('names a malformed working group code', async () => {
      expect(
        await inBothLanguages(app, world.honduras, COVERAGE, { code: 'asylum systems' }),
      ).toMatchObject({
        es: {
          code: 'BAD_USER_INPUT',
          fields: [
            {
              field: 'workingGroupCode',
              message: 'workingGroupCode debe ser un código de grupo de trabajo',
            },
          ],
        },
        en: {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'workingGroupCode', message: 'workingGroupCode must be a working group code' },
          ],
        },
      });
    });
  });

  describe('audit', () => {
    it('names a malformed target or user', async () => {
      const filter = { targetId: 'not an id', userId: 'nobody' };
      const { es, en } = await inBothLanguages(app, world.secretariat, AUDIT_LOG, { filter });
      expect(es.fields).toEqual(
        expect.arrayContaining([
          { field: 'filter.userId', message: 'userId debe ser un identificador' },
          {
            field: 'filter.targetId',
            message: 'targetId debe ser un identificador o un código de grupo de trabajo',
          },
        ]),
      );
      expect(en.fields).toEqual(
        expect.arrayContaining([
          { field: 'filter.userId', message: 'userId must be an id' },
          { field: 'filter.targetId', message: 'targetId must be an id or a working group code' },
        ]),
      );
    });
  });
});
