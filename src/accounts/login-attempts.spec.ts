import { ConfigService } from '@nestjs/config';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Environment } from '../config/environment';
import { RedisConnections } from '../redis/redis-connections';
import { LoginAttempts } from './login-attempts';

/** Redis runs only where TEST_REDIS_URL is set (as `.ci/run` does); memory runs everywhere. */
const REDIS_URL = process.env.TEST_REDIS_URL;

interface Counters {
  attempts: LoginAttempts;
  close: () => Promise<void>;
}

function configOf(values: Partial<Environment>): ConfigService<Environment, true> {
  return { get: (name: keyof Environment) => values[name] } as ConfigService<Environment, true>;
}

function inMemory(windowSeconds: number): Counters {
  const storage = new ThrottlerStorageService();
  const config = configOf({ LOGIN_FAILURES_PER_ACCOUNT: 5, LOGIN_WINDOW_SECONDS: windowSeconds });
  return {
    attempts: new LoginAttempts(storage, new RedisConnections(config), config),
    close: () => Promise.resolve(storage.onApplicationShutdown()),
  };
}

function inRedis(windowSeconds: number): Counters {
  const keyPrefix = `test:login-attempts:${randomUUID()}:`;
  const config = configOf({
    LOGIN_FAILURES_PER_ACCOUNT: 5,
    LOGIN_WINDOW_SECONDS: windowSeconds,
    REDIS_URL,
    REDIS_KEY_PREFIX: keyPrefix,
  });
  const redis = new RedisConnections(config);
  // The throttler's own storage must not be used for the failures: it cannot peek.
  const unusable = {
    increment: () => Promise.reject(new Error('the Redis path must not use this')),
  } as unknown as ThrottlerStorageService;
  return {
    attempts: new LoginAttempts(unusable, redis, config),
    close: async () => {
      // On a connection without the prefix: KEYS answers whole names.
      const plain = redis.open('clean-up');
      const keys = await plain.keys(`${keyPrefix}*`);
      expect(keys.length).toBeGreaterThan(0);
      if (keys.length) await plain.del(...keys);
      await redis.onApplicationShutdown();
    },
  };
}

/** What a login would be told: null when it may go on, else the refusal's message. */
async function check(attempts: LoginAttempts, email: string, address: string) {
  return attempts.refuseIfLocked(email, address).then(
    () => null,
    (error: Error) => error.message,
  );
}

async function fail(attempts: LoginAttempts, email: string, address: string, times: number) {
  for (let failure = 0; failure < times; failure += 1) {
    await attempts.recordFailure(email, address);
  }
}

const LOCKED_15 =
  'Too many failed logins for this account from your address: try again in 15 minutes';
const LOCKED_1 = 'Too many failed logins for this account from your address: try again in 1 minute';

describe.each([
  ['in memory', inMemory, true],
  ['in Redis', inRedis, REDIS_URL !== undefined],
])('login failures %s', (_where, counters: (windowSeconds: number) => Counters, enabled) => {
  const maybe = enabled ? it : it.skip;

  maybe(
    'refuses an account once it has 5 failures from an address, that address only',
    async () => {
      const { attempts, close } = counters(900);
      try {
        await fail(attempts, 'focal@mirps.test', '198.51.100.7', 4);
        expect(await check(attempts, 'focal@mirps.test', '198.51.100.7')).toBeNull();
        await fail(attempts, 'focal@mirps.test', '198.51.100.7', 1);
        expect({
          same: await check(attempts, 'focal@mirps.test', '198.51.100.7'),
          spelledOtherwise: await check(attempts, ' FOCAL@mirps.test', '198.51.100.7'),
          otherAddress: await check(attempts, 'focal@mirps.test', '203.0.113.20'),
          otherAccount: await check(attempts, 'other@mirps.test', '198.51.100.7'),
        }).toEqual({
          same: LOCKED_15,
          spelledOtherwise: LOCKED_15,
          otherAddress: null,
          otherAccount: null,
        });
      } finally {
        await close();
      }
    },
  );

  maybe('counts only failures: checking does not count', async () => {
    const { attempts, close } = counters(900);
    try {
      await fail(attempts, 'focal@mirps.test', '198.51.100.7', 4);
      for (let check = 0; check < 10; check += 1) {
        await attempts.refuseIfLocked('focal@mirps.test', '198.51.100.7');
      }
      expect(await check(attempts, 'focal@mirps.test', '198.51.100.7')).toBeNull();
    } finally {
      await close();
    }
  });

  maybe(
    'lets each failure count for the window after it (sliding), and no failure beyond the limit',
    async () => {
      const windowMs = 4000;
      const { attempts, close } = counters(windowMs / 1000);
      try {
        const started = Date.now();
        await fail(attempts, 'focal@mirps.test', '198.51.100.7', 3);
        await sleep(2000 - (Date.now() - started));
        // 3 + 2 = 5: locked. The 3 after them (a parallel burst) are beyond the limit.
        await fail(attempts, 'focal@mirps.test', '198.51.100.7', 5);
        expect(await check(attempts, 'focal@mirps.test', '198.51.100.7')).toBe(LOCKED_1);

        // The first 3 expire at 4 s; the 2 later ones still count, and nothing else does.
        await sleep(windowMs + 500 - (Date.now() - started));
        expect(await check(attempts, 'focal@mirps.test', '198.51.100.7')).toBeNull();
        await fail(attempts, 'focal@mirps.test', '198.51.100.7', 2);
        expect(await check(attempts, 'focal@mirps.test', '198.51.100.7')).toBeNull();
        await fail(attempts, 'focal@mirps.test', '198.51.100.7', 1);
        expect(await check(attempts, 'focal@mirps.test', '198.51.100.7')).toBe(LOCKED_1);
      } finally {
        await close();
      }
    },
    15000,
  );
});
