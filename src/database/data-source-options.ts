import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { User } from '../accounts/user.entity';
import { ActivityParticipantCountry } from '../activities/activity-participant-country.entity';
import { Activity } from '../activities/activity.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Need } from '../needs/need.entity';
import { OfferEligibleCountry } from '../offers/offer-eligible-country.entity';
import { OfferWorkingGroup } from '../offers/offer-working-group.entity';
import { Offer } from '../offers/offer.entity';
import { Organization } from '../organizations/organization.entity';
import { Country } from '../reference/country.entity';
import { WorkingGroup } from '../reference/working-group.entity';
import { StatusChange } from '../twinnings/status-change.entity';
import { TwinningNeed } from '../twinnings/twinning-need.entity';
import { TwinningParty } from '../twinnings/twinning-party.entity';
import { TwinningArrangement } from '../twinnings/twinning.entity';
import { Initial1764370000000 } from './migrations/1764370000000-initial';
import { Twinnings1764400000000 } from './migrations/1764400000000-twinnings';
import { ChangeStamps1764410000000 } from './migrations/1764410000000-change-stamps';
import { TokenVersion1764420000000 } from './migrations/1764420000000-token-version';
import { AuditLog1764430000000 } from './migrations/1764430000000-audit-log';

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
];

/** Listed explicitly (not globbed) so the same list works from ts-node, jest and dist. */
export const MIGRATIONS = [
  Initial1764370000000,
  Twinnings1764400000000,
  ChangeStamps1764410000000,
  TokenVersion1764420000000,
  AuditLog1764430000000,
];

export const SQLITE_PREFIX = 'sqlite:';

/** The SQLite file a `sqlite:PATH` URL names (`:memory:` for a throwaway database). */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.slice(SQLITE_PREFIX.length);
}

/**
 * TypeORM options for a DATABASE_URL. Schema changes come from migrations only
 * (`synchronize` stays off); the app applies them at start-up.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  if (!databaseUrl.startsWith(SQLITE_PREFIX)) {
    throw new Error('Only sqlite:PATH database URLs are supported by this build');
  }
  const database = sqlitePath(databaseUrl);
  const inMemory = database === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(database)), { recursive: true });
  return {
    type: 'sqlite',
    database,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    // TypeORM's SQLite driver turns foreign keys on for every connection.
    // WAL with `PRAGMA synchronous = FULL`, the sqlite3 build's default for WAL
    // (SQLITE_DEFAULT_WAL_SYNCHRONOUS=2; TypeORM has no option to set it, a test checks it):
    // every commit is synced to disk before it is acknowledged, so an acknowledged write
    // survives a power loss, not only a crash. NORMAL would save a sync per commit and could
    // lose the last ones; the service's write rate does not need that saving.
    enableWAL: !inMemory,
    busyTimeout: 5000,
  };
}
