import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import { DataSourceOptions } from 'typeorm';
import { AccountToken } from '../accounts/account-token.entity';
import { User } from '../accounts/user.entity';
import { ActivityParticipantCountry } from '../activities/activity-participant-country.entity';
import { Activity } from '../activities/activity.entity';
import { ArchivedAuditEntry, AuditEntry } from '../audit/audit-entry.entity';
import { Commitment } from '../commitments/commitment.entity';
import { IndicatorValue } from '../commitments/indicator-value.entity';
import { Indicator } from '../commitments/indicator.entity';
import { Comment } from '../dialogue/comment.entity';
import { OutboxMail } from '../mail/outbox-mail.entity';
import { FollowUpResponse } from '../follow-ups/follow-up-response.entity';
import { FollowUp } from '../follow-ups/follow-up.entity';
import { Need } from '../needs/need.entity';
import { ExchangeRate } from '../pledges/exchange-rate.entity';
import { PledgeNeed } from '../pledges/pledge-need.entity';
import { Pledge } from '../pledges/pledge.entity';
import { ChairTerm } from '../troika/chair-term.entity';
import { MutedEmail } from '../notifications/muted-email.entity';
import { Notification } from '../notifications/notification.entity';
import { OfferEligibleCountry } from '../offers/offer-eligible-country.entity';
import { OfferWorkingGroup } from '../offers/offer-working-group.entity';
import { Offer } from '../offers/offer.entity';
import { Organization } from '../organizations/organization.entity';
import { AgendaMeeting } from '../platform-events/agenda-meeting.entity';
import {
  PlatformEventCountry,
  PlatformEventOrganization,
  PlatformEventWorkingGroup,
} from '../platform-events/platform-event-participants.entity';
import { PlatformEventTwinning } from '../platform-events/platform-event-twinning.entity';
import { PlatformEvent } from '../platform-events/platform-event.entity';
import { Country } from '../reference/country.entity';
import { WorkingGroup } from '../reference/working-group.entity';
import { JobRun } from '../scheduling/job-run.entity';
import { StatusChange } from '../twinnings/status-change.entity';
import { TwinningNeed } from '../twinnings/twinning-need.entity';
import { TwinningParty } from '../twinnings/twinning-party.entity';
import { TwinningArrangement } from '../twinnings/twinning.entity';
import { DatabaseEngine, useColumnTypesOf } from './column-types';
import { PostgresInitial1795900000000 } from './migrations/postgres/1795900000000-postgres-initial';
import { AuditArchive1795910000000 } from './migrations/postgres/1795910000000-audit-archive';
import { People1795920000000 } from './migrations/postgres/1795920000000-people';
import { AccountTokens1795940000000 } from './migrations/postgres/1795940000000-account-tokens';
import { FollowUps1795960000000 } from './migrations/postgres/1795960000000-follow-ups';
import { MailAndNotifications1795930000000 } from './migrations/postgres/1795930000000-mail-and-notifications';
import { Initial1764370000000 } from './migrations/sqlite/1764370000000-initial';
import { Twinnings1764400000000 } from './migrations/sqlite/1764400000000-twinnings';
import { ChangeStamps1764410000000 } from './migrations/sqlite/1764410000000-change-stamps';
import { TokenVersion1764420000000 } from './migrations/sqlite/1764420000000-token-version';
import { AuditLog1764430000000 } from './migrations/sqlite/1764430000000-audit-log';
import { AuditArchive1764440000000 } from './migrations/sqlite/1764440000000-audit-archive';
import { People1764450000000 } from './migrations/sqlite/1764450000000-people';
import { AccountTokens1764470000000 } from './migrations/sqlite/1764470000000-account-tokens';
import { MailAndNotifications1764460000000 } from './migrations/sqlite/1764460000000-mail-and-notifications';
import { Expiry1764480000000 } from './migrations/sqlite/1764480000000-expiry';
import { Expiry1795950000000 } from './migrations/postgres/1795950000000-expiry';
import { Commitments1764500000000 } from './migrations/sqlite/1764500000000-commitments';
import { Commitments1795970000000 } from './migrations/postgres/1795970000000-commitments';
import { FollowUps1764490000000 } from './migrations/sqlite/1764490000000-follow-ups';
import { Pledges1764510000000 } from './migrations/sqlite/1764510000000-pledges';
import { Pledges1795980000000 } from './migrations/postgres/1795980000000-pledges';
import { PlatformEvents1764520000000 } from './migrations/sqlite/1764520000000-platform-events';
import { PlatformEvents1795990000000 } from './migrations/postgres/1795990000000-platform-events';
import { Comments1764530000000 } from './migrations/sqlite/1764530000000-comments';
import { Comments1796000000000 } from './migrations/postgres/1796000000000-comments';
import { ImportJob } from '../imports/import-job.entity';
import { Imports1764540000000 } from './migrations/sqlite/1764540000000-imports';
import { Imports1796010000000 } from './migrations/postgres/1796010000000-imports';
import { MailClaimToken1764550000000 } from './migrations/sqlite/1764550000000-mail-claim-token';
import { MailClaimToken1796020000000 } from './migrations/postgres/1796020000000-mail-claim-token';
import { OrganizationActive1764553000000 } from './migrations/sqlite/1764553000000-organization-active';
import { OrganizationActive1796023000000 } from './migrations/postgres/1796023000000-organization-active';
import { OpenedAt1764560000000 } from './migrations/sqlite/1764560000000-opened-at';
import { OpenedAt1796030000000 } from './migrations/postgres/1796030000000-opened-at';

export const ENTITIES = [
  Country,
  WorkingGroup,
  Organization,
  User,
  Need,
  Offer,
  OfferWorkingGroup,
  OfferEligibleCountry,
  TwinningArrangement,
  TwinningNeed,
  TwinningParty,
  StatusChange,
  Activity,
  ActivityParticipantCountry,
  AuditEntry,
  ArchivedAuditEntry,
  OutboxMail,
  Notification,
  MutedEmail,
  JobRun,
  AccountToken,
  Commitment,
  Indicator,
  IndicatorValue,
  FollowUp,
  FollowUpResponse,
  Pledge,
  PledgeNeed,
  ExchangeRate,
  ChairTerm,
  PlatformEvent,
  PlatformEventCountry,
  PlatformEventOrganization,
  PlatformEventWorkingGroup,
  PlatformEventTwinning,
  AgendaMeeting,
  Comment,
  ImportJob,
];

/**
 * Each engine's migrations, listed explicitly (not globbed) so the same lists work from
 * ts-node, jest and dist. A schema change needs a migration in both lists. The SQLite ones
 * keep their names: deployed files record which of them ran.
 */
export const MIGRATIONS: Record<DatabaseEngine, DataSourceOptions['migrations']> = {
  sqlite: [
    Initial1764370000000,
    Twinnings1764400000000,
    ChangeStamps1764410000000,
    TokenVersion1764420000000,
    AuditLog1764430000000,
    AuditArchive1764440000000,
    People1764450000000,
    MailAndNotifications1764460000000,
    AccountTokens1764470000000,
    Expiry1764480000000,
    FollowUps1764490000000,
    Commitments1764500000000,
    Pledges1764510000000,
    PlatformEvents1764520000000,
    Comments1764530000000,
    Imports1764540000000,
    MailClaimToken1764550000000,
    OrganizationActive1764553000000,
    OpenedAt1764560000000,
  ],
  postgres: [
    PostgresInitial1795900000000,
    AuditArchive1795910000000,
    People1795920000000,
    MailAndNotifications1795930000000,
    AccountTokens1795940000000,
    Expiry1795950000000,
    FollowUps1795960000000,
    Commitments1795970000000,
    Pledges1795980000000,
    PlatformEvents1795990000000,
    Comments1796000000000,
    Imports1796010000000,
    MailClaimToken1796020000000,
    OrganizationActive1796023000000,
    OpenedAt1796030000000,
  ],
};

export const SQLITE_PREFIX = 'sqlite:';
const POSTGRES_URL = /^postgres(ql)?:\/\//;
/** A schema name that needs no quoting anywhere (search_path, SQL, advisory lock keys). */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function databaseEngine(databaseUrl: string): DatabaseEngine {
  if (databaseUrl.startsWith(SQLITE_PREFIX)) return 'sqlite';
  if (POSTGRES_URL.test(databaseUrl)) return 'postgres';
  throw new Error('DATABASE_URL must be sqlite:PATH or postgres://user:password@host:port/db');
}

/** The SQLite file a `sqlite:PATH` URL names (`:memory:` for a throwaway database). */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.slice(SQLITE_PREFIX.length);
}

/**
 * A PostgreSQL URL split into what `pg` connects with and the schema the service's tables
 * live in (`?schema=NAME`; none: the server's default, usually `public`).
 */
export function postgresLocation(databaseUrl: string): { url: string; schema?: string } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(
      `DATABASE_URL: schema "${schema}" must be a lower-case PostgreSQL name ([a-z_][a-z0-9_]*)`,
    );
  }
  return { url: url.toString(), schema };
}

/**
 * TypeORM options for a DATABASE_URL. Schema changes come from migrations only
 * (`synchronize` stays off); the app applies them at start-up. Also gives the entities'
 * engine-dependent columns the types of this engine (see column-types.ts), which TypeORM
 * reads when the DataSource is initialized.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  const engine = databaseEngine(databaseUrl);
  useColumnTypesOf(engine);
  return engine === 'sqlite' ? sqliteOptions(databaseUrl) : postgresOptions(databaseUrl);
}

/**
 * The sqlite3 driver without its trace mode. TypeORM always calls `sqlite3.verbose()`, which
 * wraps every call so that an error carries the stack of the code that made the call. That
 * costs a captured stack on every statement: about a fifth of the CPU of a typical read.
 * Errors still carry SQLite's message and the SQL (TypeORM's QueryFailedError).
 */
const SQLITE_WITHOUT_TRACES: typeof sqlite3 = Object.assign(
  Object.create(sqlite3) as typeof sqlite3,
  {
    verbose: () => SQLITE_WITHOUT_TRACES,
  },
);

function sqliteOptions(databaseUrl: string): DataSourceOptions {
  const database = sqlitePath(databaseUrl);
  const inMemory = database === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(database)), { recursive: true });
  return {
    type: 'sqlite',
    database,
    entities: ENTITIES,
    migrations: MIGRATIONS.sqlite,
    synchronize: false,
    // TypeORM's SQLite driver turns foreign keys on for every connection.
    // WAL with `PRAGMA synchronous = FULL`, the sqlite3 build's default for WAL
    // (SQLITE_DEFAULT_WAL_SYNCHRONOUS=2; TypeORM has no option to set it, a test checks it):
    // every commit is synced to disk before it is acknowledged, so an acknowledged write
    // survives a power loss, not only a crash. NORMAL would save a sync per commit and could
    // lose the last ones; the service's write rate does not need that saving.
    enableWAL: !inMemory,
    busyTimeout: 5000,
    driver: SQLITE_WITHOUT_TRACES,
  };
}

function postgresOptions(databaseUrl: string): DataSourceOptions {
  const { url, schema } = postgresLocation(databaseUrl);
  return {
    type: 'postgres',
    url,
    schema,
    entities: ENTITIES,
    migrations: MIGRATIONS.postgres,
    synchronize: false,
    // UUID keys default to gen_random_uuid(), built into PostgreSQL 13 and later: no
    // extension to install (which would need rights the service's role may not have).
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    applicationName: 'mirps-twinning',
    // A request holds at most one connection, inside or outside a transaction; ten serve
    // this service's load with room to spare and stay well under max_connections when a
    // few instances share a server.
    poolSize: 10,
    connectTimeoutMS: 10_000,
    // Unqualified names in raw SQL (and the migrations) resolve to the service's schema.
    ...(schema ? { extra: { options: `-c search_path=${schema}` } } : {}),
  };
}
