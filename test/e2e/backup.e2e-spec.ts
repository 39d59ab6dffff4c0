import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { backupCommand, EXIT } from '../../src/database/backup';
import { httpGraphQLClient } from '../support/graphql-client';
import { runServer, ServerProcess } from '../support/server-process';
import { TEST_ENGINE, UNUSED_MAIL_SERVER } from '../support/test-app';

/**
 * `npm run backup -- FILE`, run as an operator runs it: while the built server (a child
 * process, as in production) takes a steady stream of writes. The backup must hold every
 * write acknowledged before it started, pass `PRAGMA integrity_check`, and serve as the
 * database of a second server, as the README's restore describes. The refusals (an existing
 * file, the live database, a bad DATABASE_URL, PostgreSQL) are checked on `backupCommand`,
 * what the script runs once `.env` is loaded, in this process: each start of the script
 * costs seconds (ts-node compiling the entities).
 */
const ROOT = join(__dirname, '..', '..');
const EMAIL = 'secretariat@mirps.test';
const PASSWORD = 'secretariat-backup-password';
/** Writes in flight at any time, and the pause of each writer between two of them. */
const WRITERS = 4;
const PAUSE_MS = 15;
/** The backup starts once this many writes have been acknowledged. */
const BEFORE_BACKUP = 40;
/** A bound on the whole stream, whatever happens. */
const MAX_WRITES = 2000;
const TITLE = 'Backupload need';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run backup -- ...args` in the project folder, with exactly `env` (plus PATH, HOME). */
function npmBackup(args: string[], env: Record<string, string>): Promise<Finished> {
  const child = spawn('npm', ['run', '--silent', 'backup', '--', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Server {
  process: ServerProcess;
  port: number;
}

/** The built server on a SQLite file, production settings, on a port of the system's choosing. */
async function startServer(databasePath: string, cwd: string): Promise<Server> {
  const server = runServer(
    {
      NODE_ENV: 'production',
      SMTP_URL: UNUSED_MAIL_SERVER,
      PORT: '0',
      DATABASE_URL: `sqlite:${databasePath}`,
      JWT_SECRET: randomBytes(32).toString('base64'),
      SECRETARIAT_EMAIL: EMAIL,
      SECRETARIAT_PASSWORD: PASSWORD,
      // The stream of writes is one user's; the per-user limit is not under test here.
      RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'info',
    },
    cwd,
  );
  const port = await new Promise<number>((resolve, reject) => {
    server.child.stdout?.on('data', () => {
      const found = /listens on http:\/\/\S+:(\d+)\/graphql/.exec(server.stdout());
      if (found) resolve(Number(found[1]));
    });
    void server.done.then(({ stdout, stderr }) =>
      reject(new Error(`The server did not start: ${stdout}${stderr}`)),
    );
  });
  return { process: server, port };
}

async function stop(server: Server): Promise<number | null> {
  if (server.process.child.exitCode === null && server.process.child.signalCode === null) {
    server.process.child.kill('SIGTERM');
  }
  return (await server.process.done).code;
}

type Read = (sql: string) => Promise<any[]>;

/** Reads a SQLite file directly, read-only. */
async function inspect<T>(path: string, read: (all: Read) => Promise<T>): Promise<T> {
  const database = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (error) =>
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

const CREATE_NEED = `mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }`;
const NEEDS_PAGE = `query ($after: String) {
  needs(first: 100, after: $after, filter: { search: "backupload" }) {
    totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
  }
}`;

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'twinning-backup-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

// SQLite's file is what is backed up here; on PostgreSQL the command only prints pg_dump's.
(TEST_ENGINE === 'sqlite' ? describe : describe.skip)('npm run backup on a running server', () => {
  const servers: Server[] = [];

  afterEach(async () => {
    for (const server of servers.splice(0)) {
      if (server.process.child.exitCode === null && server.process.child.signalCode === null) {
        server.process.child.kill('SIGKILL');
        await server.process.done;
      }
    }
  });

  it('holds every write acknowledged before it, under load, and restores into a working server', async () => {
    const live = join(folder, 'live', 'twinning.sqlite');
    const backup = join(folder, 'backups', 'twinning-backup.sqlite');
    mkdirSync(join(folder, 'backups'));
    const first = await startServer(live, folder);
    servers.push(first);
    const api = httpGraphQLClient(`http://127.0.0.1:${first.port}`);
    const token = await api.login(EMAIL, PASSWORD);

    const acknowledged: string[] = [];
    const refused: unknown[] = [];
    let sent = 0;
    let stopped = false;
    let firstBatch: () => void = () => undefined;
    const enoughBefore = new Promise<void>((resolve) => (firstBatch = resolve));
    const writer = async () => {
      while (!stopped && sent < MAX_WRITES) {
        const index = sent++;
        const answer = await api.gql<{ createNeed: { id: string } }>(
          CREATE_NEED,
          {
            input: {
              countryCode: 'HN',
              workingGroupCode: 'ASYLUM_SYSTEMS',
              title: `${TITLE} ${index}`,
              description: 'Written while a backup is taken.',
              modalities: ['TRAINING'],
              languages: ['es'],
            },
          },
          { as: token },
        );
        if (answer.errors || !answer.data) refused.push(answer.errors);
        else acknowledged.push(answer.data.createNeed.id);
        if (acknowledged.length >= BEFORE_BACKUP) firstBatch();
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
      firstBatch();
    };
    const writers = Promise.all(Array.from({ length: WRITERS }, writer));

    await enoughBefore;
    // Everything acknowledged now was committed before the backup process even started.
    const before = [...acknowledged];
    const backedUp = await npmBackup([backup], { DATABASE_URL: `sqlite:${live}` });
    const during = acknowledged.length - before.length;
    stopped = true;
    await writers;

    expect(refused).toEqual([]);
    expect(backedUp.stderr).toBe('');
    expect(backedUp.code).toBe(EXIT.ok);
    const line = backedUp.stdout.trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(
      new RegExp(
        `^Backed up \\S+ to ${backup}: (\\d+) bytes \\(.+ MB\\) in \\d+ ms, integrity_check ok$`,
      ),
    );
    expect(Number(/: (\d+) bytes/.exec(line)![1])).toBe(statSync(backup).size);
    // It was taken under load: writes went on being acknowledged while it ran.
    expect(during).toBeGreaterThan(0);
    // No temporary file is left beside it.
    expect(readdirSync(join(folder, 'backups'))).toEqual(['twinning-backup.sqlite']);

    // The backup file is sound, and self-contained (no write-ahead log beside it).
    const file = await inspect(backup, async (all) => ({
      integrity: await all('PRAGMA integrity_check'),
      foreignKeys: await all('PRAGMA foreign_key_check'),
      journal: await all('PRAGMA journal_mode'),
      needs: (await all(`SELECT id FROM needs WHERE title LIKE '${TITLE} %'`)).length,
    }));
    expect(file.integrity).toEqual([{ integrity_check: 'ok' }]);
    expect(file.foreignKeys).toEqual([]);
    expect(file.journal).toEqual([{ journal_mode: 'delete' }]);
    // A snapshot: at least what was acknowledged before, at most what was ever sent.
    expect(file.needs).toBeGreaterThanOrEqual(before.length);
    expect(file.needs).toBeLessThanOrEqual(sent);
    expect(await stop(first)).toBe(0);

    // Restore as the README says: the server stopped, the backup copied to the path of
    // DATABASE_URL, the server started on it.
    const restored = join(folder, 'restored', 'twinning.sqlite');
    mkdirSync(join(folder, 'restored'));
    copyFileSync(backup, restored);
    const second = await startServer(restored, folder);
    servers.push(second);
    expect((await fetch(`http://127.0.0.1:${second.port}/health`)).status).toBe(200);
    const restoredApi = httpGraphQLClient(`http://127.0.0.1:${second.port}`);
    const restoredToken = await restoredApi.login(EMAIL, PASSWORD);
    const served = new Set<string>();
    let totalCount: number | undefined;
    for (let after: string | null = null; ;) {
      const page: any = await restoredApi.ok(NEEDS_PAGE, { after }, { as: restoredToken });
      totalCount = page.needs.totalCount;
      for (const edge of page.needs.edges) served.add(edge.node.id);
      if (!page.needs.pageInfo.hasNextPage) break;
      after = page.needs.pageInfo.endCursor;
    }
    expect(before.filter((id) => !served.has(id))).toEqual([]);
    expect(totalCount).toBe(file.needs);
    expect(served.size).toBe(file.needs);
    // And it takes writes again.
    await restoredApi.ok(
      CREATE_NEED,
      {
        input: {
          countryCode: 'GT',
          workingGroupCode: 'ASYLUM_SYSTEMS',
          title: 'Written after the restore',
          description: 'The restored server takes writes.',
          modalities: ['TRAINING'],
          languages: ['es'],
        },
      },
      { as: restoredToken },
    );
    expect(await stop(second)).toBe(0);
    const after = await inspect(restored, (all) => all('PRAGMA integrity_check'));
    expect(after).toEqual([{ integrity_check: 'ok' }]);
  });
});

describe('npm run backup refusals', () => {
  /** A small database in WAL mode, as the service leaves it. */
  async function aDatabase(path: string): Promise<void> {
    const database = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened = new sqlite3.Database(path, (error) =>
        error ? reject(error) : resolve(opened),
      );
    });
    const exec = (sql: string) =>
      new Promise<void>((resolve, reject) =>
        database.exec(sql, (error) => (error ? reject(error) : resolve())),
      );
    await exec(`PRAGMA journal_mode = WAL;
      CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
      INSERT INTO things (name) VALUES ('one'), ('two');`);
    await new Promise((resolve) => database.close(resolve));
  }

  it('refuses an existing file unless --force, and then replaces it', async () => {
    const live = join(folder, 'live.sqlite');
    const target = join(folder, 'backup.sqlite');
    await aDatabase(live);
    writeFileSync(target, 'an older backup');
    const env = { DATABASE_URL: `sqlite:${live}` };

    expect(await backupCommand([target], env, folder)).toEqual({
      exitCode: EXIT.failed,
      message: `${target} exists; pass --force to replace it`,
    });
    expect(readFileSync(target, 'utf8')).toBe('an older backup');

    const forced = await backupCommand([target, '--force'], env, folder);
    expect(forced.exitCode).toBe(EXIT.ok);
    expect(await inspect(target, (all) => all('SELECT name FROM things ORDER BY id'))).toEqual([
      { name: 'one' },
      { name: 'two' },
    ]);
    // FILE is taken relative to the folder npm was run from.
    const relative = await backupCommand(['relative.sqlite'], env, folder);
    expect(relative.message).toContain(join(folder, 'relative.sqlite'));
    expect(statSync(join(folder, 'relative.sqlite')).size).toBeGreaterThan(0);
  });

  it('refuses the live database as the target, however it is named, even with --force', async () => {
    const live = join(folder, 'live.sqlite');
    await aDatabase(live);
    const before = readFileSync(live);
    const env = { DATABASE_URL: `sqlite:${live}` };
    symlinkSync(folder, join(folder, 'link'));
    for (const target of [
      live,
      join(folder, '.', 'sub', '..', 'live.sqlite'),
      join(folder, 'link', 'live.sqlite'),
      `${live}-wal`,
    ]) {
      const answer = await backupCommand([target, '--force'], env, folder);
      expect(answer.exitCode).toBe(EXIT.failed);
      expect(answer.message).toMatch(/is the live database \(DATABASE_URL\)/);
    }
    expect(readFileSync(live)).toEqual(before);
  });

  it('says what is wrong with its arguments, a missing database or folder', async () => {
    const live = join(folder, 'live.sqlite');
    await aDatabase(live);
    const env = { DATABASE_URL: `sqlite:${live}` };
    expect(await backupCommand([], env, folder)).toEqual({
      exitCode: EXIT.usage,
      message: 'Name the backup file. Usage: npm run backup -- FILE [--force]',
    });
    expect((await backupCommand(['a', '--forse'], env, folder)).exitCode).toBe(EXIT.usage);
    expect(
      await backupCommand(['x.sqlite'], { DATABASE_URL: `sqlite:${folder}/none.sqlite` }, folder),
    ).toEqual({
      exitCode: EXIT.failed,
      message: `The database ${folder}/none.sqlite does not exist`,
    });
    expect(await backupCommand([join(folder, 'no', 'x.sqlite')], env, folder)).toEqual({
      exitCode: EXIT.failed,
      message: `The folder ${join(folder, 'no')} does not exist`,
    });
  });

  it('prints the pg_dump command for PostgreSQL, without the password, and exits 3', async () => {
    const answer = await backupCommand(
      ['twinning.dump'],
      { DATABASE_URL: 'postgres://twinning:s3cret@db.internal:5432/mirps?schema=twinning' },
      folder,
    );
    expect(answer.exitCode).toBe(EXIT.postgres);
    expect(answer.message).toContain(
      `pg_dump --format=custom --schema=twinning --file=${join(folder, 'twinning.dump')} ` +
        '--dbname=postgres://twinning@db.internal:5432/mirps',
    );
    expect(answer.message).not.toContain('s3cret');
  });

  it('exits 1 with the configuration message on a bad DATABASE_URL', async () => {
    expect(
      await backupCommand([join(folder, 'x.sqlite')], { DATABASE_URL: 'mysql://db/x' }, folder),
    ).toEqual({
      exitCode: EXIT.failed,
      message:
        'Invalid configuration: DATABASE_URL must look like "sqlite:PATH" or ' +
        '"postgres://user:password@host:5432/database"',
    });
    // The in-memory database has no file to copy.
    expect(await backupCommand(['x.sqlite'], { DATABASE_URL: 'sqlite::memory:' }, folder)).toEqual({
      exitCode: EXIT.failed,
      message:
        'DATABASE_URL names an in-memory database (sqlite::memory:): there is no file to back up',
    });
  });
});
