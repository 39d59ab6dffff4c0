import request from 'supertest';
import { Environment, validateEnvironment } from '../../src/config/environment';
import {
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TestApp,
} from '../support/test-app';

const DEFAULTS = new Environment();

/** need → twinnings → needs → twinnings …: `levels` nested selections under `need`. */
function deepQuery(levels: number): string {
  let selection = 'id';
  for (let level = levels; level > 0; level -= 1) {
    selection = `${level % 2 === 1 ? 'twinnings' : 'needs'} { ${selection} }`;
  }
  return `query Deep { need(id: "00000000-0000-4000-8000-000000000000") { ${selection} } }`;
}

function aliasedQuery(aliases: number): string {
  const fields = Array.from({ length: aliases }, (_, index) => `me${index}: me { id }`);
  return `query Aliased { ${fields.join(' ')} }`;
}

describe('query abuse limits', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp();
    token = await app.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
  });

  afterAll(() => app.close());

  /** The HTTP status, the body and the SQL statements the request ran. */
  async function sendWith(query: string, variables: Record<string, unknown>) {
    const before = app.queryCount();
    const response = await request(app.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${token}`)
      .send({ query, variables });
    return { status: response.status, body: response.body, statements: app.queryCount() - before };
  }

  const send = (query: string) => sendWith(query, {});

  it('has the documented defaults', () => {
    expect({
      depth: DEFAULTS.GRAPHQL_MAX_DEPTH,
      aliases: DEFAULTS.GRAPHQL_MAX_ALIASES,
      directives: DEFAULTS.GRAPHQL_MAX_DIRECTIVES,
      tokens: DEFAULTS.GRAPHQL_MAX_TOKENS,
      cost: DEFAULTS.GRAPHQL_MAX_COST,
    }).toEqual({ depth: 10, aliases: 30, directives: 20, tokens: 2000, cost: 25000 });
  });

  it('refuses a 15-deep query before running anything', async () => {
    expect(await send(deepQuery(14))).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Syntax Error: Query depth limit of 10 exceeded, found 16.',
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
      statements: 0,
    });
  });

  it('refuses a 500-alias query at the token limit, before running anything', async () => {
    expect(await send(aliasedQuery(500))).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.',
            locations: [{ line: 1, column: 5566 }],
            extensions: { code: 'GRAPHQL_PARSE_FAILED' },
          },
        ],
      },
      statements: 0,
    });
  });

  it('refuses one alias over the limit and answers at the limit', async () => {
    expect(await send(aliasedQuery(31))).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Syntax Error: Aliases limit of 30 exceeded, found 31.',
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
      statements: 0,
    });
    const { status, body } = await send(aliasedQuery(30));
    expect(status).toBe(200);
    expect(Object.keys(body.data)).toHaveLength(30);
    expect(body.errors).toBeUndefined();
  });

  it('refuses too many directives', async () => {
    const directives = Array.from({ length: 21 }, () => '@skip(if: false)').join(' ');
    const fields = `id ${directives}`;
    const { status, body, statements } = await send(`query { me { ${fields} } }`);
    expect({ status, first: body.errors[0], statements }).toEqual({
      status: 400,
      first: {
        message: 'Syntax Error: Directives limit of 20 exceeded, found 21.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
      statements: 0,
    });
  });

  it('refuses a query that would cost too much, though within the other limits', async () => {
    // 100 needs × 10 twinnings × 10 needs × 10 twinnings: a list without a page size counts 10,
    // and `first` counts from the variables too.
    const query = `query Costly($first: Int) {
      needs(first: $first) { edges { node { twinnings { needs { twinnings { id status } } } } } }
    }`;
    const refused = await sendWith(query, { first: 100 });
    expect(refused).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Query cost limit of 25000 exceeded, found 211301.',
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
      statements: 0,
    });
    // The same query for 2 needs costs 4227: it runs (the database holds no need).
    const allowed = await sendWith(query, { first: 2 });
    expect({ status: allowed.status, body: allowed.body }).toEqual({
      status: 200,
      body: { data: { needs: { edges: [] } } },
    });
    // Estimates are kept per document and variables: asked again, each answer is the same.
    expect(await sendWith(query, { first: 100 })).toEqual(refused);
    expect((await sendWith(query, { first: 2 })).status).toBe(200);
  });

  it.each([
    [
      'a named fragment',
      `query Costly($first: Int) { needs(first: $first) { ...Deep } }
       fragment Deep on NeedConnection { edges { node { twinnings { needs { twinnings { id status } } } } } }`,
    ],
    [
      'nested named fragments',
      `query Costly($first: Int) { needs(first: $first) { edges { node { ...Outer } } } }
       fragment Outer on Need { twinnings { ...Inner } }
       fragment Inner on TwinningArrangement { needs { twinnings { id status } } }`,
    ],
    [
      'an inline fragment',
      `query Costly($first: Int) {
         needs(first: $first) { ... on NeedConnection { edges { node { twinnings { needs { twinnings { id status } } } } } } }
       }`,
    ],
  ])('counts the cost of what %s selects as if written out', async (_what, query) => {
    // The same selection as above, through fragments: the same estimate, the same refusal.
    const refused = await sendWith(query, { first: 100 });
    expect(refused).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Query cost limit of 25000 exceeded, found 211301.',
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
      statements: 0,
    });
    expect((await sendWith(query, { first: 2 })).status).toBe(200);
  });

  it('caps a page at 100', async () => {
    const { status, body } = await send('{ needs(first: 101) { edges { node { id } } } }');
    expect({ status, error: body.errors[0] }).toEqual({
      status: 200,
      error: expect.objectContaining({
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'first', message: 'first must not be greater than 100' }],
        },
      }),
    });
  });

  it('takes its limits from the configuration', async () => {
    const strict = await startTestApp({
      env: { GRAPHQL_MAX_DEPTH: '2', GRAPHQL_MAX_ALIASES: '1' },
    });
    try {
      const strictToken = await strict.login(SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
      expect(await strict.gql('{ me { email } }', {}, { as: strictToken })).toEqual({
        data: { me: { email: SECRETARIAT_EMAIL } },
      });
      expect(await strict.gql('{ me { organization { id } } }', {}, { as: strictToken })).toEqual({
        errors: [
          {
            message: 'Syntax Error: Query depth limit of 2 exceeded, found 3.',
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      });
      expect(await strict.gql('{ a: me { id } b: me { id } }', {}, { as: strictToken })).toEqual({
        errors: [
          {
            message: 'Syntax Error: Aliases limit of 1 exceeded, found 2.',
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      });
    } finally {
      await strict.close();
    }
  });

  it('refuses a limit that is not a positive whole number at start-up', () => {
    expect(() => validateEnvironment({ GRAPHQL_MAX_DEPTH: '0' })).toThrow(
      'Invalid configuration: GRAPHQL_MAX_DEPTH must not be less than 1',
    );
    expect(() => validateEnvironment({ GRAPHQL_MAX_COST: 'lots' })).toThrow(
      'Invalid configuration: GRAPHQL_MAX_COST must be an integer number',
    );
  });
});
