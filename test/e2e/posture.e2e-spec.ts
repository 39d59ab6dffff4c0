import request from 'supertest';
import { validateEnvironment } from '../../src/config/environment';
import {
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TestApp,
  UNUSED_MAIL_SERVER,
} from '../support/test-app';

const INTROSPECTION = '{ __schema { queryType { name } } }';
const CSRF_REFUSAL = {
  errors: [
    {
      message:
        "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight\n",
      extensions: { code: 'BAD_REQUEST' },
    },
  ],
};

function preflight(app: TestApp, origin: string) {
  return request(app.app.getHttpServer())
    .options('/graphql')
    .set('origin', origin)
    .set('access-control-request-method', 'POST')
    .set('access-control-request-headers', 'authorization,content-type');
}

describe('in production', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { NODE_ENV: 'production', SMTP_URL: UNUSED_MAIL_SERVER } });
  });

  afterAll(() => app.close());

  it('refuses introspection', async () => {
    const response = await request(app.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: INTROSPECTION });
    expect({ status: response.status, body: response.body }).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              'GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production',
            locations: [{ line: 1, column: 3 }],
            extensions: {
              code: 'GRAPHQL_VALIDATION_FAILED',
              validationErrorCode: 'INTROSPECTION_DISABLED',
            },
          },
        ],
      },
    });
  });

  it('serves no landing page to a browser', async () => {
    const response = await request(app.app.getHttpServer())
      .get('/graphql')
      .set('accept', 'text/html')
      .set('apollo-require-preflight', 'true');
    expect({
      status: response.status,
      type: response.headers['content-type'],
      body: response.body,
    }).toEqual({
      status: 406,
      type: 'application/json; charset=utf-8',
      body: {
        errors: [
          {
            message:
              "An 'accept' header was provided for this request which does not accept application/json; charset=utf-8 or application/graphql-response+json; charset=utf-8",
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
    });
  });

  it('suggests no field names', async () => {
    const token = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    expect(await app.gql('{ mee { email } }', {}, { as: token })).toEqual({
      errors: [
        {
          message: 'Cannot query field "mee" on type "Query". [Suggestion hidden]?',
          locations: [{ line: 1, column: 3 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });

  it('allows no browser origin unless CORS_ORIGINS lists it', async () => {
    const response = await preflight(app, 'http://localhost:5173');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sets the security headers and still answers GraphQL', async () => {
    const response = await request(app.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });
    expect({ status: response.status, body: response.body }).toEqual({
      status: 200,
      body: { data: { __typename: 'Query' } },
    });
    expect(response.headers).toEqual(
      expect.objectContaining({
        'content-security-policy':
          "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests",
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
      }),
    );
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('outside production', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('allows introspection', async () => {
    expect(await app.ok(INTROSPECTION)).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('lets a browser client on localhost in, and no other', async () => {
    const local = await preflight(app, 'http://localhost:5173');
    expect(local.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const other = await preflight(app, 'https://example.org');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a GET or a form-like POST that a browser could send cross-site unasked', async () => {
    const server = app.app.getHttpServer();
    const get = await request(server).get('/graphql').query({ query: '{ __typename }' });
    const textPlain = await request(server)
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ query: '{ __typename }' }));
    expect([
      { status: get.status, body: get.body },
      { status: textPlain.status, body: textPlain.body },
    ]).toEqual([
      { status: 400, body: CSRF_REFUSAL },
      { status: 400, body: CSRF_REFUSAL },
    ]);
    const preflighted = await request(server)
      .get('/graphql')
      .set('apollo-require-preflight', 'true')
      .query({ query: '{ __typename }' });
    expect({ status: preflighted.status, body: preflighted.body }).toEqual({
      status: 200,
      body: { data: { __typename: 'Query' } },
    });
  });

  it('refuses a CORS_ORIGINS setting that is not a list of origins', () => {
    expect(() => validateEnvironment({ CORS_ORIGINS: 'https://ok.example.org, *' })).toThrow(
      'Invalid configuration: CORS_ORIGINS must be origins such as "https://mirps.example.org" separated by commas',
    );
  });
});

// Last: ConfigModule copies the settings it validated into process.env, where the apps
// started after this one in the same file would find CORS_ORIGINS.
describe('in production with CORS_ORIGINS', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      env: {
        NODE_ENV: 'production',
        SMTP_URL: UNUSED_MAIL_SERVER,
        CORS_ORIGINS: 'https://mirps.example.org, https://admin.mirps.example.org',
      },
    });
  });

  afterAll(() => app.close());

  it('lets exactly the listed origins in', async () => {
    const listed = await preflight(app, 'https://admin.mirps.example.org');
    expect({
      status: listed.status,
      origin: listed.headers['access-control-allow-origin'],
      methods: listed.headers['access-control-allow-methods'],
      headers: listed.headers['access-control-allow-headers'],
    }).toEqual({
      status: 204,
      origin: 'https://admin.mirps.example.org',
      methods: 'GET,POST,OPTIONS',
      headers: 'authorization,content-type,apollo-require-preflight',
    });
    const other = await preflight(app, 'https://mirps.example.org.evil.test');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
