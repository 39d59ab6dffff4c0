import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { Brackets, Repository } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { inBackground } from '../database/background-work';
import { ImportStatus } from './import-enums';
import { ImportJob } from './import-job.entity';
import { IMPORT_LEASE_MS, ImportRunner } from './import-runner';

/** Where queued import jobs wait for a worker. */
export abstract class ImportQueue {
  /** The job (committed, QUEUED) is to be run. */
  abstract enqueue(id: string): Promise<void>;
}

/**
 * The queue without Redis: the job table itself. This instance's worker claims one job at a
 * time, a QUEUED one or a RUNNING one whose lease ran out (its worker stopped or died), by
 * moving the lease forward in one conditional UPDATE, so two instances never run the same
 * job at once; the runner resumes it after its last committed batch.
 */
@Injectable()
export class DatabaseImportQueue
  extends ImportQueue
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly log = new Logger('Imports');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;

  constructor(
    private readonly clock: Clock,
    @InjectRepository(ImportJob) private readonly jobs: Repository<ImportJob>,
    private readonly runner: ImportRunner,
    private readonly pollMs: number,
  ) {
    super();
  }

  enqueue(): Promise<void> {
    this.soon();
    return Promise.resolve();
  }

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.soon();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.runner.stop();
    clearTimeout(this.timer);
    await this.running;
  }

  private soon(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.look(), 0);
  }

  private look(): void {
    this.running = inBackground(() => this.runClaimable())
      .catch((error: unknown) => this.log.error({ err: error }, 'Could not run import jobs'))
      .finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        const again = this.again;
        this.again = false;
        this.timer = setTimeout(() => this.look(), again ? 0 : this.pollMs);
      });
  }

  /** Runs claimable jobs, oldest first, until none is left. */
  private async runClaimable(): Promise<void> {
    while (!this.stopped) {
      const id = await this.claim();
      if (!id) return;
      await this.runner.run(id);
    }
  }

  private claimable(now: Date) {
    return new Brackets((where) =>
      where
        .where('job.status = :queued', { queued: ImportStatus.QUEUED })
        .orWhere('(job.status = :running AND job.leaseUntil < :now)', {
          running: ImportStatus.RUNNING,
          now,
        }),
    );
  }

  private async claim(): Promise<string | undefined> {
    const now = this.clock.now();
    const candidate = await this.jobs
      .createQueryBuilder('job')
      .select('job.id', 'id')
      .where(this.claimable(now))
      .orderBy('job.createdAt', 'ASC')
      .limit(1)
      .getRawOne<{ id: string }>();
    if (!candidate) return undefined;
    const claimed = await this.jobs
      .createQueryBuilder()
      .update(ImportJob)
      .set({ status: ImportStatus.RUNNING, leaseUntil: new Date(now.getTime() + IMPORT_LEASE_MS) })
      .where('id = :id', { id: candidate.id })
      .andWhere(
        new Brackets((where) =>
          where
            .where('status = :queued', { queued: ImportStatus.QUEUED })
            .orWhere('(status = :running AND "leaseUntil" < :now)', {
              running: ImportStatus.RUNNING,
              now,
            }),
        ),
      )
      .execute();
    // Another instance claimed it first: look again.
    return claimed.affected === 1 ? candidate.id : this.claim();
  }
}

/**
 * The queue with Redis (BullMQ): a job's id is its BullMQ job id, so queueing it twice
 * queues it once. BullMQ hands a job whose worker died (its lock expired) to another
 * worker; the runner resumes it after its last committed batch. At start-up the jobs the
 * table holds as QUEUED or RUNNING are queued again, in case the queueing was lost.
 */
/** How long closing the queue may wait on a reachable Redis. */
const CLOSE_TIMEOUT_MS = 5_000;

@Injectable()
export class BullImportQueue
  extends ImportQueue
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly log = new Logger('Imports');
  private readonly queue: Queue;
  private worker?: Worker;
  private readonly connections: Redis[] = [];

  constructor(
    @InjectRepository(ImportJob) private readonly jobs: Repository<ImportJob>,
    private readonly runner: ImportRunner,
    private readonly redisUrl: string,
    private readonly prefix: string,
  ) {
    super();
    this.queue = new Queue('imports', { connection: this.connect(), prefix: this.prefix });
    // Without a listener, BullMQ writes a lost connection's errors to the console.
    this.queue.on('error', (error) => this.log.warn(`Import queue: ${error.message}`));
  }

  /** BullMQ's connections block on commands: no per-command timeout or retry limit. */
  private connect(): Redis {
    const connection = new Redis(this.redisUrl, { maxRetriesPerRequest: null });
    connection.on('error', (error: Error) => this.log.warn(`Redis (imports): ${error.message}`));
    this.connections.push(connection);
    return connection;
  }

  async enqueue(id: string): Promise<void> {
    await this.queue.add(
      'import',
      { id },
      { jobId: id, removeOnComplete: true, removeOnFail: 100 },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker<{ id: string }>(
      'imports',
      (job) => inBackground(() => this.runner.run(job.data.id)),
      { connection: this.connect(), prefix: this.prefix, concurrency: 1 },
    );
    this.worker.on('error', (error) => this.log.warn(`Import worker: ${error.message}`));
    const unfinished = await this.jobs.find({
      select: { id: true },
      where: [{ status: ImportStatus.QUEUED }, { status: ImportStatus.RUNNING }],
    });
    for (const job of unfinished) await this.enqueue(job.id);
  }

  /**
   * Closes the worker (it finishes its batch: the runner stops between batches) and the
   * queue. With Redis gone or silent, BullMQ's close waits on commands that never end, so
   * it is given CLOSE_TIMEOUT_MS when Redis is up and none when it is not; then the
   * connections are dropped either way. An unfinished job is resumed at the next start.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.runner.stop();
    const reachable = this.connections.every((connection) => connection.status === 'ready');
    const closing = (async () => {
      await this.worker?.close();
      await this.queue.close();
      await Promise.all(this.connections.map((connection) => connection.quit()));
    })().catch((error: Error) => this.log.warn(`Closing the import queue: ${error.message}`));
    if (reachable) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        closing,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS))),
      ]);
      clearTimeout(timer);
    }
    for (const connection of this.connections) connection.disconnect();
  }
}
