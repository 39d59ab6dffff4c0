import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis, { RedisOptions } from 'ioredis';
import { Environment } from '../config/environment';

/**
 * The service's connections to Redis, when REDIS_URL is set; none otherwise (one instance,
 * everything in process). One shared connection for commands (counters, health) and one
 * per purpose that needs a connection of its own (a subscriber blocks its connection).
 * All of them are closed when the application shuts down.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnections.name);
  private readonly url: string | undefined;
  readonly keyPrefix: string;
  private shared: Redis | undefined;
  private readonly opened: Redis[] = [];

  constructor(config: ConfigService<Environment, true>) {
    this.url = config.get('REDIS_URL', { infer: true }) || undefined;
    this.keyPrefix = config.get('REDIS_KEY_PREFIX', { infer: true });
  }

  /** Whether the deployment shares its state through Redis. */
  get enabled(): boolean {
    return this.url !== undefined;
  }

  /**
   * The shared command connection (created on first use). Every key it reads or writes is
   * under REDIS_KEY_PREFIX (ioredis's keyPrefix), so deployments sharing a Redis keep
   * apart. Not applied: pub/sub channels (not keys) and KEYS/SCAN patterns.
   */
  client(): Redis {
    this.shared ??= this.connect('commands', { keyPrefix: this.keyPrefix });
    return this.shared;
  }

  /** A new connection of its own, e.g. for a subscriber; closed on shutdown. */
  open(purpose: string): Redis {
    return this.connect(purpose, {});
  }

  private connect(purpose: string, options: RedisOptions): Redis {
    if (this.url === undefined) {
      throw new Error('REDIS_URL is not set: this instance keeps its state in process');
    }
    const connection = new Redis(this.url, {
      connectionName: `mirps-twinning:${purpose}`,
      // Commands wait while the connection is re-established, but not forever: a request
      // must fail rather than hang when Redis is gone.
      maxRetriesPerRequest: 3,
      enableOfflineQueue: true,
      // Reconnection attempts alone do not bound a command: one sent to a Redis that accepts
      // the connection but does not answer (hung, or the network dropping packets) would
      // wait forever. This bounds every command, queued or sent.
      commandTimeout: 2_000,
      ...options,
    });
    connection.on('error', (error: Error) =>
      this.logger.warn(`Redis (${purpose}): ${error.message}`),
    );
    this.opened.push(connection);
    return connection;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.opened.map((connection) => connection.quit().catch(() => connection.disconnect())),
    );
    this.opened.length = 0;
    this.shared = undefined;
  }
}
