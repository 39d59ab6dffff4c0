import { Controller, Get } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorFunction,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../common/auth/access.decorators';
import { RedisConnections } from '../redis/redis-connections';
import { RedisHealthIndicator } from './redis.health';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redisIndicator: RedisHealthIndicator,
    private readonly redis: RedisConnections,
  ) {}

  /**
   * 200 with `database: up` (and `redis: up` when REDIS_URL is set), or 503 naming what does
   * not answer. Not rate limited: the limits count in Redis, and a health check must still
   * answer when Redis is gone.
   */
  @Public()
  @SkipThrottle()
  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [
      () => this.database.pingCheck('database', { timeout: 2000 }),
    ];
    if (this.redis.enabled) checks.push(() => this.redisIndicator.pingCheck('redis'));
    return this.health.check(checks);
  }
}
