/**
 * The peer of `npm run bench:http`: PostGraphile 5 serving GraphQL straight from the
 * service's PostgreSQL tables (the schema the `pg` row was migrated and seeded into), on
 * grafserv's Node HTTP adaptor, as it would run in production: the Amber preset, no
 * GraphiQL (Ruru), no watch mode, no explain, no websockets, NODE_ENV/GRAPHILE_ENV
 * production.
 *
 * Every request must carry `Authorization: Bearer <jwt>`: the token is verified here (HS256,
 * audience "postgraphile", with JWT_SECRET) and its `role` claim becomes the PostgreSQL role
 * of the request's transaction (pgSettings.role: PostGraphile runs `set_config('role', …,
 * true)` in it), a NOLOGIN role that may only read the tables (bench/http.ts makes it).
 *
 * Started by bench/http.ts as `node -r ts-node/register/transpile-only
 * bench/postgraphile/server.ts PORT` with DATABASE_URL (no `?schema=`), PG_SCHEMA and
 * JWT_SECRET. PostGraphile lives in bench/postgraphile/node_modules (its own package, not
 * the service's), loaded with require from this folder, so the service's type check does
 * not need it installed: the few types used are declared below.
 */
import { createServer, IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';

/** The parts of PostGraphile's API used here (postgraphile 5, see its docs). */
interface PostGraphileModule {
  postgraphile: (preset: Preset) => {
    createServ(grafserv: unknown): {
      addTo(server: ReturnType<typeof createServer>): Promise<void>;
    };
    getSchema(): Promise<unknown>;
    release(): Promise<void> | void;
  };
}
type Preset = Record<string, unknown>;
interface RequestContext {
  node?: { req?: IncomingMessage };
}
interface JwtModule {
  verify: (
    token: string,
    secret: string,
    options: { algorithms: string[]; audience: string },
  ) => string | Record<string, unknown>;
}

const load = createRequire(__filename);
const { postgraphile } = load('postgraphile') as PostGraphileModule;
const { PostGraphileAmberPreset } = load('postgraphile/presets/amber') as {
  PostGraphileAmberPreset: Preset;
};
const { makePgService } = load('postgraphile/adaptors/pg') as {
  makePgService: (options: Record<string, unknown>) => unknown;
};
const { grafserv } = load('postgraphile/grafserv/node') as { grafserv: unknown };
const jwt = load('jsonwebtoken') as JwtModule;

const port = Number(process.argv[2]);
const databaseUrl = required('DATABASE_URL');
const schema = required('PG_SCHEMA');
const secret = required('JWT_SECRET');
/** A PostgreSQL role name, as a claim may carry it: nothing to quote, nothing to inject. */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

function unauthorized(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 401 });
}

/** The request's pgSettings from its verified token: the role claim, and the subject. */
function pgSettingsOf(request: IncomingMessage | undefined): Record<string, string> {
  const [scheme, token] = (request?.headers.authorization ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthorized('a Bearer token is needed');
  let claims: string | Record<string, unknown>;
  try {
    claims = jwt.verify(token, secret, { algorithms: ['HS256'], audience: 'postgraphile' });
  } catch {
    throw unauthorized('the token is not valid');
  }
  if (typeof claims !== 'object' || typeof claims.role !== 'string' || !ROLE_NAME.test(claims.role))
    throw unauthorized('the token names no role');
  return {
    role: claims.role,
    ...(typeof claims.sub === 'string' ? { 'jwt.claims.sub': claims.sub } : {}),
  };
}

const preset: Preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: databaseUrl,
      schemas: [schema],
      // As many connections as the service's pool (src/database/data-source-options.ts).
      poolConfig: { max: 10 },
    }),
  ],
  grafast: {
    explain: false,
    context: (requestContext: Partial<RequestContext>, args: { contextValue?: object }) => ({
      ...args.contextValue,
      pgSettings: pgSettingsOf(requestContext.node?.req),
    }),
  },
  grafserv: {
    graphqlPath: '/graphql',
    graphiql: false,
    graphiqlOnGraphQLGET: false,
    watch: false,
    websockets: false,
    graphqlOverGET: false,
  },
};

async function main(): Promise<void> {
  const pgl = postgraphile(preset);
  // Builds the schema (introspection) before listening: the first request is a normal one.
  await pgl.getSchema();
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  await serv.addTo(server);
  server.listen(port, '127.0.0.1', () => {
    console.log(`PostGraphile listens on http://127.0.0.1:${port}/graphql (schema ${schema})`);
  });
  process.once('SIGTERM', () => {
    server.close();
    void Promise.resolve(pgl.release()).finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
