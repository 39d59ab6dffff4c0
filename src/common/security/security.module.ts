import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Module } from '@nestjs/common';
import { AccountsModule } from '../../accounts/accounts.module';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { seconds, ThrottlerModule } from '@nestjs/throttler';
import { Environment } from '../../config/environment';
import { RedisConnections } from '../../redis/redis-connections';
import {
  GENERAL_THROTTLER,
  isLoginField,
  LOGIN_THROTTLER,
  RateLimitGuard,
} from './rate-limit.guard';

/**
 * Rate limits. The counters live in the throttler's storage: in Redis when REDIS_URL is set,
 * shared by every instance; otherwise in memory, per process. The login failure counts
 * follow them (see LoginAttempts).
 * Import it before AccountsModule: its guard must run before the access guard, so that a
 * request is counted before any database work.
 */
@Module({
  imports: [
    AccountsModule,
    ThrottlerModule.forRootAsync({
      inject: [ConfigService, RedisConnections],
      useFactory: (config: ConfigService<Environment, true>, redis: RedisConnections) => {
        const loginWindow = seconds(config.get('LOGIN_WINDOW_SECONDS', { infer: true }));
        return {
          errorMessage: 'Too many requests: wait a moment, then try again',
          // On the shared command connection: its keys are under REDIS_KEY_PREFIX.
          storage: redis.enabled ? new ThrottlerStorageRedisService(redis.client()) : undefined,
          throttlers: [
            {
              name: GENERAL_THROTTLER,
              ttl: seconds(60),
              limit: config.get('RATE_LIMIT_PER_MINUTE', { infer: true }),
            },
            {
              name: LOGIN_THROTTLER,
              ttl: loginWindow,
              limit: config.get('LOGIN_ATTEMPTS_PER_ADDRESS', { infer: true }),
              blockDuration: loginWindow,
              skipIf: (context) => !isLoginField(context),
            },
          ],
        };
      },
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class SecurityModule {}
