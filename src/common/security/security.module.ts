import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { seconds, ThrottlerModule } from '@nestjs/throttler';
import { Environment } from '../../config/environment';
import {
  GENERAL_THROTTLER,
  isLoginField,
  LOGIN_THROTTLER,
  RateLimitGuard,
} from './rate-limit.guard';

/**
 * Rate limits. The counters live in the throttler's storage (in memory, per process);
 * giving `ThrottlerModule` a shared `storage` (e.g. Redis) moves every counter, the
 * login failure counts included, without touching the guards or services.
 * Import it after AccountsModule: its guard must run after the access guard.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => {
        const loginWindow = seconds(config.get('LOGIN_WINDOW_SECONDS', { infer: true }));
        return {
          errorMessage: 'Too many requests: wait a moment, then try again',
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
