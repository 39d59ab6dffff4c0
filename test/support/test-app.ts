import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource, ObjectLiteral } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app-setup';
import { ManualClock, Clock } from '../../src/common/clock/clock';
import { Environment } from '../../src/config/environment';
import { DatabaseEngine } from '../../src/database/column-types';
import {
  databaseEngine,
  postgresLocation,
  sqlitePath,
} from '../../src/database/data-source-options';
import { QueryCounterLogger } from '../../src/database/query-counter.logger';
import { GraphQLClient, graphQLClient, GraphQLResponse } from './graphql-client';

export type { GqlOptions, GraphQLErrorShape, GraphQLResponse } from './graphql-client';
export { TEST_PASSWORD } from './graphql-client';

export const SECRETARIAT_EMAIL = 'secretariat@mirps.test';
export const SECRETARIAT_PASSWORD = 'secretariat-test-password';

/**
 * A mail server for tests that start in production (which requires SMTP_URL) and send no
 * e-mail: nothing listens there, so an e-mail would wait in the outbox.
 */
export const UNUSED_MAIL_SERVER = 'smtp://127.0.0.1:9';

/**
 * The PostgreSQL server the suite runs on when TEST_DATABASE_URL is set
 * (`postgres://postgres@127.0.0.1:5432/test`): every app gets a fresh schema of its own
 * there. Unset: every app gets a fresh SQLite file.
 */
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** The engine the suite runs on. */
export const TEST_ENGINE: DatabaseEngine = TEST_DATABASE_URL
  ? databaseEngine(TEST_DATABASE_URL)
  : 'sqlite';

export interface TestApp extends GraphQLClient {
  app: INestApplication;
  dataSource: DataSource;
  engine: DatabaseEngine;
  /** The database behind this app: a fresh SQLite file or PostgreSQL schema, unless given. */
  databaseUrl: string;
  /** The SQLite file behind this app; undefined on PostgreSQL. */
  databaseFile?: string;
  /**
   * The app's clock: the real time unless `options.clock` was given, then that ManualClock,
   * which tests move forward (expiry, reminders, follow-ups) instead of sleeping.
   */
  clock: Clock;
  /** SQL statements run so far (TypeORM's logger counts them). */
  queryCount(): number;
  /**
   * Raw SQL on the app's database, with TypeORM's named parameters (`:id`, `:...ids` for a
   * list) turned into each engine's own (`?` on SQLite, `$1` on PostgreSQL).
   */
  sql<T = ObjectLiteral>(query: string, parameters?: ObjectLiteral): Promise<T[]>;
  rowCount(table: string): Promise<number>;
  /** Stops the app and keeps its database, for another app to start on (`databaseUrl`). */
  stop(): Promise<void>;
  /** Stops the app (unless stopped) and removes its database, unless it was given one. */
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * Start on the database of an app started before (`databaseUrl`), as a restart does;
   * it stays that app's to remove. Otherwise the app gets a fresh database of its own.
   */
  databaseUrl?: string;
  /** Like `databaseUrl`, for a SQLite file. */
  databaseFile?: string;
  /** For what only SQLite has (PRAGMAs, the file): a SQLite file whatever the suite runs on. */
  engine?: DatabaseEngine;
  env?: Record<string, string>;
  /** A clock the test moves by hand; the app reads the real time without one. */
  clock?: ManualClock;
}

/** A fresh database for one app (or a server process), and how to remove it. */
export interface TestDatabase {
  url: string;
  remove(): Promise<void>;
}

export async function freshDatabase(engine: DatabaseEngine = TEST_ENGINE): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'twinning-test-'));
    return {
      url: `sqlite:${join(folder, 'twinning.sqlite')}`,
      remove: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })),
    };
  }
  // Lower case and unquoted-safe, unique across jest workers and test files.
  const schema = `test_${process.pid}_${randomBytes(6).toString('hex')}`;
  const url = new URL(TEST_DATABASE_URL!);
  url.searchParams.set('schema', schema);
  await onTestServer(`CREATE SCHEMA "${schema}"`);
  return {
    url: url.toString(),
    remove: () => onTestServer(`DROP SCHEMA "${schema}" CASCADE`),
  };
}

/** One statement on TEST_DATABASE_URL's server, on a connection of its own. */
async function onTestServer(statement: string): Promise<void> {
  // Loaded only here: a run on SQLite needs no PostgreSQL client.
  const { Client } = await import('pg');
  const client = new Client({ connectionString: postgresLocation(TEST_DATABASE_URL!).url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Starts the whole service in-process on a database of its own (a SQLite file, or a
 * PostgreSQL schema when TEST_DATABASE_URL is set), with migrations run and reference data
 * seeded, as `npm start` does; requests go through HTTP (supertest).
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const given = options.databaseFile ? `sqlite:${options.databaseFile}` : options.databaseUrl;
  const engine = given ? databaseEngine(given) : (options.engine ?? TEST_ENGINE);
  const database: TestDatabase = given
    ? { url: given, remove: () => Promise.resolve() }
    : await freshDatabase(engine);
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.forRoot({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: database.url,
        JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256',
        // Cheap hashes: the tests create and sign in thousands of accounts. Production
        // refuses them, so its tests get the default (said explicitly: Nest's ConfigModule
        // leaves an earlier app's settings in process.env).
        PASSWORD_HASH_COST: options.env?.NODE_ENV === 'production' ? '15' : '10',
        SECRETARIAT_EMAIL,
        SECRETARIAT_PASSWORD,
        // Every test signs in from 127.0.0.1; rate-limits.e2e-spec runs the real default.
        LOGIN_ATTEMPTS_PER_ADDRESS: '100000',
        ...options.env,
      }),
    ],
  })
    .overrideProvider(Clock)
    .useValue(options.clock ?? new Clock())
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app, app.get(ConfigService<Environment, true>));
  try {
    await app.init();
  } catch (error) {
    await app.close();
    await database.remove();
    throw error;
  }
  const dataSource = app.get<DataSource>(getDataSourceToken());
  // The first secretariat account reads English too (its locale, ES by default, wins over
  // the Accept-Language the client sends); the tests of languages set their own.
  if (!given) await dataSource.query(`UPDATE "users" SET "locale" = 'EN'`);
  const counter = dataSource.logger as QueryCounterLogger;

  const client = graphQLClient(async (query, variables, gqlOptions = {}) => {
    const call = request(app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      // The suite reads the service in English unless a test asks for Spanish.
      .set('accept-language', 'en')
      .set(gqlOptions.headers ?? {});
    if (gqlOptions.as) call.set('authorization', `Bearer ${gqlOptions.as}`);
    const response = await call.send({ query, variables });
    return response.body as GraphQLResponse<any>;
  });

  let stopped: Promise<void> | undefined;
  const testApp: TestApp = {
    app,
    dataSource,
    engine,
    clock: app.get(Clock),
    databaseUrl: database.url,
    databaseFile: engine === 'sqlite' ? sqlitePath(database.url) : undefined,
    ...client,
    queryCount: () => counter.queryCount,
    sql(query, parameters = {}) {
      const [sql, values] = dataSource.driver.escapeQueryWithParameters(query, parameters, {});
      return dataSource.query(sql, values);
    },
    async rowCount(table) {
      // COUNT(*) is a bigint on PostgreSQL, which arrives as a string.
      const rows: { count: number | string }[] = await dataSource.query(
        `SELECT COUNT(*) AS count FROM "${table}"`,
      );
      return Number(rows[0].count);
    },
    async stop() {
      stopped ??= app.close();
      await stopped;
    },
    async close() {
      try {
        await testApp.stop();
      } finally {
        await database.remove();
      }
    },
  };
  return testApp;
}
