import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerStorage } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { TooManyRequestsError } from '../common/errors/domain-errors';
import { Environment } from '../config/environment';
import { msg } from '../i18n/catalogs';

const HOUR_MS = 60 * 60 * 1000;
const PER_ADDRESS = 'password-resets-per-address';
const PER_EMAIL = 'password-resets-per-email';

/**
 * How often password resets may be asked for, counted where the other counters are: in the
 * throttler's storage in memory, or in Redis when REDIS_URL is set (shared by every
 * instance). Past PASSWORD_RESETS_PER_ADDRESS requests within an hour, a client address
 * is refused TOO_MANY_REQUESTS for an hour; past PASSWORD_RESETS_PER_EMAIL within an hour,
 * an e-mail address gets no more reset e-mails for an hour, though the requests are still
 * answered `true` (the answer must not tell whether the address has an account).
 */
@Injectable()
export class PasswordResetLimits {
  private readonly perAddress: number;
  private readonly perEmail: number;

  constructor(
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    config: ConfigService<Environment, true>,
  ) {
    this.perAddress = config.get('PASSWORD_RESETS_PER_ADDRESS', { infer: true });
    this.perEmail = config.get('PASSWORD_RESETS_PER_EMAIL', { infer: true });
  }

  /** Counts a request from `address`; TOO_MANY_REQUESTS once it is over its limit. */
  async countRequestFrom(address: string): Promise<void> {
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(
      keyOf(PER_ADDRESS, address),
      HOUR_MS,
      this.perAddress,
      HOUR_MS,
      PER_ADDRESS,
    );
    if (isBlocked) {
      const minutes = Math.max(1, Math.ceil(timeToBlockExpire / 60));
      throw new TooManyRequestsError(msg('accounts.resetsLocked', { count: minutes }));
    }
  }

  /** Counts a reset e-mail to `email`: false once the address is over its limit. */
  async mayMail(email: string): Promise<boolean> {
    const { isBlocked } = await this.storage.increment(
      keyOf(PER_EMAIL, email.trim().toLowerCase()),
      HOUR_MS,
      this.perEmail,
      HOUR_MS,
      PER_EMAIL,
    );
    return !isBlocked;
  }
}

/** Hashed: a shared store (Redis) then holds neither e-mails nor client addresses. */
function keyOf(counter: string, value: string): string {
  return `${counter}:${createHash('sha256').update(value).digest('hex')}`;
}
