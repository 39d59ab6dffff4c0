import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { seconds, ThrottlerStorage } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { TooManyRequestsError } from '../common/errors/domain-errors';
import { Environment } from '../config/environment';

const FAILURES = 'login-failures';

/**
 * Failed logins per account and client address, kept in the throttler's storage so that
 * they move with the other counters. Only failures count, each for LOGIN_WINDOW_SECONDS:
 * once an account has LOGIN_FAILURES_PER_ACCOUNT of them from one address, every login
 * to it from that address is refused, the right password included, until the oldest
 * expires. Counting per address is what keeps an attacker from locking the real user out:
 * the attacker's failures close the account to the attacker's address only. Guessing from
 * many addresses is bounded by the per-address cap on login attempts.
 */
@Injectable()
export class LoginAttempts {
  private readonly limit: number;
  private readonly window: number;

  constructor(
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    config: ConfigService<Environment, true>,
  ) {
    this.limit = config.get('LOGIN_FAILURES_PER_ACCOUNT', { infer: true });
    this.window = seconds(config.get('LOGIN_WINDOW_SECONDS', { infer: true }));
  }

  /** Refuses a login to an account that has run out of failures from this address. */
  async refuseIfLocked(email: string, address: string): Promise<void> {
    // With a limit of 0 and no block, the storage counts nothing and answers the hits so
    // far plus the one it declined to count, and when the oldest of them expires.
    const { totalHits, timeToBlockExpire } = await this.storage.increment(
      keyOf(email, address),
      this.window,
      0,
      0,
      FAILURES,
    );
    if (totalHits - 1 >= this.limit) {
      const minutes = Math.max(1, Math.ceil(timeToBlockExpire / 60));
      throw new TooManyRequestsError(
        `Too many failed logins for this account from your address: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      );
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await this.storage.increment(keyOf(email, address), this.window, this.limit, 0, FAILURES);
  }
}

/** Hashed: a shared store (Redis) then holds neither e-mail nor client addresses. */
function keyOf(email: string, address: string): string {
  const digest = createHash('sha256')
    .update(`${email.trim().toLowerCase()}\u0000${address}`)
    .digest('hex');
  return `${FAILURES}:${digest}`;
}
