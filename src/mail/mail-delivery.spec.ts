import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { DataSource, EntityManager } from 'typeorm';
import type { TransactionRunner } from '../database/transaction-runner';
import { MailDelivery, retryDelay } from './mail-delivery';
import type { MailOutbox } from './mail-outbox';
import { OutboxMail, OutboxStatus } from './outbox-mail.entity';

/** What `finish` wrote, one entry per attempt to write it. */
type Write = Partial<Record<keyof OutboxMail, unknown>>;

const OWN_CLAIM = '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f';

function delivery(options: {
  failWrites: number;
  send: () => Promise<unknown>;
  /** How long the mail's claim has left (default a full minute, all of it). */
  claimLeftMs?: number;
  /** The claim token the outbox row carries now (default: this worker's own). */
  rowToken?: string;
}) {
  const writes: Write[] = [];
  const wheres: unknown[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  let failuresLeft = options.failWrites;
  const rowToken = options.rowToken ?? OWN_CLAIM;
  const manager = {
    update: (_entity: unknown, where: { id: string; claimToken: string }, values: Write) => {
      writes.push(values);
      wheres.push(where);
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        return Promise.reject(new Error('SQLITE_BUSY: database is locked'));
      }
      return Promise.resolve({ affected: where.claimToken === rowToken ? 1 : 0 });
    },
  } as unknown as EntityManager;
  const transactions = {
    run: <T>(work: (m: EntityManager) => Promise<T>) => work(manager),
  } as unknown as TransactionRunner;
  const settings: Record<string, unknown> = {
    SMTP_URL: undefined,
    MAIL_FROM: 'MIRPS <noreply@mirps.example>',
    MAIL_POLL_MS: 1000,
    MAIL_RETRY_MS: 1000,
    MAIL_MAX_ATTEMPTS: 5,
    MAIL_SEND_TIMEOUT_MS: 60_000,
  };
  const config = { get: (key: string) => settings[key] } as unknown as ConfigService;
  const outbox = { onEnqueued: () => undefined } as unknown as MailOutbox;
  const subject = new MailDelivery({} as DataSource, transactions, outbox, config as never);
  const internals = subject as unknown as {
    transport: { sendMail: (message: { signal?: AbortSignal }) => Promise<unknown> };
    deliver: (mail: OutboxMail) => Promise<boolean>;
    stopped: boolean;
  };
  // Running, as after the application's start (without its polling).
  internals.stopped = false;
  let sends = 0;
  internals.transport.sendMail = (message) => {
    sends += 1;
    signals.push(message.signal);
    return options.send();
  };
  const mail = Object.assign(new OutboxMail(), {
    id: 'a1b2c3',
    kind: 'TWINNING_PROPOSED',
    recipient: 'ana@example.org',
    subject: 'Propuesta',
    text: 'texto',
    html: '<p>texto</p>',
    attempts: 1,
    claimedUntil: new Date(Date.now() + (options.claimLeftMs ?? 60_000)),
    claimToken: OWN_CLAIM,
  });
  return {
    deliver: () => internals.deliver(mail),
    writes,
    wheres,
    signals,
    sends: () => sends,
    lostClaims: () => subject.lostClaims,
  };
}

describe('MailDelivery', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('marks a sent e-mail SENT again when the database refuses the mark, and never sends it twice', async () => {
    const subject = delivery({ failWrites: 2, send: () => Promise.resolve({}) });
    await subject.deliver();
    expect(subject.sends()).toBe(1);
    expect(subject.writes.map((write) => write.status)).toEqual([
      OutboxStatus.SENT,
      OutboxStatus.SENT,
      OutboxStatus.SENT,
    ]);
    expect(subject.writes.every((write) => write.claimedUntil === null)).toBe(true);
    expect(subject.writes.every((write) => write.claimToken === null)).toBe(true);
    expect(subject.wheres).toEqual(Array(3).fill({ id: 'a1b2c3', claimToken: OWN_CLAIM }));
    expect(subject.lostClaims()).toBe(0);
  });

  it('releases an e-mail unsent, its attempt uncounted, when its claim has no time left for a whole send', async () => {
    // A claim of 60 s: a send may take 30 s and recording it 15 s; 44 s are left.
    const subject = delivery({
      failWrites: 0,
      claimLeftMs: 44_000,
      send: () => Promise.resolve({}),
    });
    expect(await subject.deliver()).toBe(false);
    expect(subject.sends()).toBe(0);
    expect(subject.writes).toHaveLength(1);
    const [write] = subject.writes;
    expect(write.claimedUntil).toBeNull();
    expect(write.claimToken).toBeNull();
    expect(write.status).toBeUndefined();
    expect((write.attempts as () => string)()).toBe('"attempts" - 1');
    expect(subject.wheres).toEqual([{ id: 'a1b2c3', claimToken: OWN_CLAIM }]);
  });

  it('sends while the claim has time for a whole send and its record, and cancels the send before the claim ends', async () => {
    const subject = delivery({
      failWrites: 0,
      claimLeftMs: 46_000,
      send: () => Promise.resolve({}),
    });
    expect(await subject.deliver()).toBe(true);
    expect(subject.sends()).toBe(1);
    expect(subject.signals[0]).toBeInstanceOf(AbortSignal);
    expect(subject.writes.map((write) => write.status)).toEqual([OutboxStatus.SENT]);
  });

  it('records nothing over a claim another worker took, and counts the lost claim', async () => {
    const subject = delivery({
      failWrites: 0,
      rowToken: '0b7e9d2c-1a3f-4e5d-8c6b-7a9f0e1d2c3b',
      send: () => Promise.resolve({}),
    });
    await subject.deliver();
    expect(subject.sends()).toBe(1);
    // Tried once, refused by the condition on the own claim, and not tried again.
    expect(subject.writes.map((write) => write.status)).toEqual([OutboxStatus.SENT]);
    expect(subject.wheres).toEqual([{ id: 'a1b2c3', claimToken: OWN_CLAIM }]);
    expect(subject.lostClaims()).toBe(1);
  });

  it('counts a refused send as a failed attempt and sets the next one', async () => {
    const subject = delivery({
      failWrites: 0,
      send: () => Promise.reject(Object.assign(new Error('try later'), { responseCode: 451 })),
    });
    const before = Date.now();
    await subject.deliver();
    expect(subject.sends()).toBe(1);
    expect(subject.writes).toHaveLength(1);
    const [write] = subject.writes;
    expect(write.status).toBeUndefined();
    expect(write.lastError).toBe('try later');
    expect((write.nextAttemptAt as Date).getTime()).toBeGreaterThanOrEqual(before + 1000);
  });

  it('gives up for good on a permanent refusal', async () => {
    const subject = delivery({
      failWrites: 0,
      send: () =>
        Promise.reject(
          Object.assign(new Error('550 no such mailbox'), {
            responseCode: 550,
            response: '550 No such mailbox here',
          }),
        ),
    });
    await subject.deliver();
    expect(subject.writes).toEqual([
      {
        status: OutboxStatus.FAILED,
        lastError: '550 No such mailbox here',
        claimedUntil: null,
        claimToken: null,
      },
    ]);
  });

  it('backs off by doubling up to an hour', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelay(attempts, 1000))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect(retryDelay(30, 1000)).toBe(60 * 60 * 1000);
  });
});
