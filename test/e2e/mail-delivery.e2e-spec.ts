import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorld, PROPOSE_TWINNING, postNeed, postOffer, World } from '../support/builders';
import { GraphQLClient, httpGraphQLClient } from '../support/graphql-client';
import { MailSink, startMailSink } from '../support/mail-sink';
import { listening, runServer, ServerProcess } from '../support/server-process';
import {
  freshDatabase,
  SECRETARIAT_EMAIL,
  SECRETARIAT_PASSWORD,
  startTestApp,
  TEST_ENGINE,
  TestApp,
  TestDatabase,
} from '../support/test-app';

const HONDURAS = 'focal@hn.test';

/** Proposes `count` twinnings of one offer each to a Honduras need: one e-mail each to Honduras. */
async function proposals(api: GraphQLClient, world: World, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const offerId = await postOffer(api, world.member, world.organizationId, {
      title: `Offer ${index + 1}`,
    });
    const needId = await postNeed(api, world.secretariat, { countryCode: 'HN' });
    await api.ok(PROPOSE_TWINNING, { input: { offerId, needIds: [needId] } }, { as: world.member });
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The subjects `sink` received for Honduras, sorted. */
function subjectsFor(sink: MailSink): string[] {
  return sink
    .to(HONDURAS)
    .map((mail) => mail.subject)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * The outbox's promise (API.md, "People, language and mail"): a mail server that is down
 * delays mail and loses none; a process killed while it sends loses none and sends none
 * twice; several instances never send the same e-mail twice.
 */
describe('delivering the outbox', () => {
  it('keeps every e-mail while the mail server is down, and sends each once when it is back', async () => {
    const sink = await startMailSink();
    await sink.stop();
    const app: TestApp = await startTestApp({
      env: { SMTP_URL: sink.url, MAIL_POLL_MS: '50', MAIL_RETRY_MS: '100' },
    });
    try {
      const world = await buildWorld(app);
      await proposals(app, world, 3);
      // Tried and refused (nothing listens): still waiting, with why.
      await pause(800);
      const waiting = await app.sql<{ status: string; attempts: number; lastError: string }>(
        'SELECT "status", "attempts", "lastError" FROM "outbox_mails"',
      );
      expect(waiting).toHaveLength(3);
      for (const mail of waiting) {
        expect(mail.status).toBe('PENDING');
        expect(Number(mail.attempts)).toBeGreaterThanOrEqual(1);
        expect(mail.lastError).toMatch(/ECONNECTION|ECONNREFUSED/);
      }
      expect(sink.received).toHaveLength(0);

      await sink.start();
      await sink.waitForCount(3);
      await pause(500);
      expect(subjectsFor(sink)).toEqual([
        'New twinning proposal: Offer 1',
        'New twinning proposal: Offer 2',
        'New twinning proposal: Offer 3',
      ]);
      const sent = await app.sql<{ status: string }>('SELECT "status" FROM "outbox_mails"');
      expect(sent.map((mail) => mail.status)).toEqual(['SENT', 'SENT', 'SENT']);
    } finally {
      await app.close();
      await sink.close();
    }
  });

  it('gives an e-mail up when the mail server refuses it for good, and says why', async () => {
    const sink = await startMailSink({ refuseRecipient: (address) => address === HONDURAS });
    const app = await startTestApp({ env: { SMTP_URL: sink.url, MAIL_POLL_MS: '50' } });
    try {
      const world = await buildWorld(app);
      await proposals(app, world, 1);
      for (let tries = 0; tries < 50; tries += 1) {
        const [mail] = await app.sql<{ status: string }>('SELECT "status" FROM "outbox_mails"');
        if (mail?.status !== 'PENDING') break;
        await pause(100);
      }
      const [mail] = await app.sql<{ status: string; attempts: number; lastError: string }>(
        'SELECT "status", "attempts", "lastError" FROM "outbox_mails"',
      );
      expect(mail.status).toBe('FAILED');
      expect(Number(mail.attempts)).toBe(1);
      expect(mail.lastError).toMatch(/^EENVELOPE: 550 No such mailbox here/);
      expect(sink.received).toHaveLength(0);
    } finally {
      await app.close();
      await sink.close();
    }
  });

  describe('a server killed while it sends', () => {
    let folder: string;
    let database: TestDatabase;
    let sink: MailSink;
    let release: () => void = () => undefined;
    let dataArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (dataArrived = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));

    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), 'twinning-mail-'));
      database = await freshDatabase();
      // The first message is held unanswered until the sender is dead.
      let first = true;
      sink = await startMailSink({
        onData: () => dataArrived(),
        holdData: () => {
          if (!first) return Promise.resolve();
          first = false;
          return held;
        },
      });
    });
    afterAll(async () => {
      await sink.close();
      await database.remove();
      rmSync(folder, { recursive: true, force: true });
    });

    function start(): ServerProcess {
      return runServer(
        {
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          PORT: '0',
          DATABASE_URL: database.url,
          JWT_SECRET: 'a-mail-test-secret-that-is-long-enough',
          PASSWORD_HASH_COST: '10',
          SECRETARIAT_EMAIL,
          SECRETARIAT_PASSWORD,
          SMTP_URL: sink.url,
          MAIL_POLL_MS: '50',
          MAIL_RETRY_MS: '100',
          // A claim lapses after 5 s: the restarted server takes the e-mail over then. A send
          // is given up at half of it, 2.5 s, which a busy machine's fresh process needs.
          MAIL_SEND_TIMEOUT_MS: '5000',
        },
        folder,
      );
    }

    it('loses no e-mail and sends none twice', async () => {
      const first = start();
      const { port } = await listening(first);
      const api = httpGraphQLClient(`http://127.0.0.1:${port}`);
      const world = await buildWorld(api);
      await proposals(api, world, 1);

      // The mail server has the message's data and has not answered: kill the sender.
      await arrived;
      const gone = sink.nextClose();
      first.child.kill('SIGKILL');
      expect((await first.done).signal).toBe('SIGKILL');
      await gone;
      release();
      await pause(200);
      // The message was never accepted: the client went away before the answer.
      expect(sink.received).toHaveLength(0);

      const second = start();
      try {
        await listening(second);
        await sink.waitForCount(1, () => true, 20_000);
        await pause(1000);
        expect(subjectsFor(sink)).toEqual(['New twinning proposal: Offer 1']);
      } finally {
        second.child.kill('SIGTERM');
        await second.done;
      }
      // Two server processes start one after the other: on a loaded machine each takes 20 s.
    }, 120_000);
  });

  (TEST_ENGINE === 'postgres' ? it : it.skip)(
    'sends each e-mail once when a slow mail server outlasts a claim and two instances deliver (PostgreSQL)',
    async () => {
      // Every message takes the mail server 1.5 s to answer.
      const sink = await startMailSink({ holdData: () => pause(1500) });
      await sink.stop();
      // A claim lasts 8 s: one look takes all 8 e-mails, which the slow server needs 12 s
      // for, one after another. A send may take 4 s and its record 2 s: after the second
      // e-mail the claim has no time for a third, and the rest go back to the outbox.
      const env = {
        SMTP_URL: sink.url,
        MAIL_POLL_MS: '20',
        MAIL_RETRY_MS: '600000',
        MAIL_SEND_TIMEOUT_MS: '8000',
      };
      const a = await startTestApp({ env });
      let b: TestApp | undefined;
      try {
        const world = await buildWorld(a);
        await proposals(a, world, 8);
        // The mail server is down: each e-mail is tried once and waits ten minutes.
        let tried = 0;
        for (let tries = 0; tries < 300 && tried < 8; tries += 1) {
          await pause(100);
          tried = (await a.sql('SELECT "id" FROM "outbox_mails" WHERE "attempts" = 1')).length;
        }
        expect(tried).toBe(8);
        await sink.start();
        b = await startTestApp({ databaseUrl: a.databaseUrl, env });
        // The ten minutes pass: all 8 are due at once, and one look of one instance takes them.
        await a.sql('UPDATE "outbox_mails" SET "nextAttemptAt" = :now', { now: new Date() });

        await sink.waitForCount(8, () => true, 40_000);
        for (let tries = 0; tries < 200; tries += 1) {
          const open = await a.sql(
            `SELECT "id" FROM "outbox_mails" WHERE "status" <> 'SENT' OR "claimedUntil" IS NOT NULL`,
          );
          if (open.length === 0) break;
          await pause(100);
        }
        await pause(1000);
        expect(subjectsFor(sink)).toEqual(
          Array.from({ length: 8 }, (_, index) => `New twinning proposal: Offer ${index + 1}`),
        );
        expect(new Set(sink.received.map((mail) => mail.messageId)).size).toBe(8);
        // One attempt while the server was down, one that it took: a claim given back
        // unsent counts none.
        const rows = await a.sql<{ status: string; attempts: number; claimToken: string | null }>(
          'SELECT "status", "attempts", "claimToken" FROM "outbox_mails"',
        );
        expect(rows.map((row) => [row.status, Number(row.attempts), row.claimToken])).toEqual(
          Array(8).fill(['SENT', 2, null]),
        );
      } finally {
        await b?.stop();
        await a.close();
        await sink.close();
      }
    },
    90_000,
  );

  (TEST_ENGINE === 'postgres' ? it : it.skip)(
    'sends each e-mail once when two instances deliver the same outbox (PostgreSQL)',
    async () => {
      const sink = await startMailSink();
      const env = { SMTP_URL: sink.url, MAIL_POLL_MS: '20' };
      const a = await startTestApp({ env });
      const b = await startTestApp({ databaseUrl: a.databaseUrl, env });
      try {
        const world = await buildWorld(a);
        await proposals(a, world, 12);
        await sink.waitForCount(12);
        await pause(1000);
        expect(subjectsFor(sink)).toEqual(
          Array.from({ length: 12 }, (_, index) => `New twinning proposal: Offer ${index + 1}`),
        );
        const ids = sink.received.map((mail) => mail.messageId);
        expect(new Set(ids).size).toBe(12);
      } finally {
        await b.stop();
        await a.close();
        await sink.close();
      }
    },
  );
});
