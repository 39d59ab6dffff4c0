import { simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** An e-mail the sink accepted, parsed. */
export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** The Content-Language or `lang` of the HTML part, when given. */
  htmlLang: string | null;
}

export interface MailSinkOptions {
  /** Answer each message only after this promise settles (to kill a sender mid-send). */
  holdData?: () => Promise<void>;
  /** Called when a message's data has arrived, before it is answered. */
  onData?: () => void;
  /** Recipients refused for good (550), as a server refuses an unknown mailbox. */
  refuseRecipient?: (address: string) => boolean;
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) for end-to-end tests: it
 * accepts every message without authentication and keeps it, parsed. `stop()` and
 * `start()` take it down and up on the same port, as a mail server that goes away.
 */
export interface MailSink {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Waits for a message that passes `predicate`, and answers the first such. */
  waitForMail(
    predicate?: (mail: ReceivedMail) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedMail>;
  /** Waits until `count` messages pass `filter` (default: any), then answers them. */
  waitForCount(
    count: number,
    filter?: (mail: ReceivedMail) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedMail[]>;
  /** Resolves when the server next sees a client connection close. */
  nextClose(): Promise<void>;
  /** Messages for one address. */
  to(address: string): ReceivedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startMailSink(options: MailSinkOptions = {}, port = 0): Promise<MailSink> {
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  /** Sessions whose client went away: a message not yet answered there was never accepted. */
  const closed = new Set<string>();
  const closeWaiters: (() => void)[] = [];
  let server: SMTPServer | undefined;

  const makeServer = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (options.refuseRecipient?.(address.address)) {
          const refusal = Object.assign(new Error('No such mailbox here'), { responseCode: 550 });
          return callback(refusal);
        }
        callback();
      },
      onClose(session) {
        closed.add(session.id);
        for (const wake of closeWaiters.splice(0)) wake();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then(async (parsed) => {
            options.onData?.();
            if (options.holdData) await options.holdData();
            if (closed.has(session.id)) return callback(new Error('the client went away'));
            const html = typeof parsed.html === 'string' ? parsed.html : '';
            received.push({
              to: (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : [])
                .flatMap((address) => address.value.map((entry) => entry.address ?? ''))
                .join(', '),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html,
              messageId: parsed.messageId ?? '',
              htmlLang: /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? null,
            });
            for (const wake of waiters) wake();
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });

  const listen = async (at: number): Promise<number> => {
    server = makeServer();
    const current = server;
    await new Promise<void>((resolve, reject) => {
      current.once('error', reject);
      current.listen(at, '127.0.0.1', () => resolve());
    });
    return (current.server.address() as AddressInfo).port;
  };
  const boundPort = await listen(port);

  const sink: MailSink = {
    url: `smtp://127.0.0.1:${boundPort}`,
    port: boundPort,
    received,
    nextClose: () => new Promise((resolve) => closeWaiters.push(resolve)),
    to: (address) => received.filter((mail) => mail.to === address),
    async waitForMail(predicate = () => true, timeoutMs = 15_000) {
      return (await sink.waitForCount(1, predicate, timeoutMs))[0];
    },
    waitForCount(count, filter = () => true, timeoutMs = 15_000) {
      const matching = () => received.filter(filter);
      return new Promise((resolve, reject) => {
        const check = () => {
          if (matching().length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(matching());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `expected ${count} e-mails, got ${matching().length}: ${JSON.stringify(
                received.map((mail) => [mail.to, mail.subject]),
              )}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      const current = server;
      server = undefined;
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    async start() {
      if (!server) await listen(boundPort);
    },
    async close() {
      await sink.stop();
    },
  };
  return sink;
}
