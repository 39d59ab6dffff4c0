import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { seconds, ThrottlerStorage } from '@nestjs/throttler';
import { createHash, randomUUID } from 'node:crypto';
import { TooManyRequestsError } from '../common/errors/domain-errors';
import { Environment } from '../config/environment';
import { msg } from '../i18n/catalogs';
import { RedisConnections } from '../redis/redis-connections';

const FAILURES = 'login-failures';

/** The failures an account has from one address, and when the oldest of them expires. */
interface FailureCount {
  failures: number;
  oldestExpiresInSeconds: number;
}

/**
 * Failed logins per account and client address, kept where the other counters are: in the
 * throttler's storage in memory, or in Redis when REDIS_URL is set (shared by every instance).
 * Only failures count, each for LOGIN_WINDOW_SECONDS (a sliding window): once an account has
 * LOGIN_FAILURES_PER_ACCOUNT of them from one address, every login to it from that address
 * is refused, the right password included, until the oldest expires. Counting per address
 * is what keeps an attacker from locking the real user out: the attacker's failures close
 * the account to the attacker's address only. Guessing from many addresses is bounded by
 * the per-address cap on login attempts.
 */
@Injectable()
export class LoginAttempts {
  private readonly limit: number;
  private readonly window: number;

  constructor(
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    private readonly redis: RedisConnections,
    config: ConfigService<Environment, true>,
  ) {
    this.limit = config.get('LOGIN_FAILURES_PER_ACCOUNT', { infer: true });
    this.window = seconds(config.get('LOGIN_WINDOW_SECONDS', { infer: true }));
  }

  /** Refuses a login to an account that has run out of failures from this address. */
  async refuseIfLocked(email: string, address: string): Promise<void> {
    const key = keyOf(email, address);
    const { failures, oldestExpiresInSeconds } = this.redis.enabled
      ? await this.countInRedis(key)
      : await this.countInMemory(key);
    if (failures >= this.limit) {
      const minutes = Math.max(1, Math.ceil(oldestExpiresInSeconds / 60));
      throw new TooManyRequestsError(msg('accounts.loginLocked', { count: minutes }));
    }
  }

  /** Counts a failure, unless the account already has its limit from this address. */
  async recordFailure(email: string, address: string): Promise<void> {
    const key = keyOf(email, address);
    if (this.redis.enabled) await this.recordInRedis(key);
    else await this.storage.increment(key, this.window, this.limit, 0, FAILURES);
  }

  /**
   * The in-memory storage answers a limit of 0 without a block by counting nothing and
   * returning the hits so far plus the one it declined, and when the oldest expires.
   */
  private async countInMemory(key: string): Promise<FailureCount> {
    const { totalHits, timeToBlockExpire } = await this.storage.increment(
      key,
      this.window,
      0,
      0,
      FAILURES,
    );
    return { failures: totalHits - 1, oldestExpiresInSeconds: timeToBlockExpire };
  }

  /**
   * The Redis storage cannot answer without counting: it counts on every call (in a fixed
   * window) and rejects a block of 0. So in Redis each account and address has a sorted set
   * of its failures, scored by when each expires: the same sliding window as in memory.
   */
  private async countInRedis(key: string): Promise<FailureCount> {
    const now = Date.now();
    const [, count, oldest] = await this.redis
      .client()
      .multi()
      .zremrangebyscore(key, '-inf', now)
      .zcard(key)
      .zrange(key, 0, 0, 'WITHSCORES')
      .exec()
      .then(resultsOf);
    const oldestExpiresAt = Number((oldest as string[])[1] ?? now + this.window);
    return {
      failures: count as number,
      oldestExpiresInSeconds: Math.ceil((oldestExpiresAt - now) / 1000),
    };
  }

  private async recordInRedis(key: string): Promise<void> {
    const now = Date.now();
    await this.redis
      .client()
      .multi()
      .zremrangebyscore(key, '-inf', now)
      .zadd(key, now + this.window, randomUUID())
      // Beyond the limit, the newest is not counted (as in memory): the oldest decide when
      // the account opens again.
      .zremrangebyrank(key, this.limit, -1)
      // Redis drops the key a window after its last write, when all its failures are over.
      .pexpire(key, this.window)
      .exec()
      .then(resultsOf);
  }
}

/** The replies of a MULTI, or its first error. */
function resultsOf(results: [Error | null, unknown][] | null): unknown[] {
  if (results === null) throw new Error('Redis discarded the transaction');
  const failed = results.find(([error]) => error !== null)?.[0];
  if (failed) throw failed;
  return results.map(([, reply]) => reply);
}

/** Hashed: a shared store (Redis) then holds neither e-mail nor client addresses. */
function keyOf(email: string, address: string): string {
  const digest = createHash('sha256')
    .update(`${email.trim().toLowerCase()}\u0000${address}`)
    .digest('hex');
  return `${FAILURES}:${digest}`;
}
