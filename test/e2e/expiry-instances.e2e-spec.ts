import { ManualClock } from '../../src/common/clock/clock';
import { ExpiryJobs } from '../../src/expiry/expiry-jobs';
import { buildWorld, PROPOSE_TWINNING, postNeed, postOffer, World } from '../support/builders';
import { startTestApp, TEST_ENGINE, TestApp } from '../support/test-app';

const DAY = 24 * 60 * 60 * 1000;
const NEEDS = 6;
const OFFERS = 3;
const PROPOSALS = 4;

/**
 * Two instances of the service on one PostgreSQL database run the expiry work at the same
 * moment, each with its own clock showing the same time: both fire the scheduled jobs and
 * both also do the work directly (as when a holder outlives its hold), all at once. Each
 * row is expired once and each warning is written and e-mailed once. SQLite serves one instance
 * only, so this runs on PostgreSQL.
 */
(TEST_ENGINE === 'postgres' ? describe : describe.skip)(
  'expiry with two instances on one database',
  () => {
    let a: TestApp;
    let b: TestApp;
    let clocks: ManualClock[];
    let world: World;
    let start: Date;
    const needIds: string[] = [];
    const offerIds: string[] = [];
    const twinningIds: string[] = [];

    const jobsOf = (app: TestApp) => app.app.get(ExpiryJobs);

    function setClocks(days: number): Date {
      const moment = new Date(start.getTime() + days * DAY);
      for (const clock of clocks) clock.set(moment);
      return moment;
    }

    async function count(sql: string, parameters: Record<string, unknown> = {}): Promise<number> {
      const [row] = await a.sql<{ count: string | number }>(sql, parameters);
      return Number(row.count);
    }

    beforeAll(async () => {
      start = new Date(Math.floor(Date.now() / 60_000) * 60_000);
      clocks = [new ManualClock(start), new ManualClock(start)];
      a = await startTestApp({ clock: clocks[0] });
      b = await startTestApp({ databaseUrl: a.databaseUrl, clock: clocks[1] });
      world = await buildWorld(a);
      for (let i = 0; i < OFFERS; i += 1) {
        offerIds.push(
          await postOffer(a, world.member, world.organizationId, {
            title: `Offer ${i}`,
            capacity: 5,
          }),
        );
      }
      for (let i = 0; i < NEEDS; i += 1) {
        const countryCode = i % 2 === 0 ? 'HN' : 'GT';
        needIds.push(await postNeed(a, world.secretariat, { countryCode, title: `Need ${i}` }));
      }
      // The secretariat's proposals hold a need and a unit of capacity each.
      for (let i = 0; i < PROPOSALS; i += 1) {
        const proposal = await a.ok<{ proposeTwinning: { id: string } }>(
          PROPOSE_TWINNING,
          { input: { offerId: offerIds[i % OFFERS], needIds: [needIds[i]] } },
          { as: world.secretariat },
        );
        twinningIds.push(proposal.proposeTwinning.id);
      }
    });
    afterAll(async () => {
      await b.stop();
      await a.close();
    });

    it('expires each unanswered proposal once, releasing what it held once', async () => {
      const now = setClocks(31);
      // Both fire the scheduled job, and both also do the work directly, all at once.
      const [, , byA, byB] = await Promise.all([
        jobsOf(a).proposalJob(now),
        jobsOf(b).proposalJob(now),
        jobsOf(a).expireProposals(now),
        jobsOf(b).expireProposals(now),
      ]);
      expect(byA + byB).toBeLessThanOrEqual(PROPOSALS);
      expect(
        await count(
          `SELECT COUNT(*) AS "count" FROM "twinning_status_changes" WHERE "to" = 'EXPIRED'`,
        ),
      ).toBe(PROPOSALS);
      expect(
        await count(`SELECT COUNT(*) AS "count" FROM "twinnings" WHERE "status" = 'EXPIRED'`),
      ).toBe(PROPOSALS);
      expect(await count(`SELECT SUM("reservedCapacity") AS "count" FROM "offers"`)).toBe(0);
      expect(await count(`SELECT COUNT(*) AS "count" FROM "needs" WHERE "status" = 'OPEN'`)).toBe(
        NEEDS,
      );
      // Each party's focal point is told once per twinning: the member of all four, each
      // country of its two.
      const told = await a.sql<{ email: string; count: string | number }>(
        `SELECT "user"."email" AS "email", COUNT(*) AS "count" FROM "notifications" "notice"
         JOIN "users" "user" ON "user"."id" = "notice"."userId"
         WHERE "notice"."kind" = 'TWINNING_EXPIRED' GROUP BY "user"."email" ORDER BY "user"."email"`,
      );
      expect(told.map((row) => [row.email, Number(row.count)])).toEqual([
        ['focal@gt.test', 2],
        ['focal@hn.test', 2],
        ['member@irb.test', 4],
      ]);
      expect(
        await count(
          `SELECT COUNT(*) AS "count" FROM "outbox_mails" WHERE "kind" = 'TWINNING_EXPIRED'`,
        ),
      ).toBe(8);
    });

    it('warns of each posting once and expires each once, however many run it', async () => {
      const warnAt = setClocks(340);
      await Promise.all([
        jobsOf(a).postingJob(warnAt),
        jobsOf(b).postingJob(warnAt),
        jobsOf(a).expirePostings(warnAt),
        jobsOf(b).expirePostings(warnAt),
      ]);
      // Three needs each for Honduras and Guatemala; three offers for the member.
      const warned = await a.sql<{ email: string; count: string | number }>(
        `SELECT "user"."email" AS "email", COUNT(*) AS "count" FROM "notifications" "notice"
         JOIN "users" "user" ON "user"."id" = "notice"."userId"
         WHERE "notice"."kind" = 'POSTING_EXPIRING' GROUP BY "user"."email" ORDER BY "user"."email"`,
      );
      expect(warned.map((row) => [row.email, Number(row.count)])).toEqual([
        ['focal@gt.test', 3],
        ['focal@hn.test', 3],
        ['member@irb.test', 3],
      ]);
      expect(
        await count(
          `SELECT COUNT(*) AS "count" FROM "outbox_mails" WHERE "kind" = 'POSTING_EXPIRING'`,
        ),
      ).toBe(9);

      const expireAt = setClocks(366);
      const runs = await Promise.all([
        jobsOf(a).expirePostings(expireAt),
        jobsOf(b).expirePostings(expireAt),
      ]);
      expect(runs[0].expired + runs[1].expired).toBe(NEEDS + OFFERS);
      await Promise.all([jobsOf(a).postingJob(expireAt), jobsOf(b).postingJob(expireAt)]);
      expect(
        await count(`SELECT COUNT(*) AS "count" FROM "needs" WHERE "status" = 'EXPIRED'`),
      ).toBe(NEEDS);
      expect(
        await count(`SELECT COUNT(*) AS "count" FROM "offers" WHERE "status" = 'EXPIRED'`),
      ).toBe(OFFERS);
      expect(
        await count(
          `SELECT COUNT(*) AS "count" FROM "outbox_mails" WHERE "kind" = 'POSTING_EXPIRING'`,
        ),
      ).toBe(9);
    });
  },
);
