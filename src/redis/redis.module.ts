import { Global, Module } from '@nestjs/common';
import { RedisConnections } from './redis-connections';

/** Redis connections for a multi-instance deployment (REDIS_URL); see RedisConnections. */
@Global()
@Module({
  providers: [RedisConnections],
  exports: [RedisConnections],
})
export class RedisModule {}
