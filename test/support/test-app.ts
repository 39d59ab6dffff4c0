import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app-setup';
import { Environment } from '../../src/config/environment';
import { QueryCounterLogger } from '../../src/database/query-counter.logger';

export const SECRETARIAT_EMAIL = 'secretariat@mirps.test';
export const SECRETARIAT_PASSWORD = 'secretariat-test-password';
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

export interface TestApp {
  app: INestApplication;
  dataSource: DataSource;
  /** The SQLite file behind this app (a fresh one per app unless given). */
  databaseFile: string;
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
  /** SQL statements run so far (TypeORM's logger counts them). */
  queryCount(): number;
  rowCount(table: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the whole service in-process on its own SQLite file, with migrations run and
 * reference data seeded, as `npm start` does; requests go through HTTP (supertest).
 */
export async function startTestApp(
  options: { databaseFile?: string; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const folder = options.databaseFile ? undefined : mkdtempSync(join(tmpdir(), 'twinning-test-'));
  const databaseFile = options.databaseFile ?? join(folder!, 'twinning.sqlite');
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.forRoot({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: `sqlite:${databaseFile}`,
        JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256',
        SECRETARIAT_EMAIL,
        SECRETARIAT_PASSWORD,
        // Every test signs in from 127.0.0.1; rate-limits.e2e-spec runs the real default.
        LOGIN_ATTEMPTS_PER_ADDRESS: '100000',
        ...options.env,
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app, app.get(ConfigService<Environment, true>));
  await app.init();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const counter = dataSource.logger as QueryCounterLogger;

  const gql: TestApp['gql'] = async (query, variables, gqlOptions = {}) => {
    const call = request(app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set(gqlOptions.headers ?? {});
    if (gqlOptions.as) call.set('authorization', `Bearer ${gqlOptions.as}`);
    const response = await call.send({ query, variables });
    return response.body as GraphQLResponse<any>;
  };

  const testApp: TestApp = {
    app,
    dataSource,
    databaseFile,
    gql,
    async ok(query, variables, gqlOptions) {
      const body = await gql(query, variables, gqlOptions);
      if (body.errors?.length) {
        throw new Error(`Unexpected GraphQL errors: ${JSON.stringify(body.errors, null, 2)}`);
      }
      return body.data as any;
    },
    async fails(query, variables, gqlOptions) {
      const body = await gql(query, variables, gqlOptions);
      if (!body.errors?.length) {
        throw new Error(`Expected an error, got ${JSON.stringify(body.data)}`);
      }
      return body.errors[0];
    },
    async login(email, password = TEST_PASSWORD) {
      const data = await testApp.ok<{ login: { token: string } }>(
        'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        { email, password },
      );
      return data.login.token;
    },
    queryCount: () => counter.queryCount,
    async rowCount(table) {
      const rows: { count: number }[] = await dataSource.query(
        `SELECT COUNT(*) AS count FROM "${table}"`,
      );
      return Number(rows[0].count);
    },
    async close() {
      await app.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
  return testApp;
}
