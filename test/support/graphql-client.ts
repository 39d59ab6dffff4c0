export const TEST_PASSWORD = 'a-long-enough-password';

export interface GraphQLErrorShape {
  message: string;
  path?: string[];
  extensions: {
    code: string;
    fields?: { field: string; message: string }[];
    requestId?: string;
    [key: string]: unknown;
  };
}

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

export interface GqlOptions {
  /** A bearer token; omit to call anonymously. */
  as?: string;
  headers?: Record<string, string>;
}

/** What the builders and most tests need: GraphQL calls, whichever way they travel. */
export interface GraphQLClient {
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<GraphQLResponse<T>>;
  /** Like `gql`, but fails the test on any error and returns `data`. */
  ok<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<T>;
  /** The first error of a call that must fail. */
  fails(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<GraphQLErrorShape>;
  login(email: string, password?: string): Promise<string>;
}

/** `ok`, `fails` and `login` on top of one way of sending a GraphQL request. */
export function graphQLClient(gql: GraphQLClient['gql']): GraphQLClient {
  const client: GraphQLClient = {
    gql,
    async ok(query, variables, options) {
      const body = await gql(query, variables, options);
      if (body.errors?.length) {
        throw new Error(`Unexpected GraphQL errors: ${JSON.stringify(body.errors, null, 2)}`);
      }
      return body.data as any;
    },
    async fails(query, variables, options) {
      const body = await gql(query, variables, options);
      if (!body.errors?.length) {
        throw new Error(`Expected an error, got ${JSON.stringify(body.data)}`);
      }
      return body.errors[0];
    },
    async login(email, password = TEST_PASSWORD) {
      const data = await client.ok<{ login: { token: string } }>(
        'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        { email, password },
      );
      return data.login.token;
    },
  };
  return client;
}

/** A client of a server reached over the network, e.g. a built server in another process. */
export function httpGraphQLClient(baseUrl: string): GraphQLClient {
  return graphQLClient(async (query, variables, options = {}) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en',
        ...(options.as ? { authorization: `Bearer ${options.as}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<any>;
  });
}
