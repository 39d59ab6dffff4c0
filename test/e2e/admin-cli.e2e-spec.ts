import { Logger } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminCommand, EXIT } from '../../src/accounts/admin-commands';
import { createUser } from '../support/builders';
import {
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
} from '../support/test-app';

/**
 * Recovery from the server's command line (`npm run admin -- ...`), which works on the
 * database, never over HTTP, and start-up honouring SECRETARIAT_EMAIL and
 * SECRETARIAT_PASSWORD set after the first start. The command is run once as an operator
 * runs it (npm, a child process); its other cases through `adminCommand`, what the script
 * runs, in this process (each start of the script costs seconds of ts-node).
 */
const ROOT = join(__dirname, '..', '..');
const ME = '{ me { email role active } }';
const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const SET_ACTIVE = `mutation ($userId: ID!, $active: Boolean!) {
  setUserActive(userId: $userId, active: $active) { id active }
}`;
const AUDIT = `query ($operation: String!) {
  auditLog(filter: { operation: $operation }) { edges { node { operation userId targetIds outcome } } }
}`;

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run admin -- ...args` in the project folder, with exactly `env` (plus PATH, HOME). */
function npmAdmin(args: string[], env: Record<string, string>): Promise<Finished> {
  const child = spawn('npm', ['run', '--silent', 'admin', '--', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The password a command printed. */
function printedPassword(output: string): string {
  const found = /^Password \(shown once\): (\S+)$/m.exec(output);
  if (!found) throw new Error(`No password in: ${output}`);
  return found[1];
}

describe('npm run admin', () => {
  let app: TestApp;
  let secretariat: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    secretariat = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    env = { DATABASE_URL: app.databaseUrl };
  });
  afterAll(() => app.close());

  it('reset-password prints a new password that signs in, and signs out every session', async () => {
    const email = 'locked-out@mirps.test';
    await createUser(app, secretariat, { email, role: 'SECRETARIAT' });
    const before = await app.login(email);

    const run = await npmAdmin(['reset-password', email], env);

    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: EXIT.ok, stderr: '' });
    const password = printedPassword(run.stdout);
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(run.stdout).toBe(
      [
        `The account ${email} (SECRETARIAT) has a new password; every session it had is signed out.`,
        `Password (shown once): ${password}`,
        'Sign in with it, then choose your own (changePassword).',
        '',
      ].join('\n'),
    );
    expect((await app.fails(ME, {}, { as: before })).extensions.code).toBe('UNAUTHENTICATED');
    expect((await app.fails(LOGIN, { e: email, p: TEST_PASSWORD })).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    const after = await app.login(email, password);
    expect(await app.ok(ME, {}, { as: after })).toEqual({
      me: { email, role: 'SECRETARIAT', active: true },
    });
  });

  it('reset-password enables a disabled account again, and the audit log says so', async () => {
    const email = 'disabled-secretariat@mirps.test';
    const id = await createUser(app, secretariat, { email, role: 'SECRETARIAT' });
    await app.ok(SET_ACTIVE, { userId: id, active: false }, { as: secretariat });

    const { exitCode, message } = await adminCommand(['reset-password', email.toUpperCase()], env);

    expect(exitCode).toBe(EXIT.ok);
    expect(message.split('\n').slice(0, 2)).toEqual([
      `The account ${email} (SECRETARIAT) has a new password; every session it had is signed out.`,
      'It was disabled: it is enabled again.',
    ]);
    const token = await app.login(email, printedPassword(message));
    expect(await app.ok(ME, {}, { as: token })).toEqual({
      me: { email, role: 'SECRETARIAT', active: true },
    });
    const audit = await app.ok(AUDIT, { operation: 'admin reset-password' }, { as: secretariat });
    expect(audit.auditLog.edges.map((edge: { node: unknown }) => edge.node)).toContainEqual({
      operation: 'admin reset-password',
      userId: null,
      targetIds: [id],
      outcome: 'OK',
    });
  });

  it('refuses an unknown e-mail, a bad DATABASE_URL or a missing database in one line, changing nothing', async () => {
    const users = await app.rowCount('users');
    expect(await adminCommand(['reset-password', 'nobody@mirps.test'], env)).toEqual({
      exitCode: EXIT.failed,
      message: 'No account has the e-mail nobody@mirps.test',
    });
    expect(await adminCommand(['list-secretariat'], { DATABASE_URL: 'mysql://db/x' })).toEqual({
      exitCode: EXIT.failed,
      message:
        'Invalid configuration: DATABASE_URL must look like "sqlite:PATH" or "postgres://user:password@host:5432/database"',
    });
    const folder = mkdtempSync(join(tmpdir(), 'admin-cli-'));
    try {
      const missing = join(folder, 'typo.sqlite');
      expect(
        await adminCommand(['reset-password', SECRETARIAT_EMAIL], {
          DATABASE_URL: `sqlite:${missing}`,
        }),
      ).toEqual({
        exitCode: EXIT.failed,
        message: `The database ${missing} does not exist: check DATABASE_URL (the service creates it on its first start)`,
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    expect(await app.rowCount('users')).toBe(users);
    await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
  });

  it('answers a wrong command line with its usage (exit code 2)', async () => {
    for (const args of [[], ['frobnicate'], ['reset-password'], ['reset-password', 'a@b', 'c@d']]) {
      const { exitCode, message } = await adminCommand(args, env);
      expect({ args, exitCode }).toEqual({ args, exitCode: EXIT.usage });
      expect(message).toContain('Usage: npm run admin -- reset-password EMAIL');
    }
  });

  it('create-secretariat makes an account that signs in; list-secretariat lists them', async () => {
    const email = 'new-secretariat@mirps.test';
    const created = await adminCommand(['create-secretariat', email], env);
    expect(created.exitCode).toBe(EXIT.ok);
    const token = await app.login(email, printedPassword(created.message));
    expect(await app.ok(ME, {}, { as: token })).toEqual({
      me: { email, role: 'SECRETARIAT', active: true },
    });
    expect(await adminCommand(['create-secretariat', email], env)).toEqual({
      exitCode: EXIT.failed,
      message: `${email} has an account already (SECRETARIAT): npm run admin -- reset-password ${email} gives it a new password`,
    });

    const listed = await adminCommand(['list-secretariat'], env);
    expect(listed.exitCode).toBe(EXIT.ok);
    const rows = listed.message.split('\n').map((line) => line.split('\t').slice(0, 2));
    expect(rows).toContainEqual([email, 'active']);
    expect(rows).toContainEqual([SECRETARIAT_EMAIL, 'active']);
  });
});

describe('SECRETARIAT_EMAIL and SECRETARIAT_PASSWORD set after the first start', () => {
  const LATER_EMAIL = 'later-secretariat@mirps.test';
  const LATER_PASSWORD = 'the-later-secretariat-password';
  let first: TestApp;

  beforeAll(async () => {
    first = await startTestApp();
    await first.stop();
  });
  afterAll(() => first.close());

  async function restartWith(password: string): Promise<{ app: TestApp; lines: string[] }> {
    const log = jest.spyOn(Logger.prototype, 'log');
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const app = await startTestApp({
        databaseUrl: first.databaseUrl,
        env: { SECRETARIAT_EMAIL: LATER_EMAIL, SECRETARIAT_PASSWORD: password },
      });
      const lines = [...log.mock.calls, ...warn.mock.calls]
        .map(([message]) => String(message))
        .filter((message) => message.includes('SECRETARIAT_EMAIL'));
      return { app, lines };
    } finally {
      log.mockRestore();
      warn.mockRestore();
    }
  }

  it('creates that secretariat account though another exists, and says so', async () => {
    const { app, lines } = await restartWith(LATER_PASSWORD);
    try {
      expect(lines).toEqual([
        `Created the secretariat account ${LATER_EMAIL} from SECRETARIAT_EMAIL and SECRETARIAT_PASSWORD`,
      ]);
      const token = await app.login(LATER_EMAIL, LATER_PASSWORD);
      expect(await app.ok(ME, {}, { as: token })).toEqual({
        me: { email: LATER_EMAIL, role: 'SECRETARIAT', active: true },
      });
      await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    } finally {
      await app.stop();
    }
  });

  it('never overwrites the password of the account once it exists, and says how to reset it', async () => {
    const { app, lines } = await restartWith('another-password-set-later');
    try {
      expect(lines).toEqual([
        `SECRETARIAT_EMAIL ${LATER_EMAIL} has an account already: its password is left as it is ` +
          '(SECRETARIAT_PASSWORD only sets the password of the account when it creates it). ' +
          `To give it a new password: npm run admin -- reset-password ${LATER_EMAIL}`,
      ]);
      await app.login(LATER_EMAIL, LATER_PASSWORD);
      expect(
        (await app.fails(LOGIN, { e: LATER_EMAIL, p: 'another-password-set-later' })).extensions
          .code,
      ).toBe('UNAUTHENTICATED');
    } finally {
      await app.stop();
    }
  });
});
