import { INestApplication, LoggerService } from '@nestjs/common';
import type { Server } from 'node:http';
import { SubscriptionServer } from './events/subscription-server';

/** How long the requests in flight may take to finish once a stop signal arrives. */
export const DRAIN_TIMEOUT_MS = 10_000;

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** Stops taking connections and resolves once the requests in flight have been answered. */
export function drainHttpServer(server: Server, timeoutMs = DRAIN_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve) => {
    // A keep-alive connection that has answered its request would hold close() open.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * On SIGTERM or SIGINT: drain the HTTP server (at most DRAIN_TIMEOUT_MS), then close the
 * application (every module's destroy and shutdown hooks: Apollo, the database) and exit
 * 0. Used instead of Nest's enableShutdownHooks(), whose listeners run the destroy hooks
 * (stopping Apollo) before closing the HTTP server, wait for a slow client without limit,
 * and end the process by raising the signal again.
 */
export function closeGracefullyOnSignals(app: INestApplication, logger: LoggerService): void {
  let closing = false;
  const close = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    try {
      logger.log(`${signal}: finishing the requests in flight, then stopping`);
      // Live subscriptions would hold their WebSocket connections open for good.
      app.get(SubscriptionServer).closeConnections();
      await drainHttpServer(app.getHttpServer() as Server);
      await app.close();
      process.exit(0);
    } catch (error) {
      logger.error(error);
      process.exit(1);
    }
  };
  for (const signal of SIGNALS) process.on(signal, (received) => void close(received));
}
