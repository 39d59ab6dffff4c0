import { ConfigService } from '@nestjs/config';
import type { DataSource } from 'typeorm';
import type { Environment } from '../config/environment';
import type { MailDelivery } from '../mail/mail-delivery';
import type { RedisConnections } from '../redis/redis-connections';
import { DEPENDENCY_TIMEOUT_MS, MetricsService } from './metrics.service';

function service(
  options: {
    env?: Partial<Environment>;
    database?: () => Promise<unknown>;
    redis?: () => Promise<unknown>;
  } = {},
): MetricsService {
  const config = new ConfigService<Environment, true>({ NODE_ENV: 'test', ...options.env });
  const dataSource = { isInitialized: true, query: options.database ?? (() => Promise.resolve()) };
  const redis = {
    enabled: options.redis !== undefined,
    client: () => ({ ping: options.redis }),
  };
  const mail = {
    countByStatus: () => Promise.resolve({ PENDING: 2, SENT: 5, FAILED: 1 }),
    lostClaims: 3,
  };
  return new MetricsService(
    config,
    dataSource as unknown as DataSource,
    redis as unknown as RedisConnections,
    mail as unknown as MailDelivery,
  );
}

function lines(text: string, prefix: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(prefix));
}

describe('MetricsService', () => {
  it('counts requests by capped operation name, type and outcome, and errors by code', async () => {
    const metrics = service();
    const answer = (operationName: string | undefined, errorCodes: unknown[] = []): void =>
      metrics.requestStarted()({ operationName, type: 'query', errorCodes });
    answer('Countries');
    answer('Countries', ['NOT_FOUND', 'NOT_FOUND']);
    answer(undefined, ['GRAPHQL_PARSE_FAILED']);
    answer('x'.repeat(65), [undefined, 'not a code']);
    const text = await metrics.scrape();
    expect(lines(text, 'graphql_requests_total{')).toEqual([
      'graphql_requests_total{operation="Countries",type="query",outcome="success"} 1',
      'graphql_requests_total{operation="Countries",type="query",outcome="error"} 1',
      'graphql_requests_total{operation="anonymous",type="query",outcome="error"} 1',
      'graphql_requests_total{operation="other",type="query",outcome="error"} 1',
    ]);
    expect(lines(text, 'graphql_errors_total{')).toEqual([
      'graphql_errors_total{code="NOT_FOUND"} 2',
      'graphql_errors_total{code="GRAPHQL_PARSE_FAILED"} 1',
      'graphql_errors_total{code="none"} 1',
      'graphql_errors_total{code="other"} 1',
    ]);
    expect(lines(text, 'graphql_request_duration_seconds_count{')).toEqual([
      'graphql_request_duration_seconds_count{operation="Countries",type="query"} 2',
      'graphql_request_duration_seconds_count{operation="anonymous",type="query"} 1',
      'graphql_request_duration_seconds_count{operation="other",type="query"} 1',
    ]);
  });

  it('keeps its metrics to itself: two services, two registries', async () => {
    const first = service();
    const second = service();
    first.requestStarted()({ operationName: 'Once', type: 'mutation', errorCodes: [] });
    expect(lines(await first.scrape(), 'graphql_requests_total{')).toHaveLength(1);
    expect(lines(await second.scrape(), 'graphql_requests_total{')).toHaveLength(0);
  });

  it('reports the database up or down when scraped, and Redis only when it is used', async () => {
    expect(lines(await service().scrape(), 'database_up')).toEqual(['database_up 1']);
    expect(lines(await service().scrape(), 'redis_up')).toEqual([]);
    const failing = service({
      database: () => Promise.reject(new Error('gone')),
      redis: () => Promise.reject(new Error('gone')),
    });
    const text = await failing.scrape();
    expect(lines(text, 'database_up')).toEqual(['database_up 0']);
    expect(lines(text, 'redis_up')).toEqual(['redis_up 0']);
    expect(
      lines(await service({ redis: () => Promise.resolve('PONG') }).scrape(), 'redis_up'),
    ).toEqual(['redis_up 1']);
  });

  it('counts the e-mails in the outbox by status when scraped', async () => {
    expect(lines(await service().scrape(), 'mail_outbox{')).toEqual([
      'mail_outbox{status="PENDING"} 2',
      'mail_outbox{status="SENT"} 5',
      'mail_outbox{status="FAILED"} 1',
    ]);
    expect(lines(await service().scrape(), 'mail_claims_lost')).toEqual(['mail_claims_lost 3']);
  });

  it('reports a database that hangs as down after the timeout', async () => {
    const hung = service({ database: () => new Promise(() => undefined) });
    const started = Date.now();
    expect(lines(await hung.scrape(), 'database_up')).toEqual(['database_up 0']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(DEPENDENCY_TIMEOUT_MS - 50);
    expect(Date.now() - started).toBeLessThan(DEPENDENCY_TIMEOUT_MS + 1000);
  });

  it("includes Node's own metrics (event-loop lag), except where the endpoint is off", async () => {
    expect(lines(await service().scrape(), 'nodejs_eventloop_lag_seconds ')).toHaveLength(1);
    const off = service({ env: { NODE_ENV: 'production' } });
    expect(lines(await off.scrape(), 'nodejs_')).toEqual([]);
  });
});
