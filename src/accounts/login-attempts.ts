import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { seconds, ThrottlerStorage } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { TooManyRequestsError } from '../common/errors/domain-errors';
import { Environment } from '../config/environment';

const FAILURES = 'login-failures';

/**
 * Failed logins per account, kept in the throttler's storage so that they move with the
 * other counters. Only failures count, each for LOGIN_WINDOW_SECONDS: once an account has
 * LOGIN_FAILURES_PER_ACCOUNT of them, every login to it is refused, the right password
 * included, until the oldest expires. Refused attempts do not count, so an account is
 * free again at most one window after the last wrong password.
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

  /** Refuses a login to an account that has run out of failures. */
  async refuseIfLocked(email: string): Promise<void> {
    // With a limit of 0 and no block, the storage counts nothing and answers the hits so
    // far plus the one it declined to count, and when the oldest of them expires.
    const { totalHits, timeToBlockExpire } = await this.storage.increment(
      keyOf(email),
      this.window,
      0,
      0,
      FAILURES,
    );
    if (totalHits - 1 >= this.limit) {
      const minutes = Math.max(1, Math.ceil(timeToBlockExpire / 60));
      throw new TooManyRequestsError(
        `Too many failed logins for this account: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      );
    }
  }

  async recordFailure(email: string): Promise<void> {
    await this.storage.increment(keyOf(email), this.window, this.limit, 0, FAILURES);
  }
}

/** The e-mail is hashed: a shared store (Redis) then holds no addresses. */
function keyOf(email: string): string {
  return `${FAILURES}:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
}
