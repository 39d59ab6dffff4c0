import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { DataSource, EntityManager } from 'typeorm';
import type { TransactionRunner } from '../database/transaction-runner';
import { MailDelivery, retryDelay } from './mail-delivery';
import type { MailOutbox } from './mail-outbox';
import { OutboxMail, OutboxStatus } from './outbox-mail.entity';

/** What `finish` wrote, one entry per attempt to write it. */
type Write = Partial<OutboxMail>;

function delivery(options: { failWrites: number; send: () => Promise<unknown> }) {
  const writes: Write[] = [];
  let failuresLeft = options.failWrites;
  const manager = {
    update: (_entity: unknown, _where: unknown, values: Write) => {
      writes.push(values);
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        return Promise.reject(new Error('SQLITE_BUSY: database is locked'));
      }
      return Promise.resolve();
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
    transport: { sendMail: () => Promise<unknown> };
    deliver: (mail: OutboxMail) => Promise<void>;
    stopped: boolean;
  };
  // Running, as after the application's start (without its polling).
  internals.stopped = false;
  let sends = 0;
  internals.transport.sendMail = () => {
    sends += 1;
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
    claimedUntil: new Date(Date.now() + 60_000),
  });
  return { deliver: () => internals.deliver(mail), writes, sends: () => sends };
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
    expect(write.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(before + 1000);
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
      { status: OutboxStatus.FAILED, lastError: '550 No such mailbox here', claimedUntil: null },
    ]);
  });

  it('backs off by doubling up to an hour', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelay(attempts, 1000))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect(retryDelay(30, 1000)).toBe(60 * 60 * 1000);
  });
});
