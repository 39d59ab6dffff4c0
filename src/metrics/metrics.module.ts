import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsPlugin } from './metrics.plugin';
import { MetricsService } from './metrics.service';

/** `GET /metrics` for Prometheus, and the Apollo plugin that counts GraphQL requests. */
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, MetricsPlugin],
})
export class MetricsModule {}
