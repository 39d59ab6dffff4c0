import { createHash, randomBytes } from 'node:crypto';
import { AccountLinksService } from '../../src/accounts/account-links.service';
import { AccountToken } from '../../src/accounts/account-token.entity';
import { createUser } from '../support/builders';
import { refusalOf } from '../support/languages';
import { MailSink, ReceivedMail, startMailSink } from '../support/mail-sink';
import {
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
} from '../support/test-app';

/**
 * Password resets (issue 12): `requestPasswordReset` always answers true and never tells
 * whether the e-mail has an account; a known, active account gets one e-mail (through a
 * real SMTP server) with a link valid one hour, once, that signs it out everywhere and in
 * with the new password. Requests are limited per client address (TOO_MANY_REQUESTS) and
 * per e-mail (silently: no more e-mails).
 */
const PUBLIC_URL = 'https://twinning.mirps.test';
const REQUEST = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
const RESET = `mutation ($token: String!, $password: String!) {
  resetPassword(token: $token, password: $password) { token user { email } }
}`;
const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const ME = '{ me { email } }';
const INVITE = `mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id } }`;
const SET_ACTIVE = `mutation ($userId: ID!, $active: Boolean!) {
  setUserActive(userId: $userId, active: $active) { id }
}`;
const CHANGE_PASSWORD = `mutation ($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { token }
}`;
const NEW_PASSWORD = 'a-new-password-after-reset';
const RESET_LINK_INVALID =
  'This password reset link does not work: it has expired (after one hour), has been used, or a newer one replaced it. Ask for a new one';

/** The token of the one link a reset e-mail carries, checked to be under PUBLIC_URL. */
function resetToken(mail: ReceivedMail): string {
  const links = [...mail.text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]);
  expect(links).toHaveLength(1);
  const link = new URL(links[0]);
  expect(`${link.origin}${link.pathname}`).toBe(`${PUBLIC_URL}/reset-password`);
  const token = link.searchParams.get('token') ?? '';
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return token;
}

/** A client address of its own for each test: the per-address limit counts by it. */
let addresses = 0;
function anAddress(): { 'x-forwarded-for': string } {
  addresses += 1;
  return { 'x-forwarded-for': `203.0.113.${addresses}` };
}

describe('password reset', () => {
  let sink: MailSink;
  let app: TestApp;
  let secretariat: string;
  let accounts = 0;

  beforeAll(async () => {
    sink = await startMailSink();
    app = await startTestApp({
      env: {
        SMTP_URL: sink.url,
        MAIL_POLL_MS: '50',
        PUBLIC_URL,
        TRUST_PROXY_HOPS: '1',
        PASSWORD_RESETS_PER_ADDRESS: '4',
        PASSWORD_RESETS_PER_EMAIL: '2',
      },
    });
    secretariat = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await sink.close();
  });

  async function anAccount(locale = 'EN'): Promise<{ id: string; email: string }> {
    accounts += 1;
    const email = `reset-${accounts}@mirps.test`;
    const id = await createUser(app, secretariat, { email, role: 'OBSERVER', locale });
    return { id, email };
  }

  /** Asks for a reset of `email` and waits until the work after the answer is done. */
  async function requestReset(
    email: string,
    address = anAddress(),
  ): Promise<ReturnType<typeof refusalOf> | true> {
    const body = await app.gql(REQUEST, { email }, { headers: address });
    await app.app.get(AccountLinksService).idle();
    if (body.errors) return refusalOf(body);
    return body.data!.requestPasswordReset as true;
  }

  async function outboxRowsTo(email: string): Promise<number> {
    const rows = await app.sql<{ count: number | string }>(
      `SELECT COUNT(*) AS count FROM "outbox_mails" WHERE "recipient" = :email`,
      { email },
    );
    return Number(rows[0].count);
  }

  it('answers true for an unknown e-mail and sends nothing', async () => {
    const email = 'nobody-here@mirps.test';
    expect(await requestReset(email)).toBe(true);
    expect(await outboxRowsTo(email)).toBe(0);
  });

  it('e-mails one link, in the account’s language; it signs in once, and signs out every session', async () => {
    const { email } = await anAccount('ES');
    const before = await app.login(email);

    expect(await requestReset(email)).toBe(true);
    const mail = await sink.waitForMail((received) => received.to === email);
    const token = resetToken(mail);
    expect({ subject: mail.subject, htmlLang: mail.htmlLang }).toEqual({
      subject: 'Elija una contraseña nueva',
      htmlLang: 'es',
    });
    expect(mail.text.trim()).toBe(
      [
        'Hola:',
        `Alguien, probablemente usted, pidió una contraseña nueva para su cuenta (${email}) en el servicio de hermanamientos del MIRPS.`,
        'Elija una contraseña nueva con el enlace de abajo. El enlace sirve una sola vez, durante una hora; al usarlo se cierra su sesión en todos sus dispositivos.',
        'Si usted no lo pidió, ignore este correo: su contraseña no cambia.',
        `Elegir una contraseña nueva:\n${PUBLIC_URL}/reset-password?token=${token}`,
        '-- \nPlataforma de Apoyo del MIRPS – servicio de hermanamientos\nRecibe este correo porque tiene una cuenta en el servicio de hermanamientos del MIRPS.',
      ].join('\n\n'),
    );
    // Until the link is used, nothing changes.
    await app.ok(ME, {}, { as: before });

    const reset = (await app.ok(RESET, { token, password: NEW_PASSWORD })).resetPassword;
    expect(reset.user).toEqual({ email });
    expect(await app.ok(ME, {}, { as: reset.token })).toEqual({ me: { email } });
    expect(refusalOf(await app.gql(ME, {}, { as: before }))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'This token has been revoked: sign in again',
    });
    expect(refusalOf(await app.gql(LOGIN, { e: email, p: TEST_PASSWORD })).code).toBe(
      'UNAUTHENTICATED',
    );
    await app.login(email, NEW_PASSWORD);

    // Once only, refused in the reader's language, changing nothing.
    const again = { token, password: 'yet-another-password' };
    expect(refusalOf(await app.gql(RESET, again))).toEqual({
      code: 'BAD_USER_INPUT',
      message: expect.any(String),
      fields: [{ field: 'token', message: RESET_LINK_INVALID }],
    });
    expect(
      refusalOf(await app.gql(RESET, again, { headers: { 'accept-language': 'es' } })).fields,
    ).toEqual([
      {
        field: 'token',
        message:
          'Este enlace para elegir una contraseña nueva no funciona: venció (a la hora), ya se usó o uno más reciente lo reemplazó. Pida uno nuevo',
      },
    ]);
    await app.login(email, NEW_PASSWORD);
    expect(sink.to(email)).toHaveLength(1);
    expect(await outboxRowsTo(email)).toBe(1);
  });

  it('stores only the SHA-256 of the link, which works exactly one hour from the request', async () => {
    const { id, email } = await anAccount();
    const before = Date.now();
    await requestReset(email);
    const after = Date.now();
    const token = resetToken(await sink.waitForMail((mail) => mail.to === email));

    const stored = await app.dataSource.getRepository(AccountToken).findBy({ userId: id });
    expect(stored).toHaveLength(1);
    const [row] = stored;
    expect(row.purpose).toBe('PASSWORD_RESET');
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.usedAt).toBeNull();
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.createdAt.getTime()).toBeLessThanOrEqual(after);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(60 * 60 * 1000);
    // The link itself is nowhere in the table.
    const raw = await app.sql('SELECT * FROM "account_tokens" WHERE "userId" = :id', { id });
    expect(JSON.stringify(raw)).not.toContain(token);
  });

  it('lets a link expire after one hour', async () => {
    const { id, email } = await anAccount();
    await requestReset(email);
    const token = resetToken(await sink.waitForMail((mail) => mail.to === email));
    await app.sql(`UPDATE "account_tokens" SET "expiresAt" = :past WHERE "userId" = :id`, {
      id,
      past: new Date(Date.now() - 1000),
    });
    expect(refusalOf(await app.gql(RESET, { token, password: NEW_PASSWORD })).fields).toEqual([
      { field: 'token', message: RESET_LINK_INVALID },
    ]);
    await app.login(email);
  });

  it('revokes the earlier link when a new one is sent, and any link when the password changes', async () => {
    const { email } = await anAccount();
    await requestReset(email);
    await requestReset(email);
    const [first, second] = (await sink.waitForCount(2, (mail) => mail.to === email)).map(
      resetToken,
    );
    expect(refusalOf(await app.gql(RESET, { token: first, password: NEW_PASSWORD })).code).toBe(
      'BAD_USER_INPUT',
    );

    // Changing the password (signed in) makes the outstanding link useless too.
    const session = await app.login(email);
    await app.ok(
      CHANGE_PASSWORD,
      { currentPassword: TEST_PASSWORD, newPassword: 'changed-while-signed-in' },
      { as: session },
    );
    expect(refusalOf(await app.gql(RESET, { token: second, password: NEW_PASSWORD })).code).toBe(
      'BAD_USER_INPUT',
    );
    await app.login(email, 'changed-while-signed-in');
  });

  it('sends nothing to a disabled account or a pending invitation, answering true all the same', async () => {
    const { id, email } = await anAccount();
    await app.ok(SET_ACTIVE, { userId: id, active: false }, { as: secretariat });
    const invited = 'invited-only@mirps.test';
    await app.ok(
      INVITE,
      { input: { email: invited, name: 'Invited', role: 'OBSERVER' } },
      { as: secretariat },
    );
    await sink.waitForMail((mail) => mail.to === invited);

    expect(await requestReset(email)).toBe(true);
    expect(await requestReset(invited)).toBe(true);
    expect(await outboxRowsTo(email)).toBe(0);
    expect(await outboxRowsTo(invited)).toBe(1);
  });

  it('sends at most PASSWORD_RESETS_PER_EMAIL e-mails an hour to an account, answering true', async () => {
    const { email } = await anAccount();
    for (let request = 0; request < 4; request += 1) expect(await requestReset(email)).toBe(true);
    expect(await outboxRowsTo(email)).toBe(2);
  });

  it('refuses a client address past PASSWORD_RESETS_PER_ADDRESS requests an hour', async () => {
    const address = anAddress();
    const emails = [1, 2, 3, 4].map((n) => `someone-${n}@mirps.test`);
    for (const email of emails) expect(await requestReset(email, address)).toBe(true);

    expect(await requestReset('someone-5@mirps.test', address)).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many password reset requests from your address: try again in 60 minutes',
    });
    const spanish = await app.gql(
      REQUEST,
      { email: 'someone-6@mirps.test' },
      { headers: { ...address, 'accept-language': 'es' } },
    );
    expect(refusalOf(spanish)).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message:
        'Demasiadas solicitudes de contraseña nueva desde su dirección: vuelva a intentarlo dentro de 60 minutos',
    });
    // Another address is not held back.
    expect(await requestReset('someone-7@mirps.test')).toBe(true);
  });

  // A lone surrogate made class-validator's isEmail throw: an internal error (the fuzz found it).
  it.each(['not an e-mail', 'a\udaf1@mirps.test'])(
    'refuses an e-mail that is not one (%j), naming the field',
    async (email) => {
      const body = await app.gql(REQUEST, { email }, { headers: anAddress() });
      expect(refusalOf(body)).toEqual({
        code: 'BAD_USER_INPUT',
        message: expect.any(String),
        fields: [{ field: 'email', message: 'email must be an e-mail address' }],
      });
    },
  );

  it('refuses a password the rules refuse, without using the link up', async () => {
    const { email } = await anAccount();
    await requestReset(email);
    const token = resetToken(await sink.waitForMail((mail) => mail.to === email));
    expect(refusalOf(await app.gql(RESET, { token, password: 'short' })).fields).toEqual([
      { field: 'password', message: 'password must be 12 to 200 characters long' },
    ]);
    await app.login(email);
    await app.ok(RESET, { token, password: NEW_PASSWORD });
    await app.login(email, NEW_PASSWORD);
  });
});

const TEST_REDIS_URL = process.env.TEST_REDIS_URL;

(TEST_REDIS_URL ? describe : describe.skip)(
  'password reset limits across instances (Redis)',
  () => {
    let first: TestApp;
    let second: TestApp;

    beforeAll(async () => {
      const env = {
        REDIS_URL: TEST_REDIS_URL!,
        REDIS_KEY_PREFIX: `test-${randomBytes(6).toString('hex')}:`,
        TRUST_PROXY_HOPS: '1',
        PASSWORD_RESETS_PER_ADDRESS: '2',
      };
      first = await startTestApp({ env });
      second = await startTestApp({ databaseUrl: first.databaseUrl, env });
    });
    afterAll(async () => {
      await second.close();
      await first.close();
    });

    it('counts the requests of one address on every instance', async () => {
      const headers = { 'x-forwarded-for': '198.51.100.9' };
      const ask = (app: TestApp, n: number) =>
        app.gql(REQUEST, { email: `shared-${n}@mirps.test` }, { headers });
      expect((await ask(first, 1)).data).toEqual({ requestPasswordReset: true });
      expect((await ask(second, 2)).data).toEqual({ requestPasswordReset: true });
      expect(refusalOf(await ask(first, 3)).code).toBe('TOO_MANY_REQUESTS');
      expect(refusalOf(await ask(second, 4)).code).toBe('TOO_MANY_REQUESTS');
    });
  },
);
