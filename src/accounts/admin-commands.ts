import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuditOutcome } from '../audit/audit-outcome';
import { Role } from '../common/auth/role';
import { ConfigurationError, validateEnvironment } from '../config/environment';
import {
  databaseEngine,
  dataSourceOptions,
  postgresLocation,
  sqlitePath,
} from '../database/data-source-options';
import { writeLock } from '../database/transaction-runner';
import { AccountTokenPurpose } from './account-token.entity';
import { revokeTokens } from './account-tokens';
import { newAccount } from './accounts.service';
import { hashPassword, hasPassword } from './password-hasher';
import { User } from './user.entity';

/**
 * `npm run admin -- COMMAND`: account recovery from the server's command line, for when
 * no one can sign in to the secretariat. It works on the database directly (DATABASE_URL),
 * never over HTTP, whether or not the service runs.
 */
export const USAGE = [
  'Usage: npm run admin -- reset-password EMAIL      a new password for the account, printed once',
  '       npm run admin -- list-secretariat          the secretariat accounts',
  '       npm run admin -- create-secretariat EMAIL  a new secretariat account, its password printed once',
].join('\n');

/** Exit codes: done; refused or failed (unknown e-mail, no database); bad arguments. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

class AdminError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
  }
}

/** The commands, each with the number of e-mail arguments it takes. */
const COMMANDS = {
  'reset-password': resetPassword,
  'list-secretariat': listSecretariat,
  'create-secretariat': createSecretariat,
} satisfies Record<string, (dataSource: DataSource, email: string) => Promise<string>>;
const TAKES_EMAIL = new Set(['reset-password', 'create-secretariat']);

/** A password of 144 random bits, 24 characters a person can type. */
function newPassword(): string {
  return randomBytes(18).toString('base64url');
}

/** Runs `args` against the database of `env`'s DATABASE_URL; what to print and the exit code. */
export async function adminCommand(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ exitCode: number; message: string }> {
  try {
    const { command, email } = parseCommandLine(args);
    const { DATABASE_URL } = validateEnvironment({
      DATABASE_URL: env.DATABASE_URL,
      NODE_ENV: 'development',
    });
    const dataSource = await openDatabase(DATABASE_URL);
    try {
      return { exitCode: EXIT.ok, message: await COMMANDS[command](dataSource, email) };
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    if (error instanceof AdminError) return { exitCode: error.exitCode, message: error.message };
    if (error instanceof ConfigurationError) {
      return { exitCode: EXIT.failed, message: error.message };
    }
    return {
      exitCode: EXIT.failed,
      message: `The command failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function parseCommandLine(args: string[]): { command: keyof typeof COMMANDS; email: string } {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args, allowPositionals: true, strict: true }));
  } catch (error) {
    throw new AdminError(`${(error as Error).message}\n${USAGE}`, EXIT.usage);
  }
  const [command, ...rest] = positionals;
  if (!command || !(command in COMMANDS)) {
    const said = command ? `Unknown command "${command}"` : 'Name a command';
    throw new AdminError(`${said}\n${USAGE}`, EXIT.usage);
  }
  const wanted = TAKES_EMAIL.has(command) ? 1 : 0;
  if (rest.length !== wanted) {
    throw new AdminError(
      `${command} takes ${wanted === 1 ? 'one e-mail address' : 'no argument'}\n${USAGE}`,
      EXIT.usage,
    );
  }
  return { command: command as keyof typeof COMMANDS, email: (rest[0] ?? '').trim().toLowerCase() };
}

/**
 * The service's database, as it is: never created (a mistyped SQLite path would otherwise
 * become an empty database) and never migrated (the service does that as it starts).
 */
async function openDatabase(databaseUrl: string): Promise<DataSource> {
  const engine = databaseEngine(databaseUrl);
  const shown = engine === 'sqlite' ? sqlitePath(databaseUrl) : withoutPassword(databaseUrl);
  if (engine === 'sqlite' && !existsSync(resolve(sqlitePath(databaseUrl)))) {
    throw new AdminError(
      `The database ${resolve(sqlitePath(databaseUrl))} does not exist: check DATABASE_URL ` +
        '(the service creates it on its first start)',
    );
  }
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new AdminError(
      `Cannot open the database ${shown}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (await dataSource.showMigrations()) {
    await dataSource.destroy();
    throw new AdminError(
      `The database ${shown} is not up to date (or is not the service's): start the service ` +
        'on it once (it applies its migrations), then run this again',
    );
  }
  return dataSource;
}

/** A PostgreSQL URL fit for a message: without its password. */
function withoutPassword(databaseUrl: string): string {
  const url = new URL(postgresLocation(databaseUrl).url);
  url.password = '';
  return url.toString();
}

async function resetPassword(dataSource: DataSource, email: string): Promise<string> {
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  const before = await dataSource.transaction(async (manager) => {
    const user = await manager.findOne(User, { where: { email }, lock: writeLock(manager) });
    if (!user) throw new AdminError(`No account has the e-mail ${email}`);
    const was = { active: user.active, invited: !hasPassword(user), role: user.role };
    user.passwordHash = passwordHash;
    user.active = true;
    // Every session of the account ends, and every link e-mailed to it stops working.
    user.tokenVersion += 1;
    await revokeTokens(manager, user.id, [
      AccountTokenPurpose.INVITATION,
      AccountTokenPurpose.PASSWORD_RESET,
    ]);
    await manager.save(user);
    await record(manager, 'admin reset-password', user.id);
    return was;
  });
  return [
    `The account ${email} (${before.role}) has a new password; every session it had is signed out.`,
    ...(before.active ? [] : ['It was disabled: it is enabled again.']),
    ...(before.invited ? ['Its pending invitation is withdrawn: this password replaces it.'] : []),
    `Password (shown once): ${password}`,
    'Sign in with it, then choose your own (changePassword).',
  ].join('\n');
}

async function createSecretariat(dataSource: DataSource, email: string): Promise<string> {
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
    throw new AdminError(`"${email}" is not an e-mail address\n${USAGE}`, EXIT.usage);
  }
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  await dataSource.transaction(async (manager) => {
    const existing = await manager.findOneBy(User, { email });
    if (existing) {
      throw new AdminError(
        `${email} has an account already (${existing.role}): ` +
          `npm run admin -- reset-password ${email} gives it a new password`,
      );
    }
    const user = await manager.save(
      newAccount(manager, { email, role: Role.SECRETARIAT }, passwordHash),
    );
    await record(manager, 'admin create-secretariat', user.id);
  });
  return [
    `Created the secretariat account ${email}.`,
    `Password (shown once): ${password}`,
    'Sign in with it, then choose your own (changePassword).',
  ].join('\n');
}

async function listSecretariat(dataSource: DataSource): Promise<string> {
  const users = await dataSource.getRepository(User).find({
    where: { role: Role.SECRETARIAT },
    order: { email: 'ASC' },
  });
  if (users.length === 0) {
    return 'No secretariat account: npm run admin -- create-secretariat EMAIL makes one';
  }
  return users
    .map((user) => {
      const state = !user.active
        ? 'disabled'
        : !hasPassword(user)
          ? 'invitation pending'
          : 'active';
      const last = user.lastSignedInAt
        ? `last signed in ${user.lastSignedInAt.toISOString()}`
        : 'never signed in';
      return `${user.email}\t${state}\t${last}`;
    })
    .join('\n');
}

/** The audit trail's entry of a change made here: no caller, the account as its target. */
async function record(manager: EntityManager, operation: string, userId: string): Promise<void> {
  await manager.insert(AuditEntry, {
    createdAt: new Date(),
    operation,
    userId: null,
    email: null,
    role: null,
    targetIds: [userId],
    outcome: AuditOutcome.OK,
  });
}
