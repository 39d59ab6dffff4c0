import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import nodemailer, { type NodemailerError, type Transporter } from 'nodemailer';
import { isPermanentResponseCode } from 'nodemailer/lib/errors.js';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import { Environment } from '../config/environment';
import { inBackground } from '../database/background-work';
import { TransactionRunner } from '../database/transaction-runner';
import { MailOutbox } from './mail-outbox';
import { OutboxMail, OutboxStatus } from './outbox-mail.entity';

/** How many e-mails one look at the outbox takes at most. */
const BATCH = 20;
/** The longest wait between two attempts of one e-mail. */
const LONGEST_RETRY_MS = 60 * 60 * 1000;

/** The wait before attempt `attempts + 1`: `first`, doubled at each attempt, at most an hour. */
export function retryDelay(attempts: number, first: number): number {
  return Math.min(first * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/**
 * Whether the mail server refused the e-mail for good (a 5yz reply other than 503), so
 * trying again would only be refused again. Everything else (no connection, a timeout, a
 * 4yz reply) is worth another attempt.
 */
function refusedForGood(error: unknown): boolean {
  const code = (error as NodemailerError | undefined)?.responseCode;
  return typeof code === 'number' && isPermanentResponseCode(code);
}

function describeError(error: unknown): string {
  const failure = error as NodemailerError | undefined;
  const text = failure?.response ?? failure?.message ?? String(error);
  return `${failure?.code ? `${failure.code}: ` : ''}${text}`.slice(0, 500);
}

/**
 * Delivers the outbox. Each look claims the due e-mails (PENDING, next attempt due, not held
 * by a live claim) by setting `claimedUntil`, a new `claimToken` and counting an attempt, in
 * one transaction; on PostgreSQL with FOR UPDATE SKIP LOCKED, so instances looking at once
 * take different rows. Then it sends each and marks it SENT, or sets its next attempt
 * (backing off), or FAILED after MAIL_MAX_ATTEMPTS or a permanent refusal.
 *
 * Exactly once: a claim lasts MAIL_SEND_TIMEOUT_MS, and no other worker takes an e-mail
 * while it holds. The e-mails of one claim are sent one after another, so before each send
 * the worker checks that the claim still has time for a whole send (half the claim) and for
 * recording its outcome (a quarter); otherwise it releases the e-mail unsent, for the next
 * look of any worker. A send is cancelled before the claim ends. An outcome is recorded only
 * while the e-mail carries the worker's own claim token, never over a claim another worker
 * took; a worker that finds its claim gone says so in the log and counts it (`lostClaims`).
 * A process killed mid-send leaves its claim, which lapses: the e-mail is sent again then.
 * The one window left is between the server's acceptance and the SENT mark (a few
 * milliseconds); every attempt of one e-mail carries the same Message-ID, by which
 * receivers recognise a repeat.
 *
 * Without SMTP_URL the e-mails go to the log (development and test).
 */
@Injectable()
export class MailDelivery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Mail');
  private readonly transport: Transporter;
  private readonly toLog: boolean;
  private readonly from: string;
  private readonly messageIdDomain: string;
  private readonly pollMs: number;
  private readonly firstRetryMs: number;
  private readonly maxAttempts: number;
  private readonly claimMs: number;
  /** The longest one send may take: half a claim. */
  private readonly sendMs: number;
  /** What a claim keeps after a send, to record its outcome: a quarter of it. */
  private readonly reserveMs: number;
  private lost = 0;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    outbox: MailOutbox,
    config: ConfigService<Environment, true>,
  ) {
    const smtpUrl = config.get('SMTP_URL', { infer: true });
    this.from = config.get('MAIL_FROM', { infer: true });
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(this.from)?.[1] ?? 'localhost';
    this.pollMs = config.get('MAIL_POLL_MS', { infer: true });
    this.firstRetryMs = config.get('MAIL_RETRY_MS', { infer: true });
    this.maxAttempts = config.get('MAIL_MAX_ATTEMPTS', { infer: true });
    this.claimMs = config.get('MAIL_SEND_TIMEOUT_MS', { infer: true });
    this.sendMs = Math.floor(this.claimMs / 2);
    this.reserveMs = Math.floor(this.claimMs / 4);
    this.toLog = !smtpUrl;
    const wait = Math.max(1000, Math.floor(this.claimMs / 4));
    this.transport = smtpUrl
      ? nodemailer.createTransport({
          url: smtpUrl,
          connectionTimeout: wait,
          greetingTimeout: wait,
          socketTimeout: wait,
        })
      : nodemailer.createTransport({ jsonTransport: true });
    outbox.onEnqueued(() => this.soon());
  }

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.soon();
  }

  /**
   * Stops looking, and waits for the e-mails being sent now: before the application's
   * shutdown hooks, as the database closes in one of them and a sent e-mail must be marked.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }

  /** Looks at the outbox now, or right after the look under way. */
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
    this.running = inBackground(() => this.deliverDue())
      .catch((error: unknown) => this.log.error({ err: error }, 'Could not read the outbox'))
      .finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        const again = this.again;
        this.again = false;
        this.timer = setTimeout(() => this.look(), again ? 0 : this.pollMs);
      });
  }

  /**
   * How many times this worker found, when recording an e-mail's outcome, that its claim had
   * lapsed and another worker had taken the e-mail (for the metrics; 0 while all is well).
   */
  get lostClaims(): number {
    return this.lost;
  }

  /** Sends every due e-mail, a batch at a time; answers when none is left due. */
  async deliverDue(): Promise<void> {
    for (;;) {
      const claimed = await this.claimDue(new Date());
      let sent = 0;
      let released = 0;
      for (const mail of claimed) {
        if (await this.deliver(mail)) sent += 1;
        else released += 1;
      }
      if (this.stopped) return;
      // A full batch may have more behind it; released ones are due again now. Without any
      // attempt made in this batch (a very slow database) the next look waits for the poll.
      if (claimed.length < BATCH && !(released > 0 && sent > 0)) return;
    }
  }

  private claimDue(now: Date): Promise<OutboxMail[]> {
    return this.transactions.run(async (manager) => {
      const due = manager
        .createQueryBuilder(OutboxMail, 'mail')
        .where('mail.status = :pending', { pending: OutboxStatus.PENDING })
        .andWhere('mail.nextAttemptAt <= :now', { now })
        .andWhere('(mail.claimedUntil IS NULL OR mail.claimedUntil < :now)', { now })
        .orderBy('mail.nextAttemptAt', 'ASC')
        .addOrderBy('mail.id', 'ASC')
        .limit(BATCH);
      if (manager.connection.options.type !== 'sqlite') {
        due.setLock('pessimistic_write').setOnLocked('skip_locked');
      }
      const mails = await due.getMany();
      if (mails.length === 0) return [];
      const claimedUntil = new Date(now.getTime() + this.claimMs);
      const claimToken = randomUUID();
      await manager
        .createQueryBuilder()
        .update(OutboxMail)
        .set({ claimedUntil, claimToken, attempts: () => '"attempts" + 1' })
        .whereInIds(mails.map((mail) => mail.id))
        .execute();
      return mails.map((mail) =>
        Object.assign(mail, { claimedUntil, claimToken, attempts: mail.attempts + 1 }),
      );
    });
  }

  /**
   * Sends one claimed e-mail and records the outcome; answers false when the claim had no
   * longer time for a whole send and the e-mail was released unsent.
   */
  private async deliver(mail: OutboxMail): Promise<boolean> {
    // Time to send and still record the outcome before the claim lapses.
    const left = (mail.claimedUntil?.getTime() ?? 0) - this.reserveMs - Date.now();
    if (left < this.sendMs) {
      await this.release(mail);
      return false;
    }
    try {
      await this.transport.sendMail({
        from: this.from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.id}@${this.messageIdDomain}>`,
        // Given up well before the claim lapses: nobody else may take it while it is sent.
        signal: AbortSignal.timeout(Math.min(this.sendMs, left)),
      });
    } catch (error) {
      await this.recordFailure(mail, error);
      return true;
    }
    // Sent: from here on nothing may count as a failed attempt, or the e-mail would go twice.
    await this.recordSent(mail);
    if (this.toLog) {
      this.log.log(
        { mail: { to: mail.recipient, kind: mail.kind, subject: mail.subject, text: mail.text } },
        `E-mail (not sent: SMTP_URL is unset) to ${mail.recipient}: ${mail.subject}`,
      );
    } else {
      this.log.log(`E-mail ${mail.kind} ${mail.id} sent to the mail server`);
    }
    return true;
  }

  /** Gives a claimed e-mail back unsent: due as before, and the claim's attempt uncounted. */
  private async release(mail: OutboxMail): Promise<void> {
    const own = await this.finish(mail, { attempts: () => '"attempts" - 1' });
    // Unsent either way: another worker holding it by now does no harm.
    if (!own) this.claimLost(mail, 'was released unsent', 'warn');
  }

  /**
   * Marks a sent e-mail SENT. The database may refuse for a moment (a busy SQLite file, a
   * PostgreSQL fail-over): the mark is tried again while the claim holds, never the sending.
   */
  private async recordSent(mail: OutboxMail): Promise<void> {
    const until = (mail.claimedUntil?.getTime() ?? Date.now()) - 100;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const own = await this.finish(mail, {
          status: OutboxStatus.SENT,
          sentAt: new Date(),
          lastError: null,
        });
        if (!own) this.claimLost(mail, 'was sent: it may be sent twice');
        return;
      } catch (error) {
        if (this.stopped || Date.now() + 50 * attempt >= until) {
          this.log.error(
            { err: error },
            `E-mail ${mail.kind} ${mail.id} was sent but could not be marked so: it may be sent again`,
          );
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }

  private async recordFailure(mail: OutboxMail, error: unknown): Promise<void> {
    const lastError = describeError(error);
    if (refusedForGood(error) || mail.attempts >= this.maxAttempts) {
      if (!(await this.finish(mail, { status: OutboxStatus.FAILED, lastError }))) {
        this.claimLost(mail, `failed (${lastError})`);
        return;
      }
      this.log.error(
        `E-mail ${mail.kind} ${mail.id} to ${mail.recipient} given up after ${mail.attempts} attempts: ${lastError}`,
      );
      return;
    }
    const delay = retryDelay(mail.attempts, this.firstRetryMs);
    if (!(await this.finish(mail, { nextAttemptAt: new Date(Date.now() + delay), lastError }))) {
      this.claimLost(mail, `failed (${lastError})`);
      return;
    }
    this.log.warn(
      `E-mail ${mail.kind} ${mail.id} not delivered (attempt ${mail.attempts}): ${lastError}; next attempt in ${Math.round(delay / 1000)} s`,
    );
  }

  /**
   * Records the attempt's outcome and releases the claim, if the e-mail still carries this
   * worker's claim; answers whether it did (false: the claim lapsed and another worker took
   * the e-mail, whose outcome is that worker's to record).
   */
  private finish(mail: OutboxMail, outcome: QueryDeepPartialEntity<OutboxMail>): Promise<boolean> {
    return this.transactions.run(async (manager: EntityManager) => {
      const result = await manager.update(
        OutboxMail,
        { id: mail.id, claimToken: mail.claimToken ?? '' },
        { ...outcome, claimedUntil: null, claimToken: null },
      );
      return result.affected === 1;
    });
  }

  private claimLost(mail: OutboxMail, what: string, level: 'warn' | 'error' = 'error'): void {
    this.lost += 1;
    this.log[level](
      `E-mail ${mail.kind} ${mail.id} ${what}, but its claim had lapsed and another worker holds it`,
    );
  }

  /** For the metrics and tests: how many e-mails are in each state. */
  async countByStatus(): Promise<Record<OutboxStatus, number>> {
    const rows = await this.dataSource
      .createQueryBuilder(OutboxMail, 'mail')
      .select('mail.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('mail.status')
      .getRawMany<{ status: OutboxStatus; count: string | number }>();
    const counts = { PENDING: 0, SENT: 0, FAILED: 0 };
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }
}
