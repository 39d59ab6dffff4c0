/**
 * `npm run bench:http`: HTTP throughput and latency of the built service under load, with
 * autocannon at 50 connections, on a representative read (bench/http-data.ts: the first
 * page of needs with their country, working group and twinnings), against:
 *
 *   - a bare Apollo Server answering the same query from the same data in memory (the
 *     ceiling: what GraphQL over HTTP costs in Node on this machine, with nothing else);
 *   - the built service (dist/src/main.js) on SQLite, at the default LOG_LEVEL (info: one
 *     log line per request) and at warn (no request log);
 *   - the built service on PostgreSQL: one instance; one instance with Redis; two instances
 *     with Redis, the load split across both;
 *   - the same service on SQLite at 1 connection (one reader at a time: latency, not load);
 *   - the peer: PostGraphile 5 (bench/postgraphile, a package of its own installed here on
 *     demand) serving GraphQL straight from the same PostgreSQL tables the `pg` rows read,
 *     each request with a JWT whose role claim becomes its PostgreSQL role (a NOLOGIN role
 *     that may only read those tables), asked the same page in its own names
 *     (bench/postgraphile/query.ts), its answer checked field by field against the service's.
 *
 * Each service is migrated by its own first start, then seeded in bulk through its own
 * entities (TypeORM), then restarted and measured; every answer is checked to be the page
 * (and, once per server, to be exactly the ceiling's). The load comes from 50 observers,
 * one per connection, each signed in through the API. RATE_LIMIT_PER_MINUTE is raised for
 * the benchmark's servers (each reader sends far more than 600 requests a minute), and
 * LOGIN_ATTEMPTS_PER_ADDRESS too (they all sign in from here). Every child process,
 * PostgreSQL schema and role and Redis key it makes is removed at the end, failure or not.
 *
 * Besides req/s and latency, each row gives the CPU time the server processes spent per
 * request: on a shared machine req/s moves with the other load, CPU per request much less.
 *
 * Settings (environment): BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (3),
 * BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/test; "none" skips PostgreSQL),
 * BENCH_REDIS_URL (redis://127.0.0.1:6379), BENCH_CONNECTIONS (50), BENCH_ONLY (comma-separated row keys:
 * ceiling, sqlite, sqlite-warn, sqlite-1, pg, pg-redis, pg-2, peer; the peer needs the
 * PostgreSQL data, which is prepared whenever it is asked for), BENCH_NODE_FLAGS (for the
 * servers' node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles" to profile them).
 *
 * After the table it says whether the goals of issue 10 are met (see GOALS).
 */
import { JwtService } from '@nestjs/jwt';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { freePort } from '../test/support/server-process';
import { START_COMMAND } from '../test/support/start-command';
import { BenchData, benchData, NEEDS_PAGE_QUERY } from './http-data';
import { seedDatabase } from './seed-database';
import {
  differences,
  needsTwinningsFunction,
  PEER_ANSWER_START,
  PEER_NEEDS_PAGE_QUERY,
  PEER_TABLES,
  PeerAnswer,
  toServiceShape,
} from './postgraphile/query';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ONLY = process.env.BENCH_ONLY?.split(',').map((key) => key.trim());
/** Extra flags for the servers' node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles". */
const NODE_FLAGS = [
  ...START_COMMAND.nodeFlags,
  ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
];

const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const SECRETARIAT_EMAIL = 'bench@mirps.test';
const SECRETARIAT_PASSWORD = 'a-benchmark-password';
/** High enough that no reader's load in a run is refused. */
const NO_RATE_LIMIT = '1000000000';
/** The readers: one signed-in observer per connection, as 50 people at their screens. */
const READERS = Array.from(
  { length: CONNECTIONS },
  (_, index) => `reader-${String(index + 1).padStart(2, '0')}@mirps.test`,
);

/** The goals of issue 10. */
const GOALS = {
  /** (a) the service on SQLite at CONNECTIONS connections, against the ceiling. */
  sqliteShareOfCeiling: 0.3,
  sqliteCpuMsPerRequest: 2.5,
  /** (b) the service on PostgreSQL (1 instance), against the peer. */
  pgShareOfPeer: 0.5,
  /** (c) the service on SQLite at 1 connection. */
  singleConnectionP99Ms: 10,
};
const SERVICE_ANSWER_START = '{"data":{"needs":{"totalCount":';
const JWT_SECRET = 'a-benchmark-secret-that-is-long-enough-for-hs256';
const PEER = join(__dirname, 'postgraphile');

interface Measured {
  key: string;
  setup: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Requests answered with an error, a non-2xx status or something other than the page. */
  failed: number;
  /**
   * CPU time (user + system) the server processes spent per answered request: unlike req/s,
   * it hardly changes when other work shares the machine. Database servers not included.
   */
  cpuMsPerRequest: number | undefined;
  /** The machine's 1-minute load average at the end of the run (2 cores: above 2, queued). */
  load: number;
}

/** Everything to undo at the end, newest first. */
const cleanups: (() => Promise<void>)[] = [];
const children = new Set<ChildProcess>();

function wanted(key: string): boolean {
  return !ONLY || ONLY.includes(key);
}

interface Server {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts a child process and waits until `ready` answers; its output goes to `logFile`. */
async function startProcess(
  name: string,
  args: string[],
  env: Record<string, string>,
  logFile: string,
  ready: (port: number) => Promise<boolean>,
  port: number,
): Promise<Server> {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...NODE_FLAGS, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...START_COMMAND.env, ...env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = await Promise.race([exited.then(() => false), sleep(15_000, true)]);
      if (killed) child.kill('SIGKILL');
      await exited;
    }
    children.delete(child);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${name} exited with ${child.exitCode}:\n${tail(logFile)}`);
    }
    if (await ready(port).catch(() => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not start within 60 s:\n${tail(logFile)}`);
    }
    await sleep(200);
  }
  return { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid!, stop };
}

function tail(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-20).join('\n') : '';
}

async function startService(
  name: string,
  env: Record<string, string>,
  folder: string,
): Promise<Server> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx nest build" first`);
  const port = await freePort();
  return startProcess(
    name,
    [MAIN],
    {
      NODE_ENV: 'production',
      PORT: String(port),
      JWT_SECRET,
      SECRETARIAT_EMAIL,
      SECRETARIAT_PASSWORD,
      RATE_LIMIT_PER_MINUTE: NO_RATE_LIMIT,
      // The readers all sign in from this machine's address.
      LOGIN_ATTEMPTS_PER_ADDRESS: String(READERS.length * 10),
      ...env,
    },
    join(folder, `${name.replace(/\W+/g, '-')}.log`),
    async (port) => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200,
    port,
  );
}

async function startCeiling(folder: string): Promise<Server> {
  const port = await freePort();
  return startProcess(
    'ceiling',
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'ceiling-server.ts'), String(port)],
    { NODE_ENV: 'production' },
    join(folder, 'ceiling.log'),
    async (port) => (await ask(`http://127.0.0.1:${port}/`, undefined)).status === 200,
    port,
  ).then((server) => ({ ...server, url: server.url.replace('/graphql', '/') }));
}

function ask(url: string, token: string | undefined, query = NEEDS_PAGE_QUERY) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
}

async function login(url: string, email: string): Promise<string> {
  const response = await ask(
    url,
    undefined,
    `mutation { login(email: "${email}", password: "${SECRETARIAT_PASSWORD}") { token } }`,
  );
  const body = (await response.json()) as { data?: { login: { token: string } }; errors?: unknown };
  if (!body.data) throw new Error(`login of ${email} failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.token;
}

/** A token for every reader, signed in through the API. */
async function signInReaders(url: string): Promise<string[]> {
  const tokens: string[] = [];
  for (const email of READERS) tokens.push(await login(url, email));
  return tokens;
}

async function pageFrom(url: string, token?: string): Promise<unknown> {
  const body = (await (await ask(url, token)).json()) as { data?: unknown; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`${url} answered ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Migrates (first start) and seeds a database, leaving no server running. */
async function prepare(name: string, databaseUrl: string, data: BenchData, folder: string) {
  const first = await startService(`${name} (migrating)`, { DATABASE_URL: databaseUrl }, folder);
  await first.stop();
  const started = Date.now();
  await seedDatabase(databaseUrl, data, SECRETARIAT_EMAIL, READERS);
  console.error(`  seeded ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * One measured run at CONNECTIONS connections after a warm-up, on one URL or spread over
 * several (autocannon gives connection i the URL i mod n: 25 each for two instances, in one
 * run whose latency histogram and request count cover both).
 */
async function measure(
  key: string,
  setup: string,
  servers: Server[],
  tokens: string[],
  {
    connections = CONNECTIONS,
    query = NEEDS_PAGE_QUERY,
    answerStart = SERVICE_ANSWER_START,
  }: { connections?: number; query?: string; answerStart?: string } = {},
): Promise<Measured> {
  const urls = servers.map((server) => server.url);
  let connection = 0;
  const options: autocannon.Options = {
    // Several URLs are documented (README) but not in @types/autocannon.
    url: (urls.length === 1 ? urls[0] : urls) as string,
    connections,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    // Connection i is reader i's (and, with two servers, on server i mod 2).
    setupClient: (client) => {
      const token = tokens[connection++ % Math.max(1, tokens.length)];
      if (token)
        client.setHeaders({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
    },
    // An answer is counted only when it is the page: a GraphQL error (a refusal by the
    // rate limit, say) still comes with status 200.
    verifyBody: (body) => String(body).startsWith(answerStart),
  };
  await autocannon({ ...options, duration: WARMUP_SECONDS });
  const cpuBefore = servers.map((server) => cpuSeconds(server.pid));
  const result = await autocannon({ ...options, duration: SECONDS });
  const cpuAfter = servers.map((server) => cpuSeconds(server.pid));
  const requests = result.requests.total;
  const cpu = cpuAfter.reduce<number | undefined>(
    (sum, after, index) =>
      sum === undefined || after === undefined || cpuBefore[index] === undefined
        ? undefined
        : sum + after - cpuBefore[index],
    0,
  );
  return {
    key,
    setup,
    connections,
    rps: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    failed: result.errors + result.timeouts + result.non2xx + result.mismatches,
    cpuMsPerRequest: cpu === undefined || requests === 0 ? undefined : (cpu * 1000) / requests,
    load: loadavg()[0],
  };
}

/** User + system CPU seconds of a process so far (Linux: /proc; elsewhere undefined). */
function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, in clock ticks of 1/100 s (USER_HZ).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const dataSource = new DataSource({ type: 'postgres', url });
  await dataSource.initialize();
  try {
    await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await dataSource.destroy();
  }
}

async function deleteKeys(url: string, keyPrefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const keys: string[] = [];
    for await (const batch of redis.scanStream({ match: `${keyPrefix}*`, count: 1000 })) {
      keys.push(...(batch as string[]));
    }
    for (let start = 0; start < keys.length; start += 500) {
      await redis.del(...keys.slice(start, start + 500));
    }
  } finally {
    redis.disconnect();
  }
}

/**
 * Installs the peer's package (bench/postgraphile: PostGraphile 5 and jsonwebtoken, from its
 * lockfile) when its node_modules is missing, with the npm of this npm script run under the
 * node this runs on (Node 24: PostGraphile 5 needs Node 22 or later).
 */
function installPeer(): void {
  if (existsSync(join(PEER, 'node_modules'))) return;
  const npm = process.env.npm_execpath;
  if (!npm) {
    throw new Error(
      `${PEER}/node_modules is missing and npm_execpath is not set: run "npm run bench:http", ` +
        `or "npm ci" in ${PEER} with Node 22 or later`,
    );
  }
  console.error(`installing the peer (npm ci in ${PEER})`);
  const result = spawnSync(process.execPath, [npm, 'ci', '--no-audit', '--no-fund'], {
    cwd: PEER,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(`npm ci in ${PEER} failed (${result.status ?? result.signal ?? result.error})`);
  }
}

/** An HS256 JWT (as any identity provider would issue one) for the peer: role and subject. */
function peerToken(role: string, subject: string): string {
  return new JwtService({ secret: JWT_SECRET }).sign(
    { role },
    { subject, audience: 'postgraphile', expiresIn: 3600, algorithm: 'HS256' },
  );
}

async function withPostgres<T>(url: string, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource({ type: 'postgres', url });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * What the peer needs in the seeded schema: a NOLOGIN role that may read the page's tables
 * (and that the connecting user may become), and the computed column `Need.twinnings`.
 */
async function preparePeer(url: string, schema: string, role: string): Promise<void> {
  await withPostgres(url, async (ds) => {
    await ds.query(`CREATE ROLE "${role}" NOLOGIN`);
    const [{ rolsuper }] = await ds.query<{ rolsuper: boolean }[]>(
      'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
    );
    // A superuser may SET ROLE to any role; anyone else must be a member of it.
    if (!rolsuper) await ds.query(`GRANT "${role}" TO CURRENT_USER`);
    await ds.query(`GRANT USAGE ON SCHEMA "${schema}" TO "${role}"`);
    await ds.query(
      `GRANT SELECT ON ${PEER_TABLES.map((table) => `"${schema}"."${table}"`).join(', ')} TO "${role}"`,
    );
    for (const statement of needsTwinningsFunction(schema)) await ds.query(statement);
  });
}

async function dropRole(url: string, role: string): Promise<void> {
  await withPostgres(url, async (ds) => {
    const found = await ds.query<unknown[]>('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (found.length === 0) return;
    // Its grants on what is left (nothing once the schema is dropped), then the role.
    await ds.query(`DROP OWNED BY "${role}"`);
    await ds.query(`DROP ROLE "${role}"`);
  });
}

async function startPeer(folder: string, schema: string, token: string): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  return startProcess(
    'peer',
    ['-r', 'ts-node/register/transpile-only', join(PEER, 'server.ts'), String(port)],
    {
      NODE_ENV: 'production',
      GRAPHILE_ENV: 'production',
      DATABASE_URL: PG_URL,
      PG_SCHEMA: schema,
      JWT_SECRET,
    },
    join(folder, 'peer.log'),
    async () => (await ask(url, token, '{ __typename }')).status === 200,
    port,
  );
}

/** The peer's page in the service's shape, after checking it answered without errors. */
async function peerPage(url: string, token: string): Promise<unknown> {
  const body = (await (await ask(url, token, PEER_NEEDS_PAGE_QUERY)).json()) as {
    data?: PeerAnswer;
    errors?: unknown;
  };
  if (body.errors || !body.data)
    throw new Error(`the peer answered ${JSON.stringify(body.errors)}`);
  return toServiceShape(body.data);
}

async function run(): Promise<Measured[]> {
  const rows: Measured[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'bench-http-'));
  cleanups.push(() => Promise.resolve(rmSync(folder, { recursive: true, force: true })));
  const data = benchData();
  console.error(
    `data: ${data.needs.length} needs, ${data.offers.length} offers, ` +
      `${data.twinnings.length} twinnings, ${data.organizations.length} organizations; ` +
      `${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s per run`,
  );

  // Installed first, if at all: not while another row is measured.
  if (PG_URL !== 'none' && wanted('peer')) installPeer();

  const ceiling = await startCeiling(folder);
  cleanups.push(() => ceiling.stop());
  const expected = JSON.stringify(await pageFrom(ceiling.url));
  /** The service must answer exactly what the ceiling answers, or the comparison is moot. */
  const checkSame = async (url: string, token: string, name: string) => {
    const page = JSON.stringify(await pageFrom(url, token));
    if (page !== expected) {
      throw new Error(
        `${name} and the ceiling answer differently:\n${page.slice(0, 600)}\n${expected.slice(0, 600)}`,
      );
    }
  };
  if (wanted('ceiling')) {
    console.error('measuring: ceiling');
    rows.push(
      await measure('ceiling', 'bare Apollo Server, data in memory (ceiling)', [ceiling], []),
    );
  }
  await ceiling.stop();

  if (wanted('sqlite') || wanted('sqlite-warn') || wanted('sqlite-1')) {
    const databaseUrl = `sqlite:${join(folder, 'twinning.sqlite')}`;
    await prepare('SQLite', databaseUrl, data, folder);
    for (const [key, level, connections] of [
      ['sqlite', 'info', CONNECTIONS],
      ['sqlite-warn', 'warn', CONNECTIONS],
      ['sqlite-1', 'info', 1],
    ] as const) {
      if (!wanted(key)) continue;
      console.error(`measuring: ${key}`);
      const service = await startService(
        `SQLite ${key}`,
        { DATABASE_URL: databaseUrl, LOG_LEVEL: level },
        folder,
      );
      cleanups.push(() => service.stop());
      const tokens = await signInReaders(service.url);
      await checkSame(service.url, tokens[0], `the service on SQLite`);
      const setup =
        connections === 1
          ? 'service, SQLite, 1 connection'
          : `service, SQLite, LOG_LEVEL=${level}${level === 'info' ? ' (default)' : ''}`;
      rows.push(await measure(key, setup, [service], tokens, { connections }));
      await service.stop();
    }
  }

  const pgKeys = ['pg', 'pg-redis', 'pg-2', 'peer'];
  if (PG_URL !== 'none' && pgKeys.some(wanted)) {
    const schema = `bench_${process.pid}_${Date.now()}`;
    const role = `bench_reader_${process.pid}`;
    const databaseUrl = withSchema(PG_URL, schema);
    // Cleanups run newest first: the role goes once the schema (and its grants) has gone.
    cleanups.push(() => dropRole(PG_URL, role));
    cleanups.push(() => dropSchema(PG_URL, schema));
    const keyPrefix = `bench:${randomUUID()}:`;
    cleanups.push(() => deleteKeys(REDIS_URL, keyPrefix));
    await prepare('PostgreSQL', databaseUrl, data, folder);
    const shared = { DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' };
    const withRedis = { ...shared, REDIS_URL, REDIS_KEY_PREFIX: keyPrefix };
    /** The service's answer on this database: what the peer's must equal. */
    let serviceAnswer: unknown;

    for (const [key, setup, env] of [
      ['pg', 'service, PostgreSQL, 1 instance', shared],
      ['pg-redis', 'service, PostgreSQL, 1 instance, Redis', withRedis],
    ] as const) {
      if (!wanted(key)) continue;
      console.error(`measuring: ${key}`);
      const service = await startService(key, env, folder);
      cleanups.push(() => service.stop());
      const tokens = await signInReaders(service.url);
      await checkSame(service.url, tokens[0], `the service on PostgreSQL`);
      serviceAnswer ??= await pageFrom(service.url, tokens[0]);
      rows.push(await measure(key, setup, [service], tokens));
      await service.stop();
    }

    if (wanted('pg-2')) {
      console.error('measuring: pg-2');
      const a = await startService('pg-2 a', withRedis, folder);
      cleanups.push(() => a.stop());
      const b = await startService('pg-2 b', withRedis, folder);
      cleanups.push(() => b.stop());
      const tokens = await signInReaders(a.url);
      await checkSame(b.url, tokens[0], 'the second instance');
      rows.push(
        await measure(
          'pg-2',
          'service, PostgreSQL, 2 instances, Redis (25 + 25 connections)',
          [a, b],
          tokens,
        ),
      );
      await Promise.all([a.stop(), b.stop()]);
    }

    if (wanted('peer')) {
      if (serviceAnswer === undefined) {
        // The pg rows were skipped: ask the service once, on the same database.
        const service = await startService('pg (answer for the peer)', shared, folder);
        cleanups.push(() => service.stop());
        const token = await login(service.url, READERS[0]);
        await checkSame(service.url, token, `the service on PostgreSQL`);
        serviceAnswer = await pageFrom(service.url, token);
        await service.stop();
      }
      console.error('measuring: peer');
      await preparePeer(PG_URL, schema, role);
      // One token per reader, as the service's: the same role, each its own subject.
      const tokens = READERS.map((email) => peerToken(role, email));
      const peer = await startPeer(folder, schema, tokens[0]);
      cleanups.push(() => peer.stop());
      const found = differences(await peerPage(peer.url, tokens[0]), serviceAnswer);
      if (found.length > 0) {
        throw new Error(
          `the peer's page (mapped) and the service's differ:\n  ${found.join('\n  ')}`,
        );
      }
      rows.push(
        await measure(
          'peer',
          'peer: PostGraphile 5, same PostgreSQL tables, JWT role',
          [peer],
          tokens,
          { query: PEER_NEEDS_PAGE_QUERY, answerStart: PEER_ANSWER_START },
        ),
      );
      await peer.stop();
    }
  }
  return rows;
}

function print(rows: Measured[]): void {
  const row = (key: string) => rows.find((measured) => measured.key === key);
  const ceiling = row('ceiling');
  const header = [
    'setup',
    'conns',
    'req/s',
    'p50',
    'p99',
    'vs ceiling',
    'server CPU / request',
    'load',
    'requests',
    'failed',
  ];
  const cells = rows.map((measured) => [
    measured.setup,
    String(measured.connections),
    measured.rps.toFixed(0),
    `${measured.p50} ms`,
    `${measured.p99} ms`,
    // Only at the same number of connections: at 1, req/s is 1 / latency.
    ceiling && measured.connections === ceiling.connections
      ? `${((measured.rps / ceiling.rps) * 100).toFixed(0)} %`
      : '',
    measured.cpuMsPerRequest === undefined ? '' : `${measured.cpuMsPerRequest.toFixed(2)} ms`,
    measured.load.toFixed(1),
    String(measured.requests),
    String(measured.failed),
  ]);
  const widths = header.map((_, c) => Math.max(header[c].length, ...cells.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log(
    `\nruntime: Node ${process.version}; machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'CPU'}); ` +
      `load average before: ${loadAverageBefore}; ${SECONDS} s per run after ${WARMUP_SECONDS} s of warm-up`,
  );
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const cellsOfRow of cells) console.log(line(cellsOfRow));

  // The goals of issue 10: each met or not, with its figures (a failed request fails it).
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  const percent = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;
  const cpu = (measured: Measured) =>
    measured.cpuMsPerRequest === undefined ? NaN : measured.cpuMsPerRequest;
  const goals: string[] = [];
  const sqlite = row('sqlite');
  if (sqlite && ceiling) {
    const ratio = sqlite.rps / ceiling.rps;
    goals.push(
      `(a) SQLite ≥ ${percent(GOALS.sqliteShareOfCeiling)} of the ceiling's req/s and ≤ ` +
        `${GOALS.sqliteCpuMsPerRequest} ms server CPU per request at ${sqlite.connections} connections: ` +
        `${percent(ratio)} (${sqlite.rps.toFixed(0)} / ${ceiling.rps.toFixed(0)} req/s), ` +
        `${cpu(sqlite).toFixed(2)} ms: ` +
        verdict(
          ratio >= GOALS.sqliteShareOfCeiling &&
            cpu(sqlite) <= GOALS.sqliteCpuMsPerRequest &&
            sqlite.failed === 0,
        ),
    );
  } else goals.push('(a) SQLite against the ceiling: not measured (rows sqlite and ceiling)');
  const pg = row('pg');
  const peer = row('peer');
  if (pg && peer) {
    const ratio = pg.rps / peer.rps;
    goals.push(
      `(b) PostgreSQL (1 instance) ≥ ${percent(GOALS.pgShareOfPeer)} of the peer's req/s: ` +
        `${percent(ratio)} (${pg.rps.toFixed(0)} / ${peer.rps.toFixed(0)} req/s; CPU per request ` +
        `${cpu(pg).toFixed(2)} ms vs ${cpu(peer).toFixed(2)} ms): ` +
        verdict(ratio >= GOALS.pgShareOfPeer && pg.failed === 0 && peer.failed === 0),
    );
  } else goals.push('(b) PostgreSQL against the peer: not measured (rows pg and peer)');
  const single = row('sqlite-1');
  if (single) {
    goals.push(
      `(c) at 1 connection (SQLite), p99 ≤ ${GOALS.singleConnectionP99Ms} ms: p99 ${single.p99} ms ` +
        `(p50 ${single.p50} ms, ${single.rps.toFixed(0)} req/s): ` +
        verdict(single.p99 <= GOALS.singleConnectionP99Ms && single.failed === 0),
    );
  } else goals.push('(c) at 1 connection: not measured (row sqlite-1)');
  console.log(`\ngoals (issue 10):\n${goals.map((goal) => `  ${goal}`).join('\n')}`);
  if (rows.some((measured) => measured.failed > 0))
    console.log('\nSOME REQUESTS FAILED: see the "failed" column');
}

const loadAverageBefore = loadavg()
  .map((value) => value.toFixed(2))
  .join(' ');

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error: unknown) => console.error('clean-up:', error));
  }
  for (const child of children) child.kill('SIGKILL');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

run()
  .then(async (rows) => {
    await cleanUp();
    print(rows);
    if (rows.some((row) => row.failed > 0)) process.exitCode = 1;
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanUp();
    process.exit(1);
  });
