import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runServer, waitForHealth } from '../support/server-process';

describe('the server process', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'twinning-process-'));
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('stops at once with one clear line naming a bad setting', async () => {
    const { done } = runServer({ PORT: 'eighty' }, folder);
    const result = await done;
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Invalid configuration: PORT must be an integer number\n');
  });

  it('refuses to start in production with the development JWT secret', async () => {
    const { done } = runServer(
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
    const server = runServer({ PORT: String(port) }, folder);
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
