import { createClient, FormattedExecutionResult } from 'graphql-ws';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import WebSocket from 'ws';
import { createUser, postNeed } from '../support/builders';
import {
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
} from '../support/test-app';
import { listenForWebSocket, untilListening } from '../support/ws-client';

const INDEX_HTML =
  '<!doctype html><html lang="es"><head><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>\n';
const APP_JS = 'console.log("the console");\n';
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg"/>\n';

const CONSOLE_POLICY =
  "default-src 'self';script-src 'self';style-src 'self' 'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o=' 'sha256-gYiS/BvZvRcK27JIXTuwhZ3hs2+VJ1X+2gUlE+farlg=';img-src 'self' data:;connect-src 'self';frame-ancestors 'none';base-uri 'self';form-action 'self';object-src 'none'";
/** helmet's default, which every answer of the API keeps (posture.e2e-spec.ts). */
const API_POLICY =
  "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests";

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const CONSOLE = { 'x-mirps-console': '1' };
const LOGIN =
  'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token user { email } } }';
const MISSING_TOKEN =
  'UNAUTHENTICATED: Sign in first: send connectionParams { authorization: "Bearer <token>" } when connecting';

/** A folder laid out as `vite build` leaves web/dist. */
function aBuiltConsole(): string {
  const folder = mkdtempSync(join(tmpdir(), 'console-dist-'));
  mkdirSync(join(folder, 'assets'));
  writeFileSync(join(folder, 'index.html'), INDEX_HTML);
  writeFileSync(join(folder, 'assets', 'app-abc123.js'), APP_JS);
  writeFileSync(join(folder, 'favicon.svg'), FAVICON);
  return folder;
}

/** The session cookie a response sets: its value and attributes, as sent. */
function sessionCookieOf(response: request.Response): { value: string; attributes: string[] } {
  const cookies = (response.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  const session = cookies.filter((cookie) => cookie.startsWith('mirps_session='));
  expect(session).toHaveLength(1);
  const [pair, ...attributes] = session[0].split('; ');
  return { value: pair.slice('mirps_session='.length), attributes };
}

/** Attributes without Max-Age and Expires, which depend on the clock. */
function fixedAttributes(attributes: string[]): string[] {
  return attributes.filter((attribute) => !/^(Max-Age|Expires)=/.test(attribute));
}

function maxAgeOf(attributes: string[]): number {
  return Number(attributes.find((attribute) => attribute.startsWith('Max-Age='))!.slice(8));
}

describe('the console (server side)', () => {
  let app: TestApp;
  let folder: string;

  beforeAll(async () => {
    folder = aBuiltConsole();
    app = await startTestApp({ env: { CONSOLE_DIR: folder } });
  });

  afterAll(async () => {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const get = (path: string, accept?: string) => {
    const call = request(app.app.getHttpServer()).get(path);
    return accept ? call.set('accept', accept) : call;
  };

  /** Signs in as the console does, and answers the session cookie's value. */
  async function consoleSignIn(email = SECRETARIAT_EMAIL, password = SECRETARIAT_PASSWORD) {
    const response = await request(app.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set(CONSOLE)
      .send({ query: LOGIN, variables: { email, password } });
    expect(response.body).toEqual({ data: { login: { token: '', user: { email } } } });
    return sessionCookieOf(response).value;
  }

  /** A GraphQL request with the session cookie only (no bearer token). */
  function withCookie(cookie: string, query: string, headers: Record<string, string> = {}) {
    return request(app.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('accept-language', 'en')
      .set('cookie', `mirps_session=${cookie}`)
      .set(headers)
      .send({ query });
  }

  describe('pages and files', () => {
    it.each([
      ['/', undefined],
      ['/', 'application/json'],
      ['/needs/123', BROWSER_ACCEPT],
      ['/invitation?token=abc', BROWSER_ACCEPT],
      ['/index.html', BROWSER_ACCEPT],
    ])(
      'answers index.html for %s (Accept: %s), not cached, under the console policy',
      async (path, accept) => {
        const response = await get(path, accept);
        expect({
          status: response.status,
          type: response.headers['content-type'],
          cache: response.headers['cache-control'],
          policy: response.headers['content-security-policy'],
          frames: response.headers['x-frame-options'],
          body: response.text,
        }).toEqual({
          status: 200,
          type: 'text/html; charset=utf-8',
          cache: 'no-cache',
          policy: CONSOLE_POLICY,
          frames: 'DENY',
          body: INDEX_HTML,
        });
        const scripts = response.headers['content-security-policy']
          .split(';')
          .find((directive) => directive.startsWith('script-src '));
        expect(scripts).toBe("script-src 'self'");
        // No inline style but React Aria's two <style> elements, by hash: React sets computed
        // styles through the CSSOM, which the policy does not govern (test/browser checks the
        // pages obey it).
        expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
        // helmet's other headers stay.
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['referrer-policy']).toBe('no-referrer');
      },
    );

    it('answers hashed assets cached for a year, immutable, and other files for an hour', async () => {
      const asset = await get('/assets/app-abc123.js');
      expect({
        status: asset.status,
        type: asset.headers['content-type'],
        cache: asset.headers['cache-control'],
        body: asset.text,
      }).toEqual({
        status: 200,
        type: 'text/javascript; charset=utf-8',
        cache: 'public, max-age=31536000, immutable',
        body: APP_JS,
      });
      const favicon = await get('/favicon.svg');
      expect({
        status: favicon.status,
        type: favicon.headers['content-type'],
        cache: favicon.headers['cache-control'],
      }).toEqual({ status: 200, type: 'image/svg+xml', cache: 'public, max-age=3600' });
    });

    it('answers 404 for a missing asset, a missing file and what does not ask for HTML', async () => {
      for (const [path, accept] of [
        ['/assets/missing.js', undefined],
        ['/assets/missing.js', BROWSER_ACCEPT],
        ['/missing.png', 'image/avif,image/webp,*/*'],
        ['/needs/123', 'application/json'],
        ['/needs/123', '*/*'],
        ['/needs/123', undefined],
      ] as const) {
        const response = await get(path, accept);
        expect({ path, accept, status: response.status, body: response.body }).toEqual({
          path,
          accept,
          status: 404,
          body: { message: `Cannot GET ${path}`, error: 'Not Found', statusCode: 404 },
        });
      }
      const post = await request(app.app.getHttpServer())
        .post('/needs/123')
        .set('accept', BROWSER_ACCEPT);
      expect(post.status).toBe(404);
    });

    it('leaves /graphql, /health, /metrics and /calendar.ics to the API, even for a browser', async () => {
      const graphql = await get('/graphql', BROWSER_ACCEPT);
      expect({
        status: graphql.status,
        code: graphql.body.errors?.[0]?.extensions?.code,
        policy: graphql.headers['content-security-policy'],
      }).toEqual({ status: 400, code: 'BAD_REQUEST', policy: API_POLICY });

      const health = await get('/health', BROWSER_ACCEPT);
      expect({ status: health.status, body: health.body.status }).toEqual({
        status: 200,
        body: 'ok',
      });

      const metrics = await get('/metrics', BROWSER_ACCEPT);
      expect({ status: metrics.status, type: metrics.headers['content-type'] }).toEqual({
        status: 200,
        type: 'text/plain; version=0.0.4; charset=utf-8',
      });

      const calendar = await get('/calendar.ics', BROWSER_ACCEPT);
      expect({
        status: calendar.status,
        policy: calendar.headers['content-security-policy'],
      }).toEqual({
        status: 401,
        policy: API_POLICY,
      });

      const answer = await request(app.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: '{ __typename }' });
      expect({ body: answer.body, policy: answer.headers['content-security-policy'] }).toEqual({
        body: { data: { __typename: 'Query' } },
        policy: API_POLICY,
      });
    });
  });

  describe('the session cookie', () => {
    it('holds the token of a console sign-in (HttpOnly, SameSite=Strict, for its lifetime); the answer holds none', async () => {
      const response = await request(app.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set(CONSOLE)
        .send({
          query: LOGIN,
          variables: { email: SECRETARIAT_EMAIL, password: SECRETARIAT_PASSWORD },
        });
      expect(response.body).toEqual({
        data: { login: { token: '', user: { email: SECRETARIAT_EMAIL } } },
      });
      const cookie = sessionCookieOf(response);
      expect(cookie.value).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(fixedAttributes(cookie.attributes)).toEqual(['Path=/', 'HttpOnly', 'SameSite=Strict']);
      // JWT_EXPIRES_IN is 8 hours: the cookie lives as long as the token, to the second.
      expect(maxAgeOf(cookie.attributes)).toBeGreaterThanOrEqual(8 * 3600 - 2);
      expect(maxAgeOf(cookie.attributes)).toBeLessThanOrEqual(8 * 3600);
    });

    it('is set even when the console does not select the token', async () => {
      const response = await request(app.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set(CONSOLE)
        .send({
          query:
            'mutation ($email: String!, $password: String!) { signedIn: login(email: $email, password: $password) { user { email } } }',
          variables: { email: SECRETARIAT_EMAIL, password: SECRETARIAT_PASSWORD },
        });
      expect(response.body).toEqual({ data: { signedIn: { user: { email: SECRETARIAT_EMAIL } } } });
      const me = await withCookie(sessionCookieOf(response).value, '{ me { email } }');
      expect(me.body).toEqual({ data: { me: { email: SECRETARIAT_EMAIL } } });
    });

    it('is not set without x-mirps-console: scripts get the token in the answer, as before', async () => {
      const response = await request(app.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({
          query: LOGIN,
          variables: { email: SECRETARIAT_EMAIL, password: SECRETARIAT_PASSWORD },
        });
      expect(response.headers['set-cookie']).toBeUndefined();
      const token = response.body.data.login.token as string;
      expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(await app.ok('{ me { email } }', {}, { as: token })).toEqual({
        me: { email: SECRETARIAT_EMAIL },
      });
    });

    it('is not set for a failed sign-in', async () => {
      const response = await request(app.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set(CONSOLE)
        .send({
          query: LOGIN,
          variables: { email: SECRETARIAT_EMAIL, password: 'wrong-password!' },
        });
      expect({
        code: response.body.errors[0].extensions.code,
        cookie: response.headers['set-cookie'],
      }).toEqual({ code: 'UNAUTHENTICATED', cookie: undefined });
    });

    it('signs in a request that carries only the cookie, from no origin or the service own', async () => {
      const cookie = await consoleSignIn();
      for (const headers of [
        {} as Record<string, string>,
        { host: 'twinning.test', origin: 'http://twinning.test' },
        { host: 'twinning.test:8080', origin: 'https://twinning.test:8080' },
      ]) {
        const response = await withCookie(cookie, '{ me { email role } }', headers);
        expect({ headers, body: response.body }).toEqual({
          headers,
          body: { data: { me: { email: SECRETARIAT_EMAIL, role: 'SECRETARIAT' } } },
        });
      }
    });

    it('gives way to a bearer token', async () => {
      const secretariat = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
      await createUser(app, secretariat, { email: 'observer@console.test', role: 'OBSERVER' });
      const observer = await app.login('observer@console.test');
      const cookie = await consoleSignIn();
      const response = await withCookie(cookie, '{ me { email } }', {
        authorization: `Bearer ${observer}`,
      });
      expect(response.body).toEqual({ data: { me: { email: 'observer@console.test' } } });
    });

    it('counts for nothing on a request from another origin', async () => {
      const cookie = await consoleSignIn();
      for (const origin of ['https://evil.example', 'http://twinning.test.evil.example', 'null']) {
        const response = await withCookie(cookie, '{ me { email } }', {
          host: 'twinning.test',
          origin,
        });
        expect({ origin, code: response.body.errors?.[0]?.extensions?.code }).toEqual({
          origin,
          code: 'UNAUTHENTICATED',
        });
      }
    });

    it('refuses a cross-site form or text/plain POST with the cookie, and writes nothing', async () => {
      const cookie = await consoleSignIn();
      const organizations = await app.rowCount('organizations');
      const audit = await app.rowCount('audit_log');
      const mutation =
        'mutation { createOrganization(input: { name: "Forged", kind: STATE, countryCode: "CA" }) { id } }';
      for (const [type, body] of [
        ['text/plain', JSON.stringify({ query: mutation })],
        ['application/x-www-form-urlencoded', `query=${encodeURIComponent(mutation)}`],
      ]) {
        const response = await request(app.app.getHttpServer())
          .post('/graphql')
          .set('origin', 'https://evil.example')
          .set('cookie', `mirps_session=${cookie}`)
          .set('content-type', type)
          .send(body);
        expect({
          type,
          status: response.status,
          code: response.body.errors?.[0]?.extensions?.code,
        }).toEqual({
          type,
          status: 400,
          code: 'BAD_REQUEST',
        });
      }
      expect(await app.rowCount('organizations')).toBe(organizations);
      expect(await app.rowCount('audit_log')).toBe(audit);
    });

    it('cannot be asked for, nor sent, from another origin (CORS)', async () => {
      const response = await request(app.app.getHttpServer())
        .options('/graphql')
        .set('origin', 'http://localhost:5173')
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'content-type,x-mirps-console');
      expect({
        origin: response.headers['access-control-allow-origin'],
        headers: response.headers['access-control-allow-headers'],
        credentials: response.headers['access-control-allow-credentials'],
      }).toEqual({
        origin: 'http://localhost:5173',
        headers: 'authorization,content-type,apollo-require-preflight',
        credentials: undefined,
      });
    });

    it('is replaced when the password changes, and the old one stops', async () => {
      const secretariat = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
      await createUser(app, secretariat, { email: 'changes@console.test', role: 'OBSERVER' });
      const before = await consoleSignIn('changes@console.test', TEST_PASSWORD);
      const response = await withCookie(
        before,
        'mutation { changePassword(currentPassword: "a-long-enough-password", newPassword: "another-long-password") { token user { email } } }',
        CONSOLE,
      );
      expect(response.body).toEqual({
        data: { changePassword: { token: '', user: { email: 'changes@console.test' } } },
      });
      const after = sessionCookieOf(response).value;
      expect(after).not.toBe(before);
      expect((await withCookie(after, '{ me { email } }')).body).toEqual({
        data: { me: { email: 'changes@console.test' } },
      });
      const old = await withCookie(before, '{ me { email } }');
      expect(old.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('is cleared by signOut, signed in or not', async () => {
      const cookie = await consoleSignIn();
      const response = await withCookie(cookie, 'mutation { signOut }', CONSOLE);
      expect(response.body).toEqual({ data: { signOut: true } });
      const cleared = sessionCookieOf(response);
      expect(cleared).toEqual({
        value: '',
        attributes: [
          'Path=/',
          'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
          'HttpOnly',
          'SameSite=Strict',
        ],
      });
      const anonymous = await request(app.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: 'mutation { signOut }' });
      expect(anonymous.body).toEqual({ data: { signOut: true } });
      expect(sessionCookieOf(anonymous).value).toBe('');
    });
  });

  describe('live updates with the cookie', () => {
    let url: string;
    let host: string;
    const sockets: (() => Promise<void>)[] = [];

    beforeAll(async () => {
      url = await listenForWebSocket(app.app);
      host = new URL(url).host;
    });

    afterEach(async () => {
      await Promise.all(sockets.splice(0).map((dispose) => dispose()));
      await untilListening(app.app, 0);
    });

    /**
     * A graphql-ws client that sends these headers with its upgrade, as a browser sends the
     * page's Origin and the site's cookies, and no connectionParams unless given.
     */
    function connectWith(
      headers: Record<string, string>,
      connectionParams?: Record<string, unknown>,
    ) {
      let onConnected: (outcome: 'connected' | { code: number; reason: string }) => void = () =>
        undefined;
      const connected = new Promise<'connected' | { code: number; reason: string }>(
        (resolve) => (onConnected = resolve),
      );
      const client = createClient({
        url,
        webSocketImpl: class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers: { 'accept-language': 'en', ...headers } });
          }
        },
        connectionParams,
        lazy: false,
        retryAttempts: 0,
        shouldRetry: () => false,
        onNonLazyError: () => undefined,
        on: {
          connected: () => onConnected('connected'),
          closed: (event) => {
            const { code, reason } = event as { code: number; reason: string };
            onConnected({ code, reason });
          },
        },
      });
      sockets.push(() => client.dispose() as Promise<void>);
      return { client, connected };
    }

    it('connects from the service own pages and delivers events', async () => {
      const cookie = await consoleSignIn();
      const { client, connected } = connectWith({
        origin: `http://${host}`,
        cookie: `theme=light; mirps_session=${cookie}`,
      });
      expect(await connected).toBe('connected');
      const events: FormattedExecutionResult<Record<string, unknown>, unknown>[] = [];
      const received = new Promise<void>((resolve) => {
        client.subscribe(
          { query: 'subscription { needPosted(workingGroupCode: "ASYLUM_SYSTEMS") { title } }' },
          {
            next: (result) => {
              events.push(result);
              resolve();
            },
            error: () => resolve(),
            complete: () => resolve(),
          },
        );
      });
      await untilListening(app.app, 1);
      const secretariat = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
      await postNeed(app, secretariat, { title: 'Heard through the cookie' });
      await received;
      expect(events).toEqual([{ data: { needPosted: { title: 'Heard through the cookie' } } }]);
    });

    it('refuses the cookie from another origin, or from no origin, as a connection without a token (4401)', async () => {
      const cookie = await consoleSignIn();
      for (const origin of [
        'https://evil.example',
        `http://${host}.evil.example`,
        'null',
        undefined,
      ]) {
        const { connected } = connectWith({
          ...(origin === undefined ? {} : { origin }),
          cookie: `mirps_session=${cookie}`,
        });
        expect({ origin, outcome: await connected }).toEqual({
          origin,
          outcome: { code: 4401, reason: MISSING_TOKEN },
        });
      }
    });

    it('checks a token sent in connectionParams before any cookie', async () => {
      const cookie = await consoleSignIn();
      const { connected } = connectWith(
        { origin: `http://${host}`, cookie: `mirps_session=${cookie}` },
        { authorization: 'Bearer not-a-token' },
      );
      expect(await connected).toEqual({
        code: 4401,
        reason: 'UNAUTHENTICATED: The token is invalid or has expired: sign in again',
      });
    });
  });
});

describe('the console (server side) behind its public address', () => {
  let app: TestApp;
  let folder: string;
  let url: string;
  const sockets: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    folder = aBuiltConsole();
    app = await startTestApp({
      env: {
        CONSOLE_DIR: folder,
        PUBLIC_URL: 'https://twinning.example.org',
        CORS_ORIGINS: 'https://admin.example.org',
      },
    });
    url = await listenForWebSocket(app.app);
  });

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((dispose) => dispose()));
  });

  afterAll(async () => {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function consoleSignIn(): Promise<request.Response> {
    return request(app.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set(CONSOLE)
      .send({
        query: LOGIN,
        variables: { email: SECRETARIAT_EMAIL, password: SECRETARIAT_PASSWORD },
      });
  }

  function connection(origin: string, cookie: string) {
    return new Promise<string | { code: number; reason: string }>((resolve) => {
      const client = createClient({
        url,
        webSocketImpl: class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, {
              headers: { 'accept-language': 'en', origin, cookie: `mirps_session=${cookie}` },
            });
          }
        },
        lazy: false,
        retryAttempts: 0,
        shouldRetry: () => false,
        onNonLazyError: () => undefined,
        on: {
          connected: () => resolve('connected'),
          closed: (event) => {
            const { code, reason } = event as { code: number; reason: string };
            resolve({ code, reason });
          },
        },
      });
      sockets.push(() => client.dispose() as Promise<void>);
    });
  }

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const cookie = sessionCookieOf(await consoleSignIn());
    expect(fixedAttributes(cookie.attributes)).toEqual([
      'Path=/',
      'HttpOnly',
      'Secure',
      'SameSite=Strict',
    ]);
  });

  it("takes the cookie over WebSocket from PUBLIC_URL's origin and CORS_ORIGINS, not others", async () => {
    const cookie = sessionCookieOf(await consoleSignIn()).value;
    const outcomes: Record<string, unknown> = {};
    for (const origin of [
      'https://twinning.example.org',
      'https://admin.example.org',
      'https://other.example.org',
      'http://twinning.example.org.evil.example',
    ]) {
      outcomes[origin] = await connection(origin, cookie);
    }
    expect(outcomes).toEqual({
      'https://twinning.example.org': 'connected',
      'https://admin.example.org': 'connected',
      'https://other.example.org': { code: 4401, reason: MISSING_TOKEN },
      'http://twinning.example.org.evil.example': { code: 4401, reason: MISSING_TOKEN },
    });
  });
});

describe('the console (server side) before the console is built', () => {
  let app: TestApp;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'console-unbuilt-'));
    app = await startTestApp({ env: { CONSOLE_DIR: folder } });
  });

  afterAll(async () => {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers GET / (and a console path) with how to build it, and still serves the API', async () => {
    for (const path of ['/', '/needs/123']) {
      const response = await request(app.app.getHttpServer())
        .get(path)
        .set('accept', BROWSER_ACCEPT);
      expect({
        status: response.status,
        type: response.headers['content-type'],
        cache: response.headers['cache-control'],
        body: response.text,
      }).toEqual({
        status: 503,
        type: 'text/plain; charset=utf-8',
        cache: 'no-store',
        body:
          'The web console is not built yet: run "npm run build" in the project folder, then reload this page.\n' +
          'The GraphQL API answers at /graphql.\n\n' +
          'La consola web aún no está compilada: ejecute "npm run build" en la carpeta del proyecto y vuelva a cargar esta página.\n' +
          'La API GraphQL responde en /graphql.\n',
      });
    }
    const missing = await request(app.app.getHttpServer()).get('/assets/app-abc123.js');
    expect(missing.status).toBe(404);
    const answer = await request(app.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(answer.body).toEqual({ data: { __typename: 'Query' } });
  });
});
