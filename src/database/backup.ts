import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sqlite3 from 'sqlite3';
import { ConfigurationError, validateEnvironment } from '../config/environment';
import { databaseEngine, postgresLocation, sqlitePath } from './data-source-options';

/**
 * `npm run backup -- FILE [--force]`: a copy of the live SQLite database, taken while the
 * service runs. SQLite's `VACUUM INTO` writes a consistent snapshot of the database (one
 * read transaction: in WAL mode writers go on meanwhile) as a compact, self-contained file.
 * It is written beside FILE under a temporary name, checked with `PRAGMA integrity_check`,
 * synced to disk (VACUUM INTO does not sync) and only then renamed to FILE. On PostgreSQL
 * it does nothing but print the `pg_dump` command to run.
 */

export const USAGE = 'Usage: npm run backup -- FILE [--force]';

/** Exit codes: done; refused or failed; bad arguments; PostgreSQL (use pg_dump). */
export const EXIT = { ok: 0, failed: 1, usage: 2, postgres: 3 } as const;

export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
  }
}

export interface BackupResult {
  /** The backup, as an absolute path. */
  file: string;
  bytes: number;
  milliseconds: number;
}

/** As long as the service waits for a lock (data-source-options.ts). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Copies the SQLite database at `source` (as DATABASE_URL names it) to `target`, refusing
 * to overwrite an existing file unless `force`, and refusing the live database (or its
 * -wal, -shm, -journal) as the target whatever `force` says.
 */
export async function backupSqlite(
  source: string,
  target: string,
  options: { force?: boolean } = {},
): Promise<BackupResult> {
  const started = process.hrtime.bigint();
  if (source === ':memory:' || source === '') {
    throw new BackupError(
      `DATABASE_URL names an in-memory database (sqlite:${source}): there is no file to back up`,
    );
  }
  const live = resolve(source);
  const file = resolve(target);
  refuseLiveTarget(live, file);
  const folder = dirname(file);
  if (!isDirectory(folder)) throw new BackupError(`The folder ${folder} does not exist`);
  const existing = statIfAny(file);
  if (existing?.isDirectory()) throw new BackupError(`${file} is a folder; name a file`);
  if (existing && !options.force) {
    throw new BackupError(`${file} exists; pass --force to replace it`);
  }
  if (!statIfAny(live)) throw new BackupError(`The database ${live} does not exist`);

  const partial = join(folder, `.${basename(file)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    // Read-only: the backup never writes to the live database.
    const database = await open(live, sqlite3.OPEN_READONLY);
    try {
      database.configure('busyTimeout', BUSY_TIMEOUT_MS);
      await run(database, 'VACUUM INTO ?', [partial]);
    } finally {
      await close(database);
    }
    await checkIntegrity(partial);
    syncFile(partial);
    install(partial, file, options.force ?? false);
    syncFolder(folder);
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `The backup of ${live} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    file,
    bytes: statSync(file).size,
    milliseconds: Number(process.hrtime.bigint() - started) / 1e6,
  };
}

/** The same file under another spelling (a link, `..`) counts as the live one too. */
function refuseLiveTarget(live: string, file: string): void {
  const liveFiles = ['', '-wal', '-shm', '-journal'].map((suffix) => live + suffix);
  const canonical = (path: string) => {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  };
  const fileStat = statIfAny(file);
  const liveStat = statIfAny(live);
  const same =
    liveFiles.includes(file) ||
    liveFiles.map(canonical).includes(canonical(file)) ||
    (fileStat !== undefined &&
      liveStat !== undefined &&
      fileStat.dev === liveStat.dev &&
      fileStat.ino === liveStat.ino);
  if (same) {
    throw new BackupError(
      `${file} is the live database (DATABASE_URL): back up to another file, never over it`,
    );
  }
}

/** `PRAGMA integrity_check` answers the single row "ok" for a sound file. */
async function checkIntegrity(path: string): Promise<void> {
  const copy = await open(path, sqlite3.OPEN_READONLY);
  try {
    const rows = await all<{ integrity_check: string }>(copy, 'PRAGMA integrity_check');
    const answers = rows.map((row) => row.integrity_check);
    if (answers.length !== 1 || answers[0] !== 'ok') {
      throw new BackupError(
        `The copy failed PRAGMA integrity_check (nothing was written to the target): ${answers
          .slice(0, 5)
          .join('; ')}`,
      );
    }
  } finally {
    await close(copy);
  }
}

/**
 * Puts the checked copy in place. Without `force`, as a hard link, which fails rather than
 * replace a file that appeared meanwhile; where links are not supported, by a rename after
 * one more look.
 */
function install(partial: string, file: string, force: boolean): void {
  if (force) return renameSync(partial, file);
  try {
    linkSync(partial, file);
    rmSync(partial);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new BackupError(`${file} exists; pass --force to replace it`);
    }
    if (statIfAny(file)) throw new BackupError(`${file} exists; pass --force to replace it`);
    renameSync(partial, file);
  }
}

function syncFile(path: string): void {
  const descriptor = openSync(path, 'r+');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/** Makes the rename itself durable; not every platform can sync a folder. */
function syncFolder(folder: string): void {
  try {
    const descriptor = openSync(folder, 'r');
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch {
    // Windows: folders cannot be opened for syncing; the rename is as durable as NTFS makes it.
  }
}

function statIfAny(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function isDirectory(path: string): boolean {
  return statIfAny(path)?.isDirectory() ?? false;
}

function open(path: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((done, fail) => {
    const database: sqlite3.Database = new sqlite3.Database(path, mode, (error) =>
      error ? fail(error) : done(database),
    );
  });
}

function run(database: sqlite3.Database, sql: string, parameters: unknown[]): Promise<void> {
  return new Promise((done, fail) =>
    database.run(sql, parameters, (error: Error | null) => (error ? fail(error) : done())),
  );
}

function all<T>(database: sqlite3.Database, sql: string): Promise<T[]> {
  return new Promise((done, fail) =>
    database.all<T>(sql, (error, rows) => (error ? fail(error) : done(rows))),
  );
}

function close(database: sqlite3.Database): Promise<void> {
  return new Promise((done, fail) => database.close((error) => (error ? fail(error) : done())));
}

/** A word as a POSIX shell reads it. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The `pg_dump` command that backs up what a PostgreSQL DATABASE_URL names (its schema only
 * when the URL has `?schema=`), in pg_dump's custom format for `pg_restore`. The password is
 * left out of it: pg_dump takes it from PGPASSWORD or ~/.pgpass, or asks.
 */
export function pgDumpCommand(databaseUrl: string, target: string): string {
  const { url, schema } = postgresLocation(databaseUrl);
  const withoutPassword = new URL(url);
  withoutPassword.password = '';
  return [
    'pg_dump',
    '--format=custom',
    ...(schema ? [`--schema=${schema}`] : []),
    `--file=${target}`,
    `--dbname=${withoutPassword.toString()}`,
  ]
    .map(shellWord)
    .join(' ');
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/**
 * The command: `args` as after `npm run backup --`, `env` the environment with `.env`
 * loaded (DATABASE_URL is read and checked as ormconfig.ts reads it), FILE taken relative to
 * `cwd` (where the user ran npm). Answers one line to print and the exit code.
 */
export async function backupCommand(
  args: string[],
  env: Record<string, string | undefined>,
  cwd: string,
): Promise<{ exitCode: number; message: string }> {
  try {
    const { target, force } = parseCommandLine(args);
    const { DATABASE_URL } = validateEnvironment({
      DATABASE_URL: env.DATABASE_URL,
      NODE_ENV: 'development',
    });
    const file = resolve(cwd, target);
    if (databaseEngine(DATABASE_URL) === 'postgres') {
      throw new BackupError(
        'DATABASE_URL is PostgreSQL: this command backs up SQLite only, and made no backup. ' +
          `Back up with pg_dump (the password from PGPASSWORD or ~/.pgpass): ${pgDumpCommand(DATABASE_URL, file)}`,
        EXIT.postgres,
      );
    }
    const result = await backupSqlite(sqlitePath(DATABASE_URL), file, { force });
    return {
      exitCode: EXIT.ok,
      message:
        `Backed up ${sqlitePath(DATABASE_URL)} to ${result.file}: ${result.bytes} bytes ` +
        `(${megabytes(result.bytes)}) in ${Math.round(result.milliseconds)} ms, integrity_check ok`,
    };
  } catch (error) {
    if (error instanceof BackupError) return { exitCode: error.exitCode, message: error.message };
    if (error instanceof ConfigurationError)
      return { exitCode: EXIT.failed, message: error.message };
    return {
      exitCode: EXIT.failed,
      message: `The backup failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function parseCommandLine(args: string[]): { target: string; force: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { force: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new BackupError(`${(error as Error).message}. ${USAGE}`, EXIT.usage);
  }
  if (parsed.positionals.length !== 1) {
    throw new BackupError(
      `${parsed.positionals.length === 0 ? 'Name the backup file' : 'Name one backup file'}. ${USAGE}`,
      EXIT.usage,
    );
  }
  return { target: parsed.positionals[0], force: parsed.values.force ?? false };
}
