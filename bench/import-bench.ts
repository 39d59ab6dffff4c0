/**
 * Imports measured on the built service (dist/src/main.js, `nest build` first, started as
 * `npm start` starts it: its node flags and environment) on a fresh SQLite file, in a process
 * of its own so that its peak memory is the service's own: Honduras's focal point POSTs a
 * file of needs (bench/import-file.ts makes it here),
 * then follows the job with `importJob` until it ends. Time runs from the POST to the job's
 * DONE; peak RSS is the server's high-water mark (VmHWM, Linux), and its resident memory
 * once started, before the import, for comparison.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, runServer, waitForHealth } from '../test/support/server-process';
import { writeNeedsFile } from './import-file';

const SECRETARIAT = { email: 'secretariat@bench.test', password: 'a-bench-secretariat-password' };
const FOCAL_POINT = { email: 'focal@hn.test', password: 'a-bench-focal-point-password' };
const TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ImportMeasure {
  rows: number;
  format: 'csv' | 'xlsx';
  fileMiB: number;
  status: string;
  created: number;
  rejected: number;
  importMs: number;
  startedRssMiB: number;
  peakRssMiB: number;
}

/** A figure of /proc/<pid>/status in MiB: VmRSS (now) or VmHWM (the peak so far). */
function memoryMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!kib) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(kib[1]) / 1024;
}

async function graphql<T>(url: string, query: string, variables = {}, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': 'en',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const LOGIN =
  'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

/** `serverEnv`: more of the server's environment (NODE_OPTIONS, MALLOC_ARENA_MAX...). */
export async function measureImport(
  rows: number,
  format: 'csv' | 'xlsx',
  serverEnv: Record<string, string> = {},
): Promise<ImportMeasure> {
  const folder = mkdtempSync(join(tmpdir(), 'twinning-import-bench-'));
  const file = join(folder, `needs.${format}`);
  await writeNeedsFile(file, rows, format);
  const port = await freePort();
  const server = runServer({
    NODE_ENV: 'production',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DATABASE_URL: `sqlite:${join(folder, 'twinning.sqlite')}`,
    JWT_SECRET: 'a-bench-secret-that-is-long-enough-for-hs256',
    SECRETARIAT_EMAIL: SECRETARIAT.email,
    SECRETARIAT_PASSWORD: SECRETARIAT.password,
    IMPORT_POLL_MS: '50',
    ...serverEnv,
    // No e-mail is sent; nothing listens there.
    SMTP_URL: 'smtp://127.0.0.1:9',
  });
  try {
    // At LOG_LEVEL warn the server prints no start-up line: wait for its health check.
    const health = await Promise.race([
      waitForHealth(port, Date.now() + 60_000),
      server.done.then(({ stdout, stderr }) => {
        throw new Error(`The server stopped: ${stdout}${stderr}`);
      }),
    ]);
    if (health.status !== 200) throw new Error(`The server is not healthy: ${health.status}`);
    const url = `http://127.0.0.1:${port}/graphql`;
    const secretariat = await graphql<{ login: { token: string } }>(url, LOGIN, SECRETARIAT);
    await graphql(
      url,
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { ...FOCAL_POINT, role: 'COUNTRY_FOCAL_POINT', countryCode: 'HN', locale: 'ES' } },
      secretariat.login.token,
    );
    const { token } = (await graphql<{ login: { token: string } }>(url, LOGIN, FOCAL_POINT)).login;
    const content = readFileSync(file);
    const startedRssMiB = memoryMiB(server.child.pid!, 'VmRSS');
    const started = performance.now();
    const answer = await fetch(`http://127.0.0.1:${port}/imports/needs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': TYPES[format] },
      body: content,
    });
    if (answer.status !== 202)
      throw new Error(`POST answered ${answer.status}: ${await answer.text()}`);
    const { id } = (await answer.json()) as { id: string };
    for (;;) {
      const { importJob: job } = await graphql<{
        importJob: { status: string; created: number; rejected: number };
      }>(url, 'query ($id: ID!) { importJob(id: $id) { status created rejected } }', { id }, token);
      if (job.status === 'DONE' || job.status === 'FAILED') {
        return {
          rows,
          format,
          fileMiB: content.length / 1024 / 1024,
          ...job,
          importMs: performance.now() - started,
          startedRssMiB,
          peakRssMiB: memoryMiB(server.child.pid!, 'VmHWM'),
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    server.child.kill('SIGTERM');
    await server.done;
    rmSync(folder, { recursive: true, force: true });
  }
}

// As a script: `ts-node bench/import-bench.ts 10000 csv [NAME=value...]` prints one measure
// as JSON (NAME=value: more of the server's environment).
if (require.main === module) {
  const [rows, format, ...settings] = process.argv.slice(2);
  const serverEnv = Object.fromEntries(
    settings.map((setting) => [setting.split('=')[0], setting.split('=').slice(1).join('=')]),
  );
  measureImport(Number(rows), format as 'csv' | 'xlsx', serverEnv)
    .then((measure) => console.log(JSON.stringify(measure)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
