import { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { postgresLocation, sqlitePath } from '../../src/database/data-source-options';
import { runServer } from '../support/server-process';
import { freshDatabase, startTestApp, TestDatabase } from '../support/test-app';

/**
 * The built server (`npm test` builds it first) as a child process on the suite's engine:
 * killed mid-burst it loses no acknowledged write and leaves nothing half-written; asked
 * to stop, it answers what it had begun, closes the database and exits 0. On SQLite the
 * file itself is checked too (its structure, its foreign keys, the write-ahead log).
 */
const EMAIL = 'secretariat@mirps.test';
const PASSWORD = 'secretariat-crash-password';

const BURST = 200;
const IN_FLIGHT = 16;
/** The burst is killed once this many mutations have been answered. */
const KILL_AFTER = 60;

interface Server {
  child: ChildProcess;
  port: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the server on a port of the system's choosing, read from its start-up line. */
async function startServer(databaseUrl: string, cwd: string): Promise<Server> {
  const server = runServer(
    {
      PORT: '0',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'a-crash-test-secret-that-is-long-enough',
      PASSWORD_HASH_COST: '10',
      SECRETARIAT_EMAIL: EMAIL,
      SECRETARIAT_PASSWORD: PASSWORD,
      LOG_LEVEL: 'info',
    },
    cwd,
  );
  const port = await new Promise<number>((resolve, reject) => {
    const listening = () => /listens on http:\/\/\S+:(\d+)\/graphql/.exec(server.stdout());
    server.child.stdout?.on('data', () => {
      const found = listening();
      if (found) resolve(Number(found[1]));
    });
    void server.done.then(() => reject(new Error(`The server did not start: ${server.stdout()}`)));
  });
  expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
  const exited = server.done.then(({ code, signal }) => ({ code, signal }));
  return { child: server.child, port, exited };
}

async function graphql(
  server: Server,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ data?: any; errors?: { message: string; extensions: { code: string } }[] }> {
  const response = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as any;
}

async function login(server: Server): Promise<string> {
  const answer = await graphql(
    server,
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email: EMAIL, password: PASSWORD },
  );
  return answer.data.login.token;
}

type Read = (sql: string) => Promise<any[]>;

/** Reads the database directly, once no server has it open: the SQLite file, read-only. */
async function inspect<T>(databaseUrl: string, read: (all: Read) => Promise<T>): Promise<T> {
  if (databaseUrl.startsWith('postgres')) return inspectPostgres(databaseUrl, read);
  const database = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(sqlitePath(databaseUrl), sqlite3.OPEN_READONLY, (error) =>
      error ? reject(error) : resolve(opened),
    );
  });
  const all: Read = (sql) =>
    new Promise((resolve, reject) =>
      database.all(sql, (error, rows) => (error ? reject(error) : resolve(rows))),
    );
  try {
    return await read(all);
  } finally {
    await new Promise((resolve) => database.close(resolve));
  }
}

/** The server's PostgreSQL schema, through a connection of the test's own. */
async function inspectPostgres<T>(databaseUrl: string, read: (all: Read) => Promise<T>) {
  const { url, schema } = postgresLocation(databaseUrl);
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await read(async (sql) => (await client.query(sql)).rows);
  } finally {
    await client.end();
  }
}

const CREATE_NEED = `mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }`;
const CREATE_ORGANIZATION = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const CREATE_OFFER = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }`;

type Kind = 'need' | 'organization' | 'offer';

/** The index-th mutation of the burst: a need, an organization or an offer, in turn. */
function burstCall(
  index: number,
  organizationId: string,
): { kind: Kind; query: string; input: object } {
  const kind = (['need', 'organization', 'offer'] as const)[index % 3];
  if (kind === 'need') {
    return {
      kind,
      query: CREATE_NEED,
      input: {
        countryCode: 'HN',
        workingGroupCode: 'ASYLUM_SYSTEMS',
        title: `Burst need ${index}`,
        description: 'Written during a burst that is killed.',
        modalities: ['TRAINING'],
        languages: ['es'],
      },
    };
  }
  if (kind === 'organization') {
    return {
      kind,
      query: CREATE_ORGANIZATION,
      input: { name: `Burst organization ${index}`, kind: 'CIVIL_SOCIETY' },
    };
  }
  return {
    kind,
    query: CREATE_OFFER,
    input: {
      organizationId,
      workingGroupCodes: ['ASYLUM_SYSTEMS', 'EDUCATION'],
      title: `Burst offer ${index}`,
      description: 'Written during a burst that is killed.',
      modalities: ['TRAINING'],
      languages: ['es'],
      capacity: 2,
      eligibleCountryCodes: ['HN', 'GT', 'SV'],
    },
  };
}

describe('crash safety of the server process', () => {
  let folder: string;
  let database: TestDatabase;
  const servers: Server[] = [];

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'twinning-crash-'));
    database = await freshDatabase();
  });

  afterEach(async () => {
    for (const server of servers.splice(0)) {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    }
    rmSync(folder, { recursive: true, force: true });
    await database.remove();
  });

  async function start(): Promise<Server> {
    const server = await startServer(database.url, folder);
    servers.push(server);
    return server;
  }

  it('keeps every acknowledged write, and nothing half-written, when killed mid-burst', async () => {
    const first = await start();
    const token = await login(first);
    const organization = await graphql(
      first,
      CREATE_ORGANIZATION,
      { input: { name: 'Burst member', kind: 'STATE', countryCode: 'CA' } },
      token,
    );
    const organizationId: string = organization.data.createOrganization.id;

    const acknowledged: { kind: Kind; id: string; index: number }[] = [];
    const refused: unknown[] = [];
    let next = 0;
    let inFlight = 0;
    let inFlightAtKill = -1;
    let killed = false;
    const worker = async (): Promise<void> => {
      while (!killed && next < BURST) {
        const index = next++;
        const { kind, query, input } = burstCall(index, organizationId);
        inFlight += 1;
        try {
          const answer = await graphql(first, query, { input }, token);
          if (answer.errors) refused.push(answer.errors);
          else
            acknowledged.push({
              kind,
              index,
              id: (Object.values(answer.data)[0] as { id: string }).id,
            });
        } catch {
          // No answer: the process died with this request in flight (or before it arrived).
        } finally {
          inFlight -= 1;
        }
        if (!killed && acknowledged.length >= KILL_AFTER) {
          killed = true;
          inFlightAtKill = inFlight;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(refused).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    // It died mid-burst: requests were in flight and most of the burst was never answered.
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(acknowledged.length).toBeLessThan(BURST);

    // Restarted on the same database, it serves every acknowledged record.
    const second = await start();
    const secondToken = await login(second);
    const ids = (kind: Kind): string[] =>
      acknowledged.filter((record) => record.kind === kind).map((record) => record.id);
    // One list a request, each within the query cost limit.
    const read = async (query: string): Promise<any> => {
      const answer = await graphql(second, query, {}, secondToken);
      expect(answer.errors).toBeUndefined();
      return answer.data;
    };
    const found = {
      ...(await read(
        '{ needs(first: 100, filter: { search: "burst" }) { totalCount edges { node { id } } } }',
      )),
      ...(await read(
        `{ offers(first: 100, filter: { search: "burst" }) {
          totalCount edges { node { id workingGroups { code } eligibleCountries { code } } }
        } }`,
      )),
      ...(await read('{ organizations { id } }')),
    };
    const servedNeeds = found.needs.edges.map((edge: any) => edge.node.id);
    const servedOffers = found.offers.edges.map((edge: any) => edge.node.id);
    const servedOrganizations = found.organizations.map((each: any) => each.id);
    expect(servedNeeds).toEqual(expect.arrayContaining(ids('need')));
    expect(servedOffers).toEqual(expect.arrayContaining(ids('offer')));
    expect(servedOrganizations).toEqual(expect.arrayContaining(ids('organization')));
    for (const edge of found.offers.edges) {
      expect(edge.node.workingGroups.map((group: any) => group.code).sort()).toEqual([
        'ASYLUM_SYSTEMS',
        'EDUCATION',
      ]);
      expect(edge.node.eligibleCountries.map((country: any) => country.code).sort()).toEqual([
        'GT',
        'HN',
        'SV',
      ]);
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });

    // The database itself: every burst record whole, none of it from nowhere.
    const stored = await inspect(database.url, async (all) => ({
      needs: (await all(`SELECT title FROM needs WHERE title LIKE 'Burst need %'`)).length,
      offers: (await all(`SELECT title FROM offers WHERE title LIKE 'Burst offer %'`)).length,
      organizations: (
        await all(`SELECT name FROM organizations WHERE name LIKE 'Burst organization %'`)
      ).length,
      halfWrittenOffers: await all(
        `SELECT * FROM (
           SELECT o.id,
             (SELECT COUNT(*) FROM offer_working_groups w WHERE w."offerId" = o.id) AS "groupLinks",
             (SELECT COUNT(*) FROM offer_eligible_countries c WHERE c."offerId" = o.id) AS "countryLinks"
           FROM offers o WHERE o.title LIKE 'Burst offer %'
         ) AS burst WHERE "groupLinks" <> 2 OR "countryLinks" <> 3`,
      ),
    }));
    expect(stored.halfWrittenOffers).toEqual([]);
    if (database.url.startsWith('sqlite:')) {
      // The file is sound (PostgreSQL checks its constraints as it writes).
      const file = await inspect(database.url, async (all) => ({
        integrity: await all('PRAGMA integrity_check'),
        foreignKeys: await all('PRAGMA foreign_key_check'),
      }));
      expect(file).toEqual({ integrity: [{ integrity_check: 'ok' }], foreignKeys: [] });
    }
    // What the server served is what the database holds (at most 100 of each were listed).
    expect(stored.needs).toBe(found.needs.totalCount);
    expect(stored.offers).toBe(found.offers.totalCount);
    // Only what was sent: acknowledged, or in flight when it died.
    const sent = Math.min(next, BURST);
    expect(stored.needs + stored.offers + stored.organizations).toBeLessThanOrEqual(sent);
    expect(stored.needs + stored.offers + stored.organizations).toBeGreaterThanOrEqual(
      acknowledged.length,
    );
  });

  it('answers a request in flight when SIGTERM arrives, closes the database and exits 0', async () => {
    const server = await start();
    const token = await login(server);
    const body = JSON.stringify({
      query: CREATE_NEED,
      variables: { input: burstCall(0, '').input },
    });
    // Half the request is sent before the signal, the rest after it.
    let answer = '';
    const answered = new Promise<number>((resolve, reject) => {
      const call = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/graphql',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${token}`,
          },
        },
        (response) => {
          response.on('data', (chunk: Buffer) => (answer += chunk.toString()));
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      call.on('error', reject);
      call.write(body.slice(0, 40));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => call.end(body.slice(40)), 500);
      }, 300);
    });
    expect(await answered).toBe(200);
    const need = JSON.parse(answer);
    expect(need).toEqual({ data: { createNeed: { id: expect.any(String) } } });
    expect(await server.exited).toEqual({ code: 0, signal: null });
    if (database.url.startsWith('sqlite:')) {
      // A clean close checkpoints the write-ahead log into the file and removes it.
      expect(existsSync(`${sqlitePath(database.url)}-wal`)).toBe(false);
    }

    const restarted = await start();
    const found = await graphql(
      restarted,
      'query ($id: ID!) { need(id: $id) { id title } }',
      { id: need.data.createNeed.id },
      await login(restarted),
    );
    expect(found).toEqual({
      data: { need: { id: need.data.createNeed.id, title: 'Burst need 0' } },
    });
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toEqual({ code: 0, signal: null });
  });

  it('commits with PRAGMA synchronous = FULL, so an acknowledged write survives power loss', async () => {
    const app = await startTestApp({ engine: 'sqlite' });
    try {
      expect(await app.sql('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await app.sql('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
    } finally {
      await app.close();
    }
  });
});
