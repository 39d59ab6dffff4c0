import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { RedisConnections } from '../redis/redis-connections';

/**
 * Whether Redis answers a PING on the shared connection. Bounded by the connection's command
 * timeout (RedisConnections), so a Redis that is gone or hangs gives `down`, not a hung check.
 */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisConnections,
  ) {}

  async pingCheck<const Key extends string>(key: Key): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.indicators.check(key);
    try {
      await this.redis.client().ping();
    } catch {
      // No details: the endpoint is public, and the connection logs its errors.
      return indicator.down();
    }
    return indicator.up();
  }
}
