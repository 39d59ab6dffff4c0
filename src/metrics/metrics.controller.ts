import {
  Controller,
  Get,
  Header,
  Headers,
  NotFoundException,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../common/auth/access.decorators';
import { MetricsService } from './metrics.service';

/**
 * `GET /metrics`: Prometheus's text format. Who may read it: see MetricsAccess (the
 * access guard lets anyone through; the endpoint checks METRICS_TOKEN itself). Not rate
 * limited, like /health: the limits count in Redis, and a scrape must still answer, with
 * `redis_up 0`, when Redis is gone.
 */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Public()
  @SkipThrottle()
  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    switch (this.metrics.access.answer(authorization)) {
      case 'not-found':
        // What Nest answers for a path it does not serve.
        throw new NotFoundException('Cannot GET /metrics');
      case 'unauthorized':
        response.setHeader('WWW-Authenticate', 'Bearer');
        throw new UnauthorizedException('Metrics need "Authorization: Bearer <METRICS_TOKEN>"');
      case 'metrics':
        response.setHeader('Content-Type', this.metrics.registry.contentType);
        return this.metrics.scrape();
    }
  }
}
