import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { seconds, ThrottlerStorage } from '@nestjs/throttler';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import { TooManyRequestsError, UnauthenticatedError } from '../common/errors/domain-errors';
import { Environment } from '../config/environment';
import { msg } from '../i18n/catalogs';

const FAILURES = 'auth-failures';

/** The requests refused for want of a valid token (see wasRefusedForToken). */
const refusedRequests = new WeakSet<object>();

/**
 * Whether the access guard refused this request for want of a valid token: such a refusal
 * is counted here, and the audit trail writes no row for it.
 */
export function wasRefusedForToken(request: object): boolean {
  return refusedRequests.has(request);
}

/**
 * Requests refused for want of a valid token (none, a bad one, an expired or revoked one),
 * counted per client address in the throttler's storage (memory, or Redis when REDIS_URL is
 * set): one counter per address and window, never a row per request. Past
 * AUTH_FAILURES_PER_ADDRESS in LOGIN_WINDOW_SECONDS the address is locked out for a
 * window: its requests without a valid token are answered TOO_MANY_REQUESTS. A caller
 * with a good token is neither counted nor locked out. None of it touches the database:
 * a token that is missing or badly signed is refused from its text, and a revoked one
 * costs one lookup per instance (AccountsService keeps the refusal).
 */
@Injectable()
export class AuthenticationFailures {
  private readonly log = new Logger(AuthenticationFailures.name);
  private readonly limit: number;
  private readonly window: number;
  /** The lockouts already logged: one line per lockout, not one per request. */
  private readonly logged: LRUCache<string, true>;

  constructor(
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    config: ConfigService<Environment, true>,
  ) {
    this.limit = config.get('AUTH_FAILURES_PER_ADDRESS', { infer: true });
    this.window = seconds(config.get('LOGIN_WINDOW_SECONDS', { infer: true }));
    this.logged = new LRUCache({ max: 1000, ttl: this.window });
  }

  /**
   * Counts one refusal of `address` and answers what the caller is told: the refusal
   * itself, or TOO_MANY_REQUESTS once the address is over its limit.
   */
  async refusal(request: object, address: string, refusal: UnauthenticatedError): Promise<Error> {
    refusedRequests.add(request);
    const key = keyOf(address);
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(
      key,
      this.window,
      this.limit,
      this.window,
      FAILURES,
    );
    if (!isBlocked) return refusal;
    if (!this.logged.has(key)) {
      this.logged.set(key, true);
      this.log.warn(
        `${this.limit} requests without a valid token from one address within ` +
          `${this.window / 1000} s: locked out for as long`,
      );
    }
    const minutes = Math.max(1, Math.ceil(timeToBlockExpire / 60));
    return new TooManyRequestsError(msg('accounts.tokenLocked', { count: minutes }));
  }
}

/** Hashed: a shared store (Redis) holds no client addresses. */
function keyOf(address: string): string {
  return `${FAILURES}:${createHash('sha256').update(address).digest('hex')}`;
}
