import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TestApp,
  UNUSED_MAIL_SERVER,
} from '../support/test-app';

/** With TEST_REDIS_URL set, the app uses Redis and the metrics report it. */
const REDIS_URL = process.env.TEST_REDIS_URL;

const TOKEN = 'a-metrics-token-for-the-end-to-end-tests';
const PROMETHEUS_TEXT = 'text/plain; version=0.0.4; charset=utf-8';

function scrape(app: TestApp, authorization?: string) {
  const call = request(app.app.getHttpServer()).get('/metrics');
  return authorization === undefined ? call : call.set('authorization', authorization);
}

/** The lines of `text` that start with `prefix`. */
function lines(text: string, prefix: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(prefix));
}

describe('GET /metrics outside production', () => {
  let app: TestApp;
  let text: string;

  beforeAll(async () => {
    app = await startTestApp({
      env: REDIS_URL ? { REDIS_URL, REDIS_KEY_PREFIX: `test:metrics:${randomUUID()}:` } : {},
    });
    const token = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    const countries = 'query Countries { countries(mirpsOnly: true) { code } }';
    await app.ok(countries, {}, { as: token });
    await app.ok(countries, {}, { as: token });
    // Refused by the access guard: no token.
    expect((await app.fails('query Anonymously { countries { code } }')).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    // Named, but fails validation: Apollo never resolves the operation.
    expect(
      (await app.fails('query Misspelt { countrys { code } }', {}, { as: token })).extensions.code,
    ).toBe('GRAPHQL_VALIDATION_FAILED');
    // Does not parse: no operation at all.
    expect((await app.fails('{ countries {', {}, { as: token })).extensions.code).toBe(
      'GRAPHQL_PARSE_FAILED',
    );
    // Longer than a label may be.
    await app.ok(`query ${'Long'.repeat(20)} { countries { code } }`, {}, { as: token });

    const response = await scrape(app).expect(200);
    expect(response.headers['content-type']).toBe(PROMETHEUS_TEXT);
    expect(response.headers['cache-control']).toBe('no-store');
    text = response.text;
  });

  afterAll(() => app.close());

  it('counts GraphQL requests by operation, type and outcome', () => {
    expect(lines(text, 'graphql_requests_total{')).toEqual([
      'graphql_requests_total{operation="Login",type="mutation",outcome="success"} 1',
      'graphql_requests_total{operation="Countries",type="query",outcome="success"} 2',
      'graphql_requests_total{operation="Anonymously",type="query",outcome="error"} 1',
      'graphql_requests_total{operation="Misspelt",type="query",outcome="error"} 1',
      'graphql_requests_total{operation="anonymous",type="unknown",outcome="error"} 1',
      'graphql_requests_total{operation="other",type="query",outcome="success"} 1',
    ]);
  });

  it('times them', () => {
    expect(lines(text, 'graphql_request_duration_seconds_count{')).toEqual([
      'graphql_request_duration_seconds_count{operation="Login",type="mutation"} 1',
      'graphql_request_duration_seconds_count{operation="Countries",type="query"} 2',
      'graphql_request_duration_seconds_count{operation="Anonymously",type="query"} 1',
      'graphql_request_duration_seconds_count{operation="Misspelt",type="query"} 1',
      'graphql_request_duration_seconds_count{operation="anonymous",type="unknown"} 1',
      'graphql_request_duration_seconds_count{operation="other",type="query"} 1',
    ]);
    expect(
      lines(text, 'graphql_request_duration_seconds_bucket{le="+Inf",operation="Countries"'),
    ).toEqual([
      'graphql_request_duration_seconds_bucket{le="+Inf",operation="Countries",type="query"} 2',
    ]);
  });

  it('counts errors by code', () => {
    expect(lines(text, 'graphql_errors_total{')).toEqual([
      'graphql_errors_total{code="UNAUTHENTICATED"} 1',
      'graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"} 1',
      'graphql_errors_total{code="GRAPHQL_PARSE_FAILED"} 1',
    ]);
  });

  it('reports the database, and Redis when it is used', () => {
    expect(lines(text, 'database_up')).toEqual(['database_up 1']);
    expect(lines(text, 'redis_up')).toEqual(REDIS_URL ? ['redis_up 1'] : []);
  });

  it('counts the e-mails in the outbox by status', () => {
    expect(lines(text, 'mail_outbox{')).toEqual([
      'mail_outbox{status="PENDING"} 0',
      'mail_outbox{status="SENT"} 0',
      'mail_outbox{status="FAILED"} 0',
    ]);
    expect(lines(text, 'mail_claims_lost ')).toEqual(['mail_claims_lost 0']);
  });

  it("includes Node's own metrics: event-loop lag, heap", () => {
    expect(lines(text, '# TYPE nodejs_eventloop_lag_seconds gauge')).toHaveLength(1);
    expect(lines(text, 'nodejs_eventloop_lag_seconds ')).toHaveLength(1);
    expect(lines(text, 'nodejs_eventloop_lag_p99_seconds ')).toHaveLength(1);
    expect(lines(text, 'nodejs_heap_size_used_bytes ')).toHaveLength(1);
  });
});

describe('GET /metrics in production', () => {
  describe('without METRICS_TOKEN', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({ env: { NODE_ENV: 'production', SMTP_URL: UNUSED_MAIL_SERVER } });
    });

    afterAll(() => app.close());

    it('answers 404, as for a path that is not there', async () => {
      for (const authorization of [undefined, `Bearer ${TOKEN}`]) {
        const response = await scrape(app, authorization);
        expect({ status: response.status, body: response.body }).toEqual({
          status: 404,
          body: { message: 'Cannot GET /metrics', error: 'Not Found', statusCode: 404 },
        });
      }
    });
  });

  describe('with METRICS_TOKEN', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({
        // A rate limit the scrapes below would be over, were they counted.
        env: {
          NODE_ENV: 'production',
          SMTP_URL: UNUSED_MAIL_SERVER,
          METRICS_TOKEN: TOKEN,
          RATE_LIMIT_PER_MINUTE: '1',
        },
      });
    });

    afterAll(() => app.close());

    it('answers 401 without the token, or with another', async () => {
      for (const authorization of [
        undefined,
        TOKEN,
        `Basic ${TOKEN}`,
        `Bearer ${TOKEN.slice(0, -1)}`,
        `Bearer ${TOKEN.replace(/a/g, 'b')}`,
      ]) {
        const response = await scrape(app, authorization);
        expect({
          status: response.status,
          challenge: response.headers['www-authenticate'],
          body: response.body,
        }).toEqual({
          status: 401,
          challenge: 'Bearer',
          body: {
            message: 'Metrics need "Authorization: Bearer <METRICS_TOKEN>"',
            error: 'Unauthorized',
            statusCode: 401,
          },
        });
      }
    });

    it('answers 200 with the metrics for the token, and is not rate limited', async () => {
      for (let scrapes = 0; scrapes < 3; scrapes++) {
        const response = await scrape(app, `Bearer ${TOKEN}`).expect(200);
        expect(response.headers['content-type']).toBe(PROMETHEUS_TEXT);
        expect(response.headers['cache-control']).toBe('no-store');
        expect(lines(response.text, 'database_up')).toEqual(['database_up 1']);
        expect(lines(response.text, 'nodejs_eventloop_lag_seconds ')).toHaveLength(1);
      }
    });
  });
});
