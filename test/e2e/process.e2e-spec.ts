import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built server (`npm test` builds it first), started as `npm start` starts it. */
const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Running {
  child: ChildProcess;
  /** What the process printed so far. */
  stdout(): string;
  done: Promise<Finished>;
}

function run(env: Record<string, string>, cwd: string): Running {
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Finished>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, stdout: () => stdout, done };
}

async function waitForHealth(port: number, deadline = Date.now() + 30000): Promise<Response> {
  for (;;) {
    try {
      return await fetch(`http://127.0.0.1:${port}/health`);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe('the server process', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'twinning-process-'));
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('stops at once with one clear line naming a bad setting', async () => {
    const { done } = run({ PORT: 'eighty' }, folder);
    const result = await done;
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Invalid configuration: PORT must be an integer number\n');
  });

  it('refuses to start in production with the development JWT secret', async () => {
    const { done } = run(
      {
        NODE_ENV: 'production',
        SECRETARIAT_EMAIL: 'secretariat@mirps.test',
        SECRETARIAT_PASSWORD: 'a-long-enough-password',
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
    const port = 39000 + Math.floor(Math.random() * 1000);
    const server = run({ PORT: String(port) }, folder);
    try {
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
});
