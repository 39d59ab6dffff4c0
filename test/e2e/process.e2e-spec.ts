import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, listening, runServer, waitForHealth } from '../support/server-process';
import { UNUSED_MAIL_SERVER } from '../support/test-app';

const REPOSITORY = join(__dirname, '..', '..');

describe('the server process', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'twinning-process-'));
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer number'],
    [
      { DATABASE_URL: 'mysql://x' },
      'DATABASE_URL must look like "sqlite:PATH" or "postgres://user:password@host:5432/database"',
    ],
    [
      { HOST: 'http://localhost' },
      'HOST must be an address such as 127.0.0.1 or ::, or a host name such as localhost',
    ],
  ])('stops at once with one clear line naming a bad setting: %j', async (env, message) => {
    const { done } = runServer(env, folder);
    const result = await done;
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`Invalid configuration: ${message}\n`);
  });

  it('refuses to start in production with the development JWT secret', async () => {
    const { done } = runServer(
      {
        NODE_ENV: 'production',
        SECRETARIAT_EMAIL: 'secretariat@mirps.test',
        SECRETARIAT_PASSWORD: 'a-long-enough-password',
        SMTP_URL: UNUSED_MAIL_SERVER,
      },
      folder,
    );
    const result = await done;
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Invalid configuration: JWT_SECRET must be set to a secret of your own in production\n',
    );
  });

  it('starts on the default SQLite file, prints a one-time secretariat password, and serves', async () => {
    // PORT=0: the system chooses; the start-up line names the port actually bound.
    const server = runServer({ PORT: '0' }, folder);
    try {
      const { address, port, line } = await listening(server);
      // No HOST: Node's default, every interface (IPv6 and IPv4, or IPv4 alone).
      expect(['[::]', '0.0.0.0']).toContain(address);
      expect(port).toBeGreaterThan(0);
      expect(JSON.parse(line).msg).toBe(
        `mirps-twinning listens on http://${address}:${port}/graphql ` +
          `(every interface; from this machine: http://localhost:${port}/graphql)`,
      );
      expect((await waitForHealth(port)).status).toBe(200);
      const password = /secretariat@localhost with the password (\S+)/.exec(server.stdout())?.[1];
      expect(password).toMatch(/^[\w-]{24}$/);

      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { user { email role } } }',
          variables: { e: 'secretariat@localhost', p: password },
        }),
      });
      expect(await response.json()).toEqual({
        data: { login: { user: { email: 'secretariat@localhost', role: 'SECRETARIAT' } } },
      });
      // The default DATABASE_URL is sqlite:data/twinning.sqlite, relative to where it runs.
      expect(existsSync(join(folder, 'data', 'twinning.sqlite'))).toBe(true);
    } finally {
      server.child.kill('SIGTERM');
    }
    // On SIGTERM it finishes the requests in flight, closes the app, and exits 0.
    const finished = await server.done;
    expect({ code: finished.code, signal: finished.signal }).toEqual({ code: 0, signal: null });
  });

  it('listens on HOST and names the address it is bound to', async () => {
    const server = runServer({ PORT: '0', HOST: '127.0.0.1' }, folder);
    try {
      const { url, port, line } = await listening(server);
      expect(url).toBe(`http://127.0.0.1:${port}/graphql`);
      expect(JSON.parse(line).msg).toBe(`mirps-twinning listens on ${url}`);
      expect((await waitForHealth(port)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect((await server.done).code).toBe(0);
  });

  it('stops with one line when the port is in use, before creating anything', async () => {
    const holder = createServer();
    const port = await new Promise<number>((resolve) =>
      holder.listen(0, '127.0.0.1', () => resolve((holder.address() as { port: number }).port)),
    );
    try {
      const result = await runServer({ PORT: String(port), HOST: '127.0.0.1' }, folder).done;
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`Port ${port} is in use on 127.0.0.1: set PORT to another one\n`);
      // The first secretariat account (its password shown once) waits for a start that works.
      expect(result.stdout).not.toContain('Created the secretariat account');
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('stops with one line when HOST is not an address of this machine', async () => {
    // 192.0.2.0/24 is reserved for documentation (RFC 5737): no machine has it.
    const result = await runServer({ PORT: '0', HOST: '192.0.2.1' }, folder).done;
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'HOST 192.0.2.1 is not an address of this machine: set HOST to one of its addresses, ' +
        'or unset it to listen on all\n',
    );
  });
});

/** The shell code of the README's "A short tour". */
function tourCode(): string {
  const readme = readFileSync(join(REPOSITORY, 'README.md'), 'utf8');
  const tour = readme.slice(readme.indexOf('\n## A short tour\n'));
  const code = /```sh\n([\s\S]*?)\n```/.exec(tour)?.[1];
  if (code === undefined) throw new Error('README.md has no "A short tour" with a sh block');
  return code;
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a bash script in the repository (where a reader runs the tour), in a process group. */
function bash(script: string, env: Record<string, string>) {
  const child = spawn('bash', ['-c', script], {
    cwd: REPOSITORY,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Ran>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  return { done, stdout: () => stdout, stop };
}

describe("the README's tour, run against the server", () => {
  const tour = tourCode();
  // Everything before the first sign-in: PORT, URL, gql, keep_token, signin.
  const [definitions] = tour.split(/^signin secretariat@localhost .*$/m);
  const signin = `signin secretariat@localhost 'PASTE-IT-HERE'`;
  const step = (pattern: RegExp) => tour.split('\n').find((line) => pattern.test(line))!;

  let folder: string;
  let server: ReturnType<typeof runServer>;
  let port: number;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'twinning-tour-'));
    // The tour's placeholder is a valid password: its lines run as written.
    server = runServer(
      {
        PORT: '0',
        SECRETARIAT_EMAIL: 'secretariat@localhost',
        SECRETARIAT_PASSWORD: 'PASTE-IT-HERE',
      },
      folder,
    );
    port = (await listening(server)).port;
  });

  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.done;
    rmSync(folder, { recursive: true, force: true });
  });

  it('is valid bash, and uses $PORT', async () => {
    const checked = await bash(`bash -n <<'TOUR'\n${tour}\nTOUR`, {}).done;
    expect(checked).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(definitions).toContain('PORT=${PORT:-3000}');
    expect(tour).not.toMatch(/localhost:3000/);
  });

  it('signs in, keeping the token; a failed sign-in prints why and fails, TOKEN unchanged', async () => {
    const script = `${definitions}
signin secretariat@localhost wrong-password; echo "wrong: $? [$TOKEN]"
${signin}; echo "right: $? [\${TOKEN:0:3}]"
signin secretariat@localhost wrong-password; echo "wrong again: $? [\${TOKEN:0:3}]"`;
    const ran = await bash(script, { PORT: String(port) }).done;
    expect(ran.stdout).toBe('wrong: 1 []\nright: 0 [eyJ]\nwrong again: 1 [eyJ]\n');
    // The answer, with its error, said out loud (once per failed sign-in).
    expect(ran.stderr.match(/^No token in: \{"errors":.*"UNAUTHENTICATED"/gm)).toHaveLength(2);
  });

  it('fails loudly when nothing answers on $PORT', async () => {
    const nothing = await freePort();
    const ran = await bash(`${definitions}\n${signin}; echo "status $? [$TOKEN]"`, {
      PORT: String(nothing),
    }).done;
    expect(ran.stdout).toBe('status 1 []\n');
    expect(ran.stderr).toContain(`No token in: no answer from http://localhost:${nothing}/graphql`);
  });

  it('prints a need posted, from a subscriber on Node 24 run through npm', async () => {
    const lines = tour.split('\n');
    const from = lines.findIndex((line) => line.startsWith('# Live updates'));
    const to = lines.findIndex((line, index) => index > from && line === 'EOF');
    expect(lines.slice(from, to).join('\n')).toContain("npm exec -c 'node");
    const subscriber = bash(
      `${definitions}\n${signin}\n${lines.slice(from, to + 1).join('\n')}\nwait $!`,
      { PORT: String(port) },
    );
    try {
      const login = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            'mutation { login(email: "secretariat@localhost", password: "PASTE-IT-HERE") { token } }',
        }),
      });
      const token = ((await login.json()) as any).data.login.token as string;
      // Post needs until the subscriber, once connected, has printed one and stopped.
      let finished = false;
      void subscriber.done.then(() => (finished = true));
      for (let tries = 0; !finished && tries < 30; tries++) {
        await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: `mutation { createNeed(input: { countryCode: "HN", workingGroupCode: "ASYLUM_SYSTEMS", title: "Need ${tries}", description: "Posted by the tour's test.", modalities: [TRAINING], languages: ["es"], beneficiaries: 1, priority: LOW }) { id } }`,
          }),
        });
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      const ran = await subscriber.done;
      expect(ran.stdout).toMatch(
        /^needPosted: \{"needPosted":\{"title":"Need \d+","country":\{"name":"Honduras"\}\}\}$/m,
      );
      expect(ran.code).toBe(0);
    } finally {
      subscriber.stop();
    }
  });

  it('keeps the token changePassword returns: the old one is revoked', async () => {
    const changePassword = step(/changePassword\(/);
    expect(changePassword).toMatch(/^keep_token "\$\(gql /);
    const script = `${definitions}
${signin}; before=$TOKEN
${changePassword}; echo "changed: $? $([ "$TOKEN" != "$before" ] && echo new token)"
gql '{"query":"{ me { email } }"}'
TOKEN=$before gql '{"query":"{ me { email } }"}'`;
    const ran = await bash(script, { PORT: String(port) }).done;
    const [changed, me, old] = ran.stdout.split('\n').filter((line) => line !== '');
    expect(changed).toBe('changed: 0 new token');
    expect(JSON.parse(me)).toEqual({ data: { me: { email: 'secretariat@localhost' } } });
    expect(JSON.parse(old).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
