import { aNeed, buildWorld, CREATE_NEED, World } from '../support/builders';
import { inBothLanguages, ME_LOCALE, refusalOf } from '../support/languages';
import { startTestApp, TestApp } from '../support/test-app';

const NEED = 'query ($id: ID!) { need(id: $id) { id } }';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const UPDATE_NEED =
  'mutation ($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id } }';
const NEEDS_AFTER = 'query ($after: String) { needs(first: 5, after: $after) { totalCount } }';

/**
 * Spanish and English (issue 12): every message a person reads is in the signed-in user's
 * language, else the one Accept-Language asks for, else Spanish; `extensions.code` (and
 * `reason`) never change.
 */
describe('the language of answers', () => {
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app);
  });
  afterAll(() => app.close());

  /** The first error of a call, asking for `language` (nothing when absent). */
  async function refusal(
    query: string,
    variables: Record<string, unknown>,
    options: { as?: string; language?: string },
  ) {
    const body = await app.gql(query, variables, {
      as: options.as,
      // The suite's client asks for English unless told: '' sends no preference at all.
      headers: { 'accept-language': options.language ?? '' },
    });
    return refusalOf(body);
  }

  it('is Spanish for an anonymous caller who asks for nothing, English when asked', async () => {
    expect(await refusal(CREATE_NEED, { input: aNeed() }, {})).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Inicie sesión primero: envíe Authorization: Bearer <token>',
    });
    expect(await refusal(CREATE_NEED, { input: aNeed() }, { language: 'en-GB,en;q=0.8' })).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Sign in first: send Authorization: Bearer <token>',
    });
    expect(
      await refusal(CREATE_NEED, { input: aNeed() }, { language: 'fr, es;q=0.5' }),
    ).toMatchObject({
      message: 'Inicie sesión primero: envíe Authorization: Bearer <token>',
    });
  });

  describe("follows the signed-in user's locale over Accept-Language", () => {
    beforeAll(async () => {
      await app.ok(ME_LOCALE, { locale: 'ES' }, { as: world.honduras });
    });

    it('in the rules of input, naming each field', async () => {
      expect(
        await refusal(
          CREATE_NEED,
          { input: aNeed({ title: ' \u200b ', beneficiaries: -1, languages: ['es', 'es'] }) },
          { as: world.honduras, language: 'en' },
        ),
      ).toEqual({
        code: 'BAD_USER_INPUT',
        message:
          'Datos no válidos: title: title no puede estar en blanco; languages: languages no puede repetir elementos; beneficiaries: beneficiaries no puede ser menor que 1',
        fields: [
          { field: 'title', message: 'title no puede estar en blanco' },
          { field: 'languages', message: 'languages no puede repetir elementos' },
          { field: 'beneficiaries', message: 'beneficiaries no puede ser menor que 1' },
        ],
      });
    });

    it('in the rules of dates (found before the operation runs: by Accept-Language)', async () => {
      const earliestStart = '2101-01-01T00:00:00Z';
      for (const [language, message] of [
        ['es', 'debe estar entre el 1990-01-01 y el 2100-12-31'],
        ['en', 'must fall between 1990-01-01 and 2100-12-31'],
      ]) {
        expect(
          await refusal(
            CREATE_NEED,
            { input: aNeed({ earliestStart }) },
            { as: world.honduras, language },
          ),
        ).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'input.earliestStart', message }],
        });
      }
    });

    it('in NOT_FOUND and FORBIDDEN', async () => {
      expect(await refusal(NEED, { id: UNKNOWN_ID }, { as: world.honduras })).toEqual({
        code: 'NOT_FOUND',
        message: `No se encontró la necesidad ${UNKNOWN_ID}`,
      });
      await app.ok(ME_LOCALE, { locale: 'ES' }, { as: world.observer });
      expect(await refusal(CREATE_NEED, { input: aNeed() }, { as: world.observer })).toEqual({
        code: 'FORBIDDEN',
        message: 'Solo SECRETARIAT o COUNTRY_FOCAL_POINT puede hacer esto',
      });
    });

    it('in a malformed id, as an argument of its own and beside an input', async () => {
      for (const [query, variables] of [
        [NEED, { id: 'need-1' }],
        [UPDATE_NEED, { id: 'need-1', input: { title: 'Otro título' } }],
      ] as const) {
        expect(await inBothLanguages(app, world.honduras, query, variables)).toEqual({
          es: {
            code: 'BAD_USER_INPUT',
            message: 'Datos no válidos: id: id debe ser un identificador',
            fields: [{ field: 'id', message: 'id debe ser un identificador' }],
          },
          en: {
            code: 'BAD_USER_INPUT',
            message: 'Invalid input: id: id must be an id',
            fields: [{ field: 'id', message: 'id must be an id' }],
          },
        });
      }
    });

    it('in a cursor that no list returned', async () => {
      expect(
        await inBothLanguages(app, world.honduras, NEEDS_AFTER, { after: 'not-a-cursor' }),
      ).toEqual({
        es: {
          code: 'BAD_USER_INPUT',
          message: 'Datos no válidos: after: no es un cursor que esta lista haya devuelto',
          fields: [{ field: 'after', message: 'no es un cursor que esta lista haya devuelto' }],
        },
        en: {
          code: 'BAD_USER_INPUT',
          message: 'Invalid input: after: is not a cursor this list returned',
          fields: [{ field: 'after', message: 'is not a cursor this list returned' }],
        },
      });
    });

    it('and back in English when the user chooses it', async () => {
      await app.ok(ME_LOCALE, { locale: 'EN' }, { as: world.honduras });
      expect(
        await refusal(NEED, { id: UNKNOWN_ID }, { as: world.honduras, language: 'es' }),
      ).toEqual({ code: 'NOT_FOUND', message: `Need ${UNKNOWN_ID} was not found` });
    });
  });
});
