import { aNeed, anOffer, buildWorld, createUser, World } from '../support/builders';
import { GraphQLErrorShape, startTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { token }
}`;
const ME = '{ me { email } }';
const CHANGE_PASSWORD = `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { token }
}`;
const ME_LOCALE = 'mutation { updateMyProfile(input: { locale: ES }) { locale } }';
const SUGGESTED_OFFERS = `query ($needId: ID!) {
  suggestedOffers(needId: $needId) { offer { id } reasons { factor detail } }
}`;

function answer(error: GraphQLErrorShape) {
  return { code: error.extensions.code, message: error.message };
}

/**
 * Spanish and English (issue 12) in the answers of accounts and in the reasons of
 * matching suggestions: the signed-in user's locale, else Accept-Language, else Spanish.
 */
describe('the language of accounts and of matching reasons', () => {
  let app: TestApp;
  let world: World;
  let accounts = 0;

  async function anAccount(): Promise<{ email: string; token: string }> {
    accounts += 1;
    const email = `languages-${accounts}@mirps.test`;
    await createUser(app, world.secretariat, { email, role: 'OBSERVER' });
    return { email, token: await app.login(email) };
  }

  beforeAll(async () => {
    app = await startTestApp({
      env: {
        LOGIN_FAILURES_PER_ACCOUNT: '3',
        LOGIN_WINDOW_SECONDS: '900',
        AUTH_FAILURES_PER_ADDRESS: '3',
        TRUST_PROXY_HOPS: '1',
      },
    });
    world = await buildWorld(app);
  });
  afterAll(() => app.close());

  it('tells an anonymous caller of a failed login in the language it asks for', async () => {
    const { email } = await anAccount();
    const wrong = { email, password: 'not-the-password-at-all' };
    expect(answer(await app.fails(LOGIN, wrong, { headers: { 'accept-language': 'es' } }))).toEqual(
      { code: 'UNAUTHENTICATED', message: 'Correo electrónico o contraseña incorrectos' },
    );
    expect(answer(await app.fails(LOGIN, wrong, { headers: { 'accept-language': 'en' } }))).toEqual(
      { code: 'UNAUTHENTICATED', message: 'Wrong e-mail or password' },
    );
  });

  it('refuses a revoked token in Spanish or English', async () => {
    const { email, token } = await anAccount();
    const other = await app.login(email);
    await app.ok(
      CHANGE_PASSWORD,
      { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' },
      { as: other },
    );
    expect(
      answer(await app.fails(ME, {}, { as: token, headers: { 'accept-language': 'es' } })),
    ).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Este token ha sido revocado: inicie sesión de nuevo',
    });
    expect(answer(await app.fails(ME, {}, { as: token }))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'This token has been revoked: sign in again',
    });
    expect(
      answer(await app.fails(ME, {}, { as: 'not-a-token', headers: { 'accept-language': 'es' } })),
    ).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'El token no es válido o ha caducado: inicie sesión de nuevo',
    });
  });

  it('says how many minutes a locked account waits, in Spanish', async () => {
    const { email } = await anAccount();
    const headers = { 'accept-language': 'es', 'x-forwarded-for': '10.20.0.1' };
    const wrong = { email, password: 'not-the-password-at-all' };
    for (let failure = 0; failure < 3; failure += 1) {
      expect((await app.fails(LOGIN, wrong, { headers })).extensions.code).toBe('UNAUTHENTICATED');
    }
    expect(answer(await app.fails(LOGIN, { email, password: TEST_PASSWORD }, { headers }))).toEqual(
      {
        code: 'TOO_MANY_REQUESTS',
        message:
          'Demasiados intentos fallidos de inicio de sesión en esta cuenta desde su dirección: vuelva a intentarlo dentro de 15 minutos',
      },
    );
    expect(
      answer(
        await app.fails(
          LOGIN,
          { email, password: TEST_PASSWORD },
          { headers: { ...headers, 'accept-language': 'en' } },
        ),
      ),
    ).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many failed logins for this account from your address: try again in 15 minutes',
    });
  });

  it('says how many minutes an address without a valid token waits, in Spanish', async () => {
    const headers = { 'accept-language': 'es', 'x-forwarded-for': '10.20.0.2' };
    for (let refusal = 0; refusal < 3; refusal += 1) {
      await app.fails(ME, {}, { as: 'garbage', headers });
    }
    expect(answer(await app.fails(ME, {}, { as: 'garbage', headers }))).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message:
        'Demasiadas solicitudes sin un token válido desde su dirección: inicie sesión de nuevo dentro de 15 minutos',
    });
  });

  it("reads a suggestion's reasons in the user's language", async () => {
    const need = await app.ok(
      'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
      { input: aNeed() },
      { as: world.honduras },
    );
    const offer = await app.ok(
      'mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }',
      { input: anOffer(world.organizationId) },
      { as: world.secretariat },
    );
    const reasons = async (as: string) => {
      const data = await app.ok(SUGGESTED_OFFERS, { needId: need.createNeed.id }, { as });
      const [pair] = data.suggestedOffers as {
        offer: { id: string };
        reasons: { factor: string; detail: string }[];
      }[];
      expect(pair.offer.id).toBe(offer.createOffer.id);
      return pair.reasons.map((reason) => reason.detail);
    };
    const shared = /^[a-z]+(, [a-z]+)*$/;

    // The suite's users read English (their locale), whatever the client asks for.
    const english = await reasons(world.honduras);
    expect(english).toEqual([
      'serves the working group Strengthening asylum systems only',
      'offers training, the need asks training',
      'speaks Spanish',
      "available for 100% of the need's window of 274 days",
      'names Honduras among the states it serves',
      expect.stringMatching(/^shared terms: /),
      '5 of 5 places left',
      'no twinning of its organization rated by the countries yet: neutral',
    ]);
    const terms = english[5].slice('shared terms: '.length);
    expect(terms).toMatch(shared);

    await app.ok(ME_LOCALE, {}, { as: world.honduras });
    expect(await reasons(world.honduras)).toEqual([
      'atiende solo el grupo de trabajo Fortalecimiento de los sistemas de asilo',
      'ofrece capacitación; la necesidad pide capacitación',
      'habla español',
      'disponible durante el 100% del periodo de 274 días de la necesidad',
      'incluye a Honduras entre los Estados que atiende',
      `términos en común: ${terms}`,
      'cupos disponibles: 5 de 5',
      'aún no hay hermanamientos de su organización valorados por los países: neutral',
    ]);
    // Another user, in English, reads the same pair in English.
    expect(await reasons(world.observer)).toEqual(english);
  });
});
