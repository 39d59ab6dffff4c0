import { randomUUID } from 'node:crypto';
import { createServer, Server, Socket } from 'node:net';
import request from 'supertest';
import { freePort } from '../support/server-process';
import {
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TestApp,
} from '../support/test-app';

/** `GET /health` with REDIS_URL set. Without it, startup.e2e-spec checks the database alone. */
const REDIS_URL = process.env.TEST_REDIS_URL;

/** Each command to Redis gives up after this long (RedisConnections' command timeout). */
const COMMAND_TIMEOUT_MS = 2000;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
}

function health(app: TestApp) {
  return request(app.app.getHttpServer()).get('/health');
}

function login(app: TestApp) {
  return request(app.app.getHttpServer())
    .post('/graphql')
    .set('content-type', 'application/json')
    .send({
      query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      variables: { e: SECRETARIAT_EMAIL, p: SECRETARIAT_PASSWORD },
    });
}

const DOWN = {
  status: 'error',
  info: { database: { status: 'up', responseTime: expect.any(Number) } },
  error: { redis: { status: 'down' } },
  details: {
    database: { status: 'up', responseTime: expect.any(Number) },
    redis: { status: 'down' },
  },
};

(REDIS_URL ? describe : describe.skip)('health with Redis', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      env: { REDIS_URL: REDIS_URL!, REDIS_KEY_PREFIX: `test:health:${randomUUID()}:` },
    });
  });

  afterAll(() => app.close());

  it('reports the database and Redis', async () => {
    const response = await health(app).expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      info: {
        database: { status: 'up', responseTime: expect.any(Number) },
        redis: { status: 'up' },
      },
      error: {},
      details: {
        database: { status: 'up', responseTime: expect.any(Number) },
        redis: { status: 'up' },
      },
    });
  });
});

describe('health when Redis is gone', () => {
  describe('nothing listens at REDIS_URL', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${await freePort()}` } });
    });

    afterAll(() => app.close());

    it('starts, and answers 503 naming Redis, promptly', async () => {
      const { result, ms } = await timed(() => health(app));
      expect({ status: result.status, body: result.body }).toEqual({ status: 503, body: DOWN });
      expect(ms).toBeLessThan(COMMAND_TIMEOUT_MS + 1000);
    });

    it('fails requests that need the counters instead of holding them', async () => {
      const { result, ms } = await timed(() => login(app));
      expect(
        result.body.errors.map((error: { extensions: { code: string } }) => error.extensions.code),
      ).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(ms).toBeLessThan(COMMAND_TIMEOUT_MS + 1000);
    });
  });

  describe('Redis accepts connections but never answers', () => {
    let silent: Server;
    const sockets = new Set<Socket>();
    let app: TestApp;

    beforeAll(async () => {
      silent = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as { port: number };
      app = await startTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    });

    // Shutting down must not wait on Redis either (QUIT gives up after the timeout).
    afterAll(async () => {
      await app.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }, COMMAND_TIMEOUT_MS + 2000);

    it('answers 503 naming Redis within the command timeout', async () => {
      const { result, ms } = await timed(() => health(app));
      expect({ status: result.status, body: result.body }).toEqual({ status: 503, body: DOWN });
      expect(ms).toBeGreaterThanOrEqual(COMMAND_TIMEOUT_MS - 100);
      expect(ms).toBeLessThan(COMMAND_TIMEOUT_MS + 1000);
    });

    it('fails a request that needs the counters within the command timeout', async () => {
      const { result, ms } = await timed(() => login(app));
      expect(
        result.body.errors.map((error: { extensions: { code: string } }) => error.extensions.code),
      ).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(ms).toBeLessThan(COMMAND_TIMEOUT_MS + 1000);
    });
  });
});
