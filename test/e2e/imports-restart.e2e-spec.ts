import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../src/common/clock/clock';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { ImportStatus } from '../../src/imports/import-enums';
import { ImportJob } from '../../src/imports/import-job.entity';
import { buildWorld } from '../support/builders';
import { startTestApp, TestApp } from '../support/test-app';

const ROWS = 2000; // four batches of 500
const JOB = `query ($id: ID!) { importJob(id: $id) {
  status total processed created updated rejected problems { row field message }
} }`;

interface Job {
  status: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  rejected: number;
  problems: unknown[];
}

function needsFile(): Buffer {
  const lines = ['Country,Working group,Title,Description,Modalities,Languages,NAP reference'];
  for (let row = 1; row <= ROWS; row += 1) {
    lines.push(`HN,ASYLUM_SYSTEMS,Need ${row},Described,Training,es,HN-R.${row}`);
  }
  return Buffer.from(lines.join('\n'));
}

/** The database of a stopped app, opened as a second process would open it. */
async function onDatabase<T>(url: string, work: (database: DataSource) => Promise<T>): Promise<T> {
  const database = new DataSource({ ...dataSourceOptions(url), migrationsRun: false });
  await database.initialize();
  try {
    return await work(database);
  } finally {
    await database.destroy();
  }
}

describe('An import interrupted by a restart', () => {
  const apps: TestApp[] = [];
  // With TEST_REDIS_URL the jobs go through BullMQ; without, through the job table.
  const env: Record<string, string> = process.env.TEST_REDIS_URL
    ? { REDIS_URL: process.env.TEST_REDIS_URL, REDIS_KEY_PREFIX: `imports-${randomUUID()}:` }
    : {};
  env.IMPORT_POLL_MS = '20';

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  async function job(app: TestApp, id: string, token: string): Promise<Job> {
    return (await app.ok<{ importJob: Job }>(JOB, { id }, { as: token })).importJob;
  }

  it('is taken over by the next start and finishes with exact counts, each row once', async () => {
    const first = await startTestApp({ env });
    apps.push(first);
    const world = await buildWorld(first);
    const answer = await request(first.app.getHttpServer())
      .post('/imports/needs')
      .set('authorization', `Bearer ${world.honduras}`)
      .set('content-type', 'text/csv')
      .send(needsFile());
    expect(answer.status).toBe(202);
    const { id } = answer.body as { id: string };
    for (;;) {
      const seen = await job(first, id, world.honduras);
      expect(seen.status).not.toBe('DONE');
      if (seen.processed >= 500) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The shutdown lets the batch under way commit, then stops.
    await first.stop();

    // Each committed batch holds its rows and its progress together.
    const stopped = await onDatabase(first.databaseUrl, async (database) => {
      const [row] = await database.query<{ status: string; processed: number; created: number }[]>(
        `SELECT "status", "processed", "created" FROM "import_jobs"`,
      );
      const [{ count }] = await database.query<{ count: number | string }[]>(
        `SELECT COUNT(*) AS "count" FROM "needs"`,
      );
      // As a worker that died mid-job would leave it: RUNNING, its lease a minute ahead.
      await database
        .getRepository(ImportJob)
        .update(
          { id },
          { status: ImportStatus.RUNNING, leaseUntil: new Date(Date.now() + 60_000) },
        );
      return { ...row, needs: Number(count) };
    });
    expect(stopped.status).toBe('QUEUED');
    expect([500, 1000, 1500]).toContain(stopped.processed);
    expect(stopped.created).toBe(stopped.processed);
    expect(stopped.needs).toBe(stopped.processed);

    const clock = new ManualClock(new Date());
    const second = await startTestApp({ databaseUrl: first.databaseUrl, env, clock });
    apps.push(second);
    const token = await second.login('focal@hn.test');
    if (!process.env.TEST_REDIS_URL) {
      // The job table's worker leaves a job alone while another worker's lease holds it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await job(second, id, token)).toMatchObject({
        status: 'RUNNING',
        processed: stopped.processed,
      });
      clock.set(new Date(Date.now() + 61_000));
    }
    let seen = await job(second, id, token);
    for (
      let attempt = 0;
      attempt < 300 && !['DONE', 'FAILED'].includes(seen.status);
      attempt += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await job(second, id, token);
    }
    expect(seen).toEqual({
      status: 'DONE',
      total: ROWS,
      processed: ROWS,
      created: ROWS,
      updated: 0,
      rejected: 0,
      problems: [],
    });
    const [needs] = await second.sql<{ count: number | string; refs: number | string }>(
      `SELECT COUNT(*) AS "count", COUNT(DISTINCT "napReference") AS "refs" FROM "needs"`,
    );
    expect({ count: Number(needs.count), refs: Number(needs.refs) }).toEqual({
      count: ROWS,
      refs: ROWS,
    });
    // The import is in the audit trail once, however many workers ran it.
    const audit = await second.sql<{ count: number | string }>(
      `SELECT COUNT(*) AS "count" FROM "audit_log" WHERE "operation" = 'importNeeds'`,
    );
    expect(Number(audit[0].count)).toBe(1);
  });
});
