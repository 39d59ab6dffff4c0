import { createHash } from 'node:crypto';
import { AccountToken } from '../../src/accounts/account-token.entity';
import { buildWorld, createUser, World } from '../support/builders';
import { refusalOf } from '../support/languages';
import { MailSink, ReceivedMail, startMailSink } from '../support/mail-sink';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

/**
 * Invitations (issue 12): the secretariat makes an account without a password, the person
 * gets an e-mail in their language, through a real SMTP server, with a one-time link
 * (7 days) under PUBLIC_URL, and chooses the password with it, which signs them in.
 */
const PUBLIC_URL = 'https://twinning.mirps.test';
const INVITE = `mutation ($input: InviteUserInput!) {
  inviteUser(input: $input) {
    id email name role locale active invitationPending country { code } organization { name }
  }
}`;
const ACCEPT = `mutation ($token: String!, $password: String!) {
  acceptInvitation(token: $token, password: $password) { token user { email role invitationPending } }
}`;
const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const ME = '{ me { email role name locale } }';
const USERS = '{ users { email invitationPending } }';
const SET_ACTIVE = `mutation ($userId: ID!, $active: Boolean!) {
  setUserActive(userId: $userId, active: $active) { id }
}`;
const NEW_PASSWORD = 'my-own-chosen-password';

/** The token of the one link an invitation carries, checked to be under PUBLIC_URL. */
function invitationToken(mail: ReceivedMail): string {
  const links = [...mail.text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]);
  expect(links).toHaveLength(1);
  const link = new URL(links[0]);
  expect(`${link.origin}${link.pathname}`).toBe(`${PUBLIC_URL}/invitation`);
  const token = link.searchParams.get('token') ?? '';
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(mail.html).toContain(`href="${links[0]}"`);
  return token;
}

describe('invitations', () => {
  let sink: MailSink;
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    sink = await startMailSink();
    app = await startTestApp({
      env: { SMTP_URL: sink.url, MAIL_POLL_MS: '50', PUBLIC_URL: `${PUBLIC_URL}/` },
    });
    world = await buildWorld(app);
  });
  afterAll(async () => {
    await app.close();
    await sink.close();
  });

  async function invite(input: Record<string, unknown>) {
    return (await app.ok(INVITE, { input }, { as: world.secretariat })).inviteUser;
  }

  /** Waits for the `count`th invitation to `email`, and answers its token. */
  async function invitationTo(email: string, count = 1): Promise<string> {
    const mails = await sink.waitForCount(count, (mail) => mail.to === email);
    return invitationToken(mails[count - 1]);
  }

  async function outboxRowsTo(email: string): Promise<number> {
    const rows = await app.sql<{ count: number | string }>(
      `SELECT COUNT(*) AS count FROM "outbox_mails" WHERE "recipient" = :email`,
      { email },
    );
    return Number(rows[0].count);
  }

  it('e-mails the invitation once, in Spanish by default, with a link under PUBLIC_URL; accepting it signs in', async () => {
    const email = 'maria.lopez@hn.test';
    const invited = await invite({
      email: 'Maria.Lopez@HN.test',
      name: 'María López',
      role: 'COUNTRY_FOCAL_POINT',
      countryCode: 'HN',
    });
    expect(invited).toEqual({
      id: expect.any(String),
      email,
      name: 'María López',
      role: 'COUNTRY_FOCAL_POINT',
      locale: 'ES',
      active: true,
      invitationPending: true,
      country: { code: 'HN' },
      organization: null,
    });

    const token = await invitationTo(email);
    const [mail] = sink.to(email);
    expect({ subject: mail.subject, htmlLang: mail.htmlLang }).toEqual({
      subject: 'Su invitación al servicio de hermanamientos del MIRPS',
      htmlLang: 'es',
    });
    expect(mail.text.trim()).toBe(
      [
        'Hola, María López:',
        'La Secretaría Técnica de la Plataforma de Apoyo del MIRPS le invita al servicio de hermanamientos como punto focal de Honduras.',
        'Para aceptar, elija su contraseña (de 12 caracteres o más) con el enlace de abajo. El enlace sirve una sola vez, durante 7 días; después inicie sesión con su correo electrónico, maria.lopez@hn.test.',
        'Si el enlace venció, pida a la Secretaría Técnica que le invite de nuevo.',
        `Aceptar la invitación:\n${PUBLIC_URL}/invitation?token=${token}`,
        '-- \nPlataforma de Apoyo del MIRPS – servicio de hermanamientos\nRecibe este correo porque tiene una cuenta en el servicio de hermanamientos del MIRPS.',
      ].join('\n\n'),
    );

    // Until it is accepted, no password opens the account.
    for (const password of [TEST_PASSWORD, 'none', NEW_PASSWORD]) {
      expect(refusalOf(await app.gql(LOGIN, { e: email, p: password }))).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'Wrong e-mail or password',
      });
    }

    const accepted = (await app.ok(ACCEPT, { token, password: NEW_PASSWORD })).acceptInvitation;
    expect(accepted.user).toEqual({
      email,
      role: 'COUNTRY_FOCAL_POINT',
      invitationPending: false,
    });
    expect(await app.ok(ME, {}, { as: accepted.token })).toEqual({
      me: { email, role: 'COUNTRY_FOCAL_POINT', name: 'María López', locale: 'ES' },
    });
    await app.login(email, NEW_PASSWORD);
    const { users } = await app.ok(USERS, {}, { as: world.secretariat });
    expect(users).toContainEqual({ email, invitationPending: false });

    expect(sink.to(email)).toHaveLength(1);
    expect(await outboxRowsTo(email)).toBe(1);
  });

  it('writes the invitation in English when asked, naming the organization', async () => {
    const email = 'jane.doe@irb.test';
    await invite({
      email,
      name: 'Jane Doe',
      role: 'MEMBER_FOCAL_POINT',
      organizationId: world.organizationId,
      locale: 'EN',
    });
    const token = await invitationTo(email);
    const [mail] = sink.to(email);
    expect({ subject: mail.subject, htmlLang: mail.htmlLang }).toEqual({
      subject: 'Your invitation to the MIRPS twinning service',
      htmlLang: 'en',
    });
    expect(mail.text.trim().split('\n\n').slice(0, 3)).toEqual([
      'Hello Jane Doe,',
      'The secretariat of the MIRPS Support Platform invites you to the twinning service as a focal point of Immigration and Refugee Board of Canada, a member of the Support Platform.',
      'To accept, choose your password (12 characters or more) with the link below. The link works once, for 7 days; afterwards you sign in with your e-mail address, jane.doe@irb.test.',
    ]);
    expect(mail.html).toContain('Hello Jane Doe,');
    const accepted = (await app.ok(ACCEPT, { token, password: NEW_PASSWORD })).acceptInvitation;
    expect(accepted.user.role).toBe('MEMBER_FOCAL_POINT');
  });

  it('stores only the SHA-256 of the link, which works exactly 7 days from the invitation', async () => {
    const email = 'hashed@oas.test';
    const before = Date.now();
    const { id } = await invite({ email, name: 'Hashed', role: 'OBSERVER' });
    const after = Date.now();
    const token = await invitationTo(email);

    const stored = await app.dataSource.getRepository(AccountToken).findBy({ userId: id });
    expect(stored).toHaveLength(1);
    const [row] = stored;
    expect(row.purpose).toBe('INVITATION');
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.usedAt).toBeNull();
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.createdAt.getTime()).toBeLessThanOrEqual(after);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 24 * 60 * 60 * 1000);
    // The link itself is nowhere in the table, nor in any other account's row.
    const raw = await app.sql('SELECT * FROM "account_tokens"');
    expect(raw.length).toBeGreaterThan(0);
    expect(JSON.stringify(raw)).not.toContain(token);
  });

  it('takes a link once when two acceptances with it arrive at the same moment', async () => {
    const email = 'twice-at-once@oas.test';
    await invite({ email, name: 'Twice', role: 'OBSERVER' });
    const token = await invitationTo(email);
    const passwords = ['first-racing-password', 'second-racing-password'];
    const answers = await Promise.all(
      passwords.map((password) => app.gql(ACCEPT, { token, password })),
    );
    const won = answers.flatMap((answer, index) =>
      answer.data?.acceptInvitation ? [passwords[index]] : [],
    );
    expect(won).toHaveLength(1);
    const lost = answers.find((answer) => !answer.data?.acceptInvitation)!;
    expect(refusalOf(lost)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'token', message: expect.stringMatching(/^This invitation link/) }],
    });
    // The winner's password opens the account; the loser's does not.
    await app.login(email, won[0]);
    const loser = passwords.find((password) => password !== won[0])!;
    expect(refusalOf(await app.gql(LOGIN, { e: email, p: loser })).code).toBe('UNAUTHENTICATED');
    const [row] = await app.dataSource
      .getRepository(AccountToken)
      .findBy({ tokenHash: createHash('sha256').update(token).digest('hex') });
    expect(row.usedAt).toBeInstanceOf(Date);
  });

  it('takes a link once: used again, it is refused in the reader’s language and changes nothing', async () => {
    const email = 'once@oas.test';
    await invite({ email, name: 'Once', role: 'OBSERVER' });
    const token = await invitationTo(email);
    await app.ok(ACCEPT, { token, password: NEW_PASSWORD });

    const again = { token, password: 'a-second-password-try' };
    expect(refusalOf(await app.gql(ACCEPT, again))).toEqual({
      code: 'BAD_USER_INPUT',
      message: expect.any(String),
      fields: [
        {
          field: 'token',
          message:
            'This invitation link does not work: it has expired (after 7 days), has been used, or a newer invitation replaced it. Ask the secretariat to invite you again',
        },
      ],
    });
    const spanish = refusalOf(
      await app.gql(ACCEPT, again, { headers: { 'accept-language': 'es' } }),
    );
    expect(spanish.fields).toEqual([
      {
        field: 'token',
        message:
          'Este enlace de invitación no funciona: venció (a los 7 días), ya se usó o una invitación más reciente lo reemplazó. Pida a la Secretaría Técnica que le invite de nuevo',
      },
    ]);
    await app.login(email, NEW_PASSWORD);
    expect((await app.fails(LOGIN, { e: email, p: again.password })).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses a made-up link, and a password the rules refuse without using the link up', async () => {
    expect(
      refusalOf(await app.gql(ACCEPT, { token: 'made-up', password: NEW_PASSWORD })).fields,
    ).toEqual([{ field: 'token', message: expect.stringMatching(/^This invitation link/) }]);

    const email = 'short@oas.test';
    await invite({ email, name: 'Short', role: 'OBSERVER' });
    const token = await invitationTo(email);
    expect(refusalOf(await app.gql(ACCEPT, { token, password: 'too-short' }))).toEqual({
      code: 'BAD_USER_INPUT',
      message: expect.any(String),
      fields: [{ field: 'password', message: 'password must be 12 to 200 characters long' }],
    });
    await app.ok(ACCEPT, { token, password: NEW_PASSWORD });
  });

  it('lets a link expire after 7 days; inviting again sends a new link and revokes the earlier one', async () => {
    const email = 'late@oas.test';
    const { id } = await invite({ email, name: 'Late', role: 'OBSERVER' });
    const expired = await invitationTo(email);
    // Seven days and a second later (no sleeping: the link's expiry is moved back).
    const sevenDays = 7 * 24 * 60 * 60 * 1000;
    await app.sql(
      `UPDATE "account_tokens" SET "expiresAt" = :expiresAt, "createdAt" = :createdAt WHERE "userId" = :id`,
      { id, expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - sevenDays) },
    );
    expect(
      refusalOf(await app.gql(ACCEPT, { token: expired, password: NEW_PASSWORD })).fields,
    ).toEqual([{ field: 'token', message: expect.stringMatching(/^This invitation link/) }]);

    // Resent twice: only the newest link works.
    await invite({ email, name: 'Late Again', role: 'OBSERVER', locale: 'EN' });
    const second = await invitationTo(email, 2);
    await invite({ email, name: 'Late Again', role: 'OBSERVER', locale: 'EN' });
    const third = await invitationTo(email, 3);
    expect(new Set([expired, second, third]).size).toBe(3);
    expect(sink.to(email)[2].subject).toBe('Your invitation to the MIRPS twinning service');
    for (const token of [expired, second]) {
      expect(refusalOf(await app.gql(ACCEPT, { token, password: NEW_PASSWORD })).code).toBe(
        'BAD_USER_INPUT',
      );
    }
    const accepted = await app.ok(ACCEPT, { token: third, password: NEW_PASSWORD });
    expect(accepted.acceptInvitation.user.email).toBe(email);
    expect((await app.ok(ME, {}, { as: accepted.acceptInvitation.token })).me).toEqual({
      email,
      role: 'OBSERVER',
      name: 'Late Again',
      locale: 'EN',
    });
  });

  it('refuses a link of an invitation the secretariat disabled meanwhile', async () => {
    const email = 'withdrawn@oas.test';
    const { id } = await invite({ email, name: 'Withdrawn', role: 'OBSERVER' });
    const token = await invitationTo(email);
    await app.ok(SET_ACTIVE, { userId: id, active: false }, { as: world.secretariat });
    expect(refusalOf(await app.gql(ACCEPT, { token, password: NEW_PASSWORD })).code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('refuses to invite an account that has a password: CONFLICT (DUPLICATE), no e-mail', async () => {
    const email = 'has-password@oas.test';
    const id = await createUser(app, world.secretariat, { email, role: 'OBSERVER' });
    const before = await app.rowCount('outbox_mails');
    expect(
      refusalOf(
        await app.gql(
          INVITE,
          { input: { email: 'HAS-password@oas.test', name: 'Again', role: 'SECRETARIAT' } },
          { as: world.secretariat },
        ),
      ),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'DUPLICATE',
      message:
        'has-password@oas.test already has an account: the person can sign in, or ask for a new password from the sign-in page',
    });
    await app.ok(SET_ACTIVE, { userId: id, active: false }, { as: world.secretariat });
    expect(
      refusalOf(
        await app.gql(
          INVITE,
          { input: { email, name: 'Again', role: 'OBSERVER' } },
          { as: world.secretariat, headers: { 'accept-language': 'es' } },
        ),
      ),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'DUPLICATE',
      // The secretariat's own locale (EN) wins over the header.
      message:
        'has-password@oas.test already has an account, which is disabled: enable it instead of inviting again',
    });
    expect(await app.rowCount('outbox_mails')).toBe(before);
    await app.ok(SET_ACTIVE, { userId: id, active: true }, { as: world.secretariat });
    const token = await app.login(email);
    expect((await app.ok(ME, {}, { as: token })).me.role).toBe('OBSERVER');
  });

  it.each([
    ['MEMBER_FOCAL_POINT', (w: World) => w.member],
    ['COUNTRY_FOCAL_POINT', (w: World) => w.honduras],
    ['OBSERVER', (w: World) => w.observer],
  ])('is forbidden to the %s, and writes nothing', async (_role, tokenOf) => {
    const users = await app.rowCount('users');
    const mails = await app.rowCount('outbox_mails');
    const error = await app.fails(
      INVITE,
      { input: { email: 'intruder@oas.test', name: 'Intruder', role: 'SECRETARIAT' } },
      { as: tokenOf(world) },
    );
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(await app.rowCount('users')).toBe(users);
    expect(await app.rowCount('outbox_mails')).toBe(mails);
  });

  it.each([
    {
      what: 'an address that is not an e-mail',
      input: { email: 'not an e-mail', name: 'X', role: 'OBSERVER' },
      fields: [{ field: 'email', message: 'email must be an e-mail address' }],
    },
    {
      what: 'a country focal point without a country',
      input: { email: 'nocountry@hn.test', name: 'X', role: 'COUNTRY_FOCAL_POINT' },
      fields: [
        {
          field: 'countryCode',
          message: 'a COUNTRY_FOCAL_POINT needs the countryCode of a MIRPS state',
        },
      ],
    },
    {
      what: 'a blank name',
      input: { email: 'blank@oas.test', name: '   ', role: 'OBSERVER' },
      fields: [{ field: 'name', message: 'name must not be blank' }],
    },
  ])('refuses $what, naming the field, and writes nothing', async ({ input, fields }) => {
    const users = await app.rowCount('users');
    const mails = await app.rowCount('outbox_mails');
    const error = await app.fails(INVITE, { input }, { as: world.secretariat });
    expect({ code: error.extensions.code, fields: error.extensions.fields }).toEqual({
      code: 'BAD_USER_INPUT',
      fields,
    });
    expect(await app.rowCount('users')).toBe(users);
    expect(await app.rowCount('outbox_mails')).toBe(mails);
  });
});
