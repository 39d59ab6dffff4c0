import type { INestApplication } from '@nestjs/common';
import { Client, createClient, FormattedExecutionResult, Message } from 'graphql-ws';
import WebSocket from 'ws';
import { SubscriptionServer } from '../../src/events/subscription-server';

/** How a connection ended: the WebSocket close code and reason. */
export interface Closed {
  code: number;
  reason: string;
}

/** One subscription as a test sees it. */
export interface LiveSubscription<T = Record<string, any>> {
  /** Every result received so far, in order (each holds `data` or `errors`). */
  readonly results: FormattedExecutionResult<T, unknown>[];
  /** Waits for the result after the ones taken so far (by earlier calls). */
  next(): Promise<FormattedExecutionResult<T, unknown>>;
  /** Settles when the server ends it: `complete`, or the errors it sent (`error` message). */
  readonly ended: Promise<'complete' | readonly unknown[] | Closed>;
  unsubscribe(): void;
}

export interface LiveClient {
  /** The acknowledgement of the connection, or how it was closed instead. */
  readonly connected: Promise<'connected' | Closed>;
  readonly closed: Promise<Closed>;
  /** Every message the server sent on this connection, for ids already completed too. */
  readonly messages: Message[];
  subscribe<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): LiveSubscription<T>;
  dispose(): Promise<void>;
}

/**
 * The app must listen on a real port for WebSocket clients; the test app only initialises
 * it (supertest needs no port). Listens on an ephemeral port of 127.0.0.1 and answers the
 * `ws://` URL of /graphql.
 */
export async function listenForWebSocket(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `${(await app.getUrl()).replace(/^http/, 'ws')}/graphql`;
}

/** A graphql-ws client (the protocol's reference client) on the `ws` package, no retries. */
export function connect(url: string, authorization?: string, language = 'en'): LiveClient {
  const messages: Message[] = [];
  let onConnected: (outcome: 'connected' | Closed) => void = () => undefined;
  let onClosed: (closed: Closed) => void = () => undefined;
  const connected = new Promise<'connected' | Closed>((resolve) => (onConnected = resolve));
  const closed = new Promise<Closed>((resolve) => (onClosed = resolve));
  const client: Client = createClient({
    url,
    // The suite reads the service in English (see test-app.ts).
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { 'accept-language': language } });
      }
    },
    connectionParams: authorization === undefined ? {} : { authorization },
    lazy: false,
    retryAttempts: 0,
    shouldRetry: () => false,
    onNonLazyError: () => undefined,
    on: {
      connected: () => onConnected('connected'),
      message: (message) => messages.push(message),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        onConnected({ code, reason });
        onClosed({ code, reason });
      },
    },
  });

  return {
    connected,
    closed,
    messages,
    subscribe<T>(query: string, variables?: Record<string, unknown>): LiveSubscription<T> {
      const results: FormattedExecutionResult<T, unknown>[] = [];
      const waiting: ((result: FormattedExecutionResult<T, unknown>) => void)[] = [];
      let taken = 0;
      let end: (outcome: 'complete' | readonly unknown[] | Closed) => void = () => undefined;
      const ended = new Promise<'complete' | readonly unknown[] | Closed>(
        (resolve) => (end = resolve),
      );
      const unsubscribe = client.subscribe<T>(
        { query, variables },
        {
          next: (result) => {
            results.push(result);
            waiting.shift()?.(result);
          },
          error: (error) => end(Array.isArray(error) ? error : (error as Closed)),
          complete: () => end('complete'),
        },
      );
      return {
        results,
        ended,
        unsubscribe,
        next() {
          const index = taken++;
          if (index < results.length) return Promise.resolve(results[index]);
          return new Promise((resolve) => waiting.push(resolve));
        },
      };
    },
    dispose: async () => {
      await client.dispose();
    },
  };
}

/**
 * Waits until this process's server has `count` subscriptions listening for events:
 * graphql-ws tells a client nothing when its subscription starts, so a test that is to
 * publish after subscribing waits for the server's count (each check is one macrotask).
 */
export async function untilListening(app: INestApplication, count: number): Promise<void> {
  const server = app.get(SubscriptionServer);
  const deadline = Date.now() + 10_000;
  while (server.activeSubscriptions !== count) {
    if (Date.now() > deadline) {
      throw new Error(
        `The server has ${server.activeSubscriptions} live subscriptions, not ${count}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
