import { ManualClock } from '../../src/common/clock/clock';
import { JobWindow, ScheduledJobs } from '../../src/scheduling/scheduled-jobs';
import { buildWorld, PROPOSE_TWINNING, postNeed, postOffer, World } from '../support/builders';
import { startTestApp, TEST_ENGINE, TestApp } from '../support/test-app';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** A job's work that counts its runs and holds the job until `release()`. */
function gatedWork() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const windows: JobWindow[] = [];
  return {
    windows,
    release,
    work: async (window: JobWindow) => {
      windows.push(window);
      await gate;
    },
  };
}

/**
 * The lock of ScheduledJobs (`job_runs`): of calls that overlap, exactly one runs the job,
 * and the hold is measured by the database's clock, so instances whose clocks differ agree
 * on it. On PostgreSQL the other caller is a second instance on the same database, with a
 * clock of its own; SQLite serves one instance, so there the other caller is the same
 * instance told another time (`runOnce`'s `now`, the window an instance's own clock gives).
 */
describe('scheduled jobs: one run across instances, held by the database clock', () => {
  let a: TestApp;
  let b: TestApp | undefined;
  let start: Date;
  /** The other instance's clock: a day ahead of the first one's. */
  let ahead: ManualClock;
  let serial = 0;

  beforeAll(async () => {
    start = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    a = await startTestApp({ clock: new ManualClock(start) });
    ahead = new ManualClock(new Date(start.getTime() + DAY));
    if (TEST_ENGINE === 'postgres') {
      b = await startTestApp({ databaseUrl: a.databaseUrl, clock: ahead });
    }
  });
  afterAll(async () => {
    await b?.stop();
    await a.close();
  });

  function jobName(): string {
    serial += 1;
    return `test-job-${serial}`;
  }

  const first = () => a.app.get(ScheduledJobs);
  /** A call from the other instance: its own clock, a day ahead. */
  function fromTheOther(name: string, holdMs: number, work: (w: JobWindow) => Promise<void>) {
    return b
      ? b.app.get(ScheduledJobs).runOnce(name, holdMs, work)
      : first().runOnce(name, holdMs, work, ahead.now());
  }

  /** Sets the job's hold to the database's clock plus `seconds` (negative: lapsed). */
  async function holdFor(name: string, seconds: number): Promise<void> {
    const until =
      a.engine === 'sqlite'
        ? `strftime('%Y-%m-%d %H:%M:%f', 'now', '${seconds} seconds')`
        : `(CURRENT_TIMESTAMP + INTERVAL '${seconds} seconds')`;
    await a.sql(`UPDATE "job_runs" SET "heldUntil" = ${until} WHERE "name" = :name`, { name });
  }

  it('of several overlapping calls, from both instances, exactly one runs the job', async () => {
    const name = jobName();
    const { work, windows, release } = gatedWork();
    const calls = [
      first().runOnce(name, HOUR, work),
      fromTheOther(name, HOUR, work),
      first().runOnce(name, HOUR, work),
      fromTheOther(name, HOUR, work),
      first().runOnce(name, HOUR, work),
    ];
    // The one that runs waits at the gate: the others answer first, without running.
    let answered = 0;
    for (const call of calls) void call.then(() => (answered += 1));
    for (let waits = 0; answered < calls.length - 1 || windows.length === 0; waits += 1) {
      if (waits === 1000) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(windows).toHaveLength(1);
    expect(answered).toBe(calls.length - 1);
    release();
    const answers = await Promise.all(calls);
    expect(answers.filter((ran) => ran)).toHaveLength(1);
    expect(answers.filter((ran) => !ran)).toHaveLength(calls.length - 1);
    expect(windows).toHaveLength(1);
    // Held no more: the next call runs it, told when it last ran.
    const next = gatedWork();
    next.release();
    expect(await first().runOnce(name, HOUR, next.work)).toBe(true);
    expect(next.windows).toHaveLength(1);
    expect(next.windows[0].lastRunAt).toEqual(windows[0].now);
  });

  it('a live hold stands for an instance whose clock runs a day ahead', async () => {
    const name = jobName();
    const holder = gatedWork();
    const holding = first().runOnce(name, HOUR, holder.work);
    while (holder.windows.length === 0) await new Promise((resolve) => setImmediate(resolve));
    // The hold ends an hour after it was taken by the database's clock; the other
    // instance's clock is a day past that, and still it may not run the job.
    const other = gatedWork();
    other.release();
    expect(await fromTheOther(name, HOUR, other.work)).toBe(false);
    expect(other.windows).toEqual([]);
    holder.release();
    expect(await holding).toBe(true);
    expect(holder.windows).toEqual([{ lastRunAt: null, now: start }]);

    // Released, it runs there, in that instance's window.
    expect(await fromTheOther(name, HOUR, other.work)).toBe(true);
    expect(other.windows).toEqual([{ lastRunAt: start, now: ahead.now() }]);
  });

  it('a holder that died keeps the job until its hold lapses by the database clock, whatever the instances’ clocks say', async () => {
    const name = jobName();
    const done = gatedWork();
    done.release();
    expect(await first().runOnce(name, HOUR, done.work)).toBe(true);

    // A holder took it and died: its hold has an hour to go. A day ahead or a year
    // behind, no instance runs the job.
    await holdFor(name, 3600);
    expect(await fromTheOther(name, HOUR, done.work)).toBe(false);
    expect(
      await first().runOnce(name, HOUR, done.work, new Date(start.getTime() - 365 * DAY)),
    ).toBe(false);
    expect(done.windows).toHaveLength(1);

    // The hold lapsed a second ago: the instance a year behind takes it.
    await holdFor(name, -1);
    const behind = new Date(start.getTime() - 365 * DAY);
    expect(await first().runOnce(name, HOUR, done.work, behind)).toBe(true);
    expect(done.windows.at(-1)).toEqual({ lastRunAt: start, now: behind });
    const [row] = await a.sql<{ heldUntil: unknown }>(
      `SELECT "heldUntil" FROM "job_runs" WHERE "name" = :name`,
      { name },
    );
    expect(row.heldUntil).toBeNull();
  });

  it('a job that fails lets go of its hold and keeps its last run', async () => {
    const name = jobName();
    expect(
      await first().runOnce(name, HOUR, () => Promise.reject(new Error('broken')), start),
    ).toBe(false);
    const next = gatedWork();
    next.release();
    expect(await fromTheOther(name, HOUR, next.work)).toBe(true);
    expect(next.windows).toEqual([{ lastRunAt: null, now: ahead.now() }]);
  });
});

/**
 * Catching up after downtime: an instance stops while postings and proposals fall due;
 * the next one started on the same database expires them at start-up, with no job called
 * by the test.
 */
describe('scheduled jobs: the expiry catch-up at start-up', () => {
  let first: TestApp;
  let second: TestApp | undefined;
  let world: World;
  let start: Date;

  beforeAll(async () => {
    start = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    first = await startTestApp({ clock: new ManualClock(start) });
    world = await buildWorld(first);
  });
  afterAll(async () => {
    await second?.stop();
    await first.close();
  });

  /** Waits until both expiry jobs have run to the end at `at` (the start-up run). */
  async function untilCaughtUp(app: TestApp, at: Date): Promise<void> {
    const jobs = app.app.get(ScheduledJobs);
    for (let tries = 0; tries < 1000; tries += 1) {
      const runs = await Promise.all(
        ['posting-expiry', 'proposal-expiry'].map((name) => jobs.lastRunOf(name)),
      );
      if (runs.every((run) => run?.getTime() === at.getTime())) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('The expiry jobs did not catch up at start-up');
  }

  it('expires what fell due while no instance ran, at the next start-up', async () => {
    const clock = first.clock as ManualClock;
    // Posted on day 0: valid until day 365.
    const oldNeed = await postNeed(first, world.honduras, { title: 'Posted long ago' });
    const oldOffer = await postOffer(first, world.member, world.organizationId, {
      title: 'Offered long ago',
    });
    // On day 340, the secretariat's proposal, which holds the need and a unit of the
    // offer's capacity, and which no party answers (it expires on day 370), of a need and
    // an offer posted that day (valid until day 705).
    const proposedAt = new Date(start.getTime() + 340 * DAY);
    clock.set(proposedAt);
    const need = await postNeed(first, world.honduras, { title: 'Proposed for' });
    const offerId = await postOffer(first, world.member, world.organizationId, {
      title: 'Proposed',
      capacity: 1,
    });
    const proposal = await first.ok<{ proposeTwinning: { id: string } }>(
      PROPOSE_TWINNING,
      { input: { offerId, needIds: [need] } },
      { as: world.secretariat },
    );
    const twinningId = proposal.proposeTwinning.id;

    const read = async (app: TestApp) => {
      const data = await app.ok<{
        old: { status: string };
        oldOffer: { status: string };
        need: { status: string };
        offer: { status: string; remainingCapacity: number };
        twinning: { status: string };
      }>(
        `query ($old: ID!, $oldOffer: ID!, $need: ID!, $offer: ID!, $twinning: ID!) {
          old: need(id: $old) { status }
          oldOffer: offer(id: $oldOffer) { status }
          need(id: $need) { status }
          offer(id: $offer) { status remainingCapacity }
          twinning(id: $twinning) { status }
        }`,
        { old: oldNeed, oldOffer, need, offer: offerId, twinning: twinningId },
        { as: world.secretariat },
      );
      return data;
    };
    expect(await read(first)).toEqual({
      old: { status: 'OPEN' },
      oldOffer: { status: 'OPEN' },
      need: { status: 'IN_TWINNING' },
      offer: { status: 'FULL', remainingCapacity: 0 },
      twinning: { status: 'PROPOSED' },
    });
    await first.stop();

    // Down until day 371: both fell due meanwhile. The next instance starts then.
    const restartedAt = new Date(start.getTime() + 371 * DAY);
    second = await startTestApp({
      databaseUrl: first.databaseUrl,
      clock: new ManualClock(restartedAt),
    });
    await untilCaughtUp(second, restartedAt);
    expect(await read(second)).toEqual({
      old: { status: 'EXPIRED' },
      oldOffer: { status: 'EXPIRED' },
      need: { status: 'OPEN' },
      offer: { status: 'OPEN', remainingCapacity: 1 },
      twinning: { status: 'EXPIRED' },
    });
    const history = await second.sql<{ to: string }>(
      `SELECT "to" FROM "twinning_status_changes" WHERE "twinningId" = :id ORDER BY "sequence"`,
      { id: twinningId },
    );
    expect(history.map((change) => change.to)).toEqual(['PROPOSED', 'EXPIRED']);
  });
});
