import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { inBackground } from '../database/background-work';
import { JobRun } from './job-run.entity';

/** What a job is told when it runs: when it last ran to the end (null: never), and now. */
export interface JobWindow {
  lastRunAt: Date | null;
  now: Date;
}

/**
 * Runs time-driven jobs (@Cron methods) once across every instance on the database: an
 * instance runs a job only if it takes the job's row in `job_runs` (`heldUntil` in the
 * future: held), so when several instances fire at the same minute one does the work.
 * A job records when it last ran to the end, which tells it what it missed while the
 * service was down (`JobWindow.lastRunAt`). A holder that dies keeps the job for `holdMs`
 * at most.
 *
 * Two clocks, on purpose:
 * - the hold (`heldUntil`, and whether it has lapsed) is measured by the DATABASE's clock,
 *   in the one statement that takes the row: instances' own clocks differ, and an instance
 *   whose clock runs ahead by more than `holdMs` would otherwise see another's live hold as
 *   lapsed and run the job beside it;
 * - the job's window (`now`, `lastRunAt`) is the instance's Clock, the service's time for
 *   everything it decides (expiry dates, due dates; the one tests move). Each item a job
 *   handles is settled once whoever runs it (conditional updates, once-keys), so a skew
 *   changes at most which run catches an item, never whether it is handled or how often.
 */
@Injectable()
export class ScheduledJobs {
  private readonly log = new Logger(ScheduledJobs.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs `work` if no other instance holds `name`; answers whether it ran. A failure is
   * logged and leaves `lastRunAt` as it was, so the next run covers the same ground.
   */
  runOnce(
    name: string,
    holdMs: number,
    work: (window: JobWindow) => Promise<void>,
    now = this.clock.now(),
  ): Promise<boolean> {
    return inBackground(() => this.takeAndRun(name, holdMs, work, now));
  }

  private async takeAndRun(
    name: string,
    holdMs: number,
    work: (window: JobWindow) => Promise<void>,
    now: Date,
  ): Promise<boolean> {
    const jobs = this.dataSource.getRepository(JobRun);
    await jobs
      .createQueryBuilder()
      .insert()
      .values({ name, lastRunAt: null, heldUntil: null })
      .orIgnore()
      .execute();
    const taken = await jobs
      .createQueryBuilder()
      .update()
      .set({ heldUntil: () => this.databaseNow(holdMs) })
      .where({ name })
      .andWhere(`("heldUntil" IS NULL OR "heldUntil" < ${this.databaseNow(0)})`)
      .execute();
    if (taken.affected !== 1) return false;
    const { lastRunAt } = await jobs.findOneByOrFail({ name });
    try {
      await work({ lastRunAt, now });
      await jobs.update({ name }, { lastRunAt: now, heldUntil: null });
      return true;
    } catch (error) {
      await jobs.update({ name }, { heldUntil: null });
      this.log.error({ err: error }, `The scheduled job ${name} failed; it runs again next time`);
      return false;
    }
  }

  /**
   * The database's clock plus `ms`, as SQL, in the form the engine stores `heldUntil` in
   * (SQLite: TypeORM's UTC text with milliseconds, which compares as text; PostgreSQL:
   * timestamptz). `ms` is a whole number the code gives, never a caller's text.
   */
  private databaseNow(ms: number): string {
    if (!Number.isSafeInteger(ms) || ms < 0) throw new Error(`Bad hold: ${ms} ms`);
    return this.dataSource.options.type === 'sqlite'
      ? `strftime('%Y-%m-%d %H:%M:%f', 'now', '+${ms / 1000} seconds')`
      : `(CURRENT_TIMESTAMP + INTERVAL '${ms} milliseconds')`;
  }

  /** When `name` last ran to the end (null: never). */
  async lastRunOf(name: string): Promise<Date | null> {
    const run = await this.dataSource.getRepository(JobRun).findOneBy({ name });
    return run?.lastRunAt ?? null;
  }
}
