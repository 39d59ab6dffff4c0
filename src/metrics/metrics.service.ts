import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { MailDelivery } from '../mail/mail-delivery';
import { RedisConnections } from '../redis/redis-connections';
import {
  BoundedLabel,
  ERROR_CODE,
  ERROR_CODES,
  OPERATION_NAME,
  OPERATION_NAMES,
} from './bounded-label';
import { MetricsAccess } from './metrics-access';

/** How long a scrape waits for the database or Redis to answer before it reports it down. */
export const DEPENDENCY_TIMEOUT_MS = 2000;

export type OperationType = 'query' | 'mutation' | 'subscription' | 'unknown';

/** One GraphQL request as answered, for the metrics. */
export interface AnsweredRequest {
  /** The operation's name in the document; undefined for an anonymous one or no document. */
  operationName: string | undefined;
  type: OperationType;
  /** `extensions.code` of each error of the answer. */
  errorCodes: unknown[];
}

/** 1 when `ping` resolves within `timeoutMs`, 0 when it fails or takes longer. */
async function answers(ping: () => Promise<unknown>, timeoutMs: number): Promise<0 | 1> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
  });
  try {
    await Promise.race([ping(), timeout]);
    return 1;
  } catch {
    return 0;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The service's Prometheus metrics, in a registry of this application's own (not
 * prom-client's global one: the tests start many applications in one process): Node's
 * process metrics (event-loop lag, heap, GC, …), GraphQL requests by operation and outcome
 * with their latency, errors by code, and whether the database and Redis answer, checked
 * when scraped.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly access: MetricsAccess;

  private readonly requests: Counter<'operation' | 'type' | 'outcome'>;
  private readonly duration: Histogram<'operation' | 'type'>;
  private readonly errors: Counter<'code'>;
  private readonly operationNames = new BoundedLabel(OPERATION_NAME, OPERATION_NAMES);
  private readonly errorCodes = new BoundedLabel(ERROR_CODE, ERROR_CODES);

  constructor(
    config: ConfigService<Environment, true>,
    @InjectDataSource() dataSource: DataSource,
    redis: RedisConnections,
    mail: MailDelivery,
  ) {
    this.access = new MetricsAccess(
      config.get('NODE_ENV', { infer: true }),
      config.get('METRICS_TOKEN', { infer: true }),
    );
    const registers = [this.registry];

    // Its timers and observers run for good: not started where nobody may read them.
    if (!this.access.off) collectDefaultMetrics({ register: this.registry });

    this.requests = new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests over HTTP answered, by operation name, type and outcome (error: the answer has errors)',
      labelNames: ['operation', 'type', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request over HTTP to sending its answer',
      labelNames: ['operation', 'type'],
      registers,
    });
    this.errors = new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL answers, by extensions.code',
      labelNames: ['code'],
      registers,
    });

    new Gauge({
      name: 'database_up',
      help: 'Whether the database answered SELECT 1 when scraped (1) or not (0)',
      registers,
      async collect() {
        this.set(
          dataSource.isInitialized
            ? await answers(() => dataSource.query('SELECT 1'), DEPENDENCY_TIMEOUT_MS)
            : 0,
        );
      },
    });
    new Gauge({
      name: 'mail_outbox',
      help: 'E-mails in the outbox by status when scraped: PENDING (waiting to be sent), SENT, FAILED (given up)',
      labelNames: ['status'],
      registers,
      async collect() {
        if (!dataSource.isInitialized) return;
        for (const [status, count] of Object.entries(await mail.countByStatus())) {
          this.set({ status }, count);
        }
      },
    });
    new Gauge({
      name: 'mail_claims_lost',
      help: 'Times this instance found, recording an e-mail it had claimed, that its claim had lapsed and another worker held the e-mail (since start; above 0: MAIL_SEND_TIMEOUT_MS is too short for the mail server)',
      registers,
      collect() {
        this.set(mail.lostClaims);
      },
    });
    if (redis.enabled) {
      new Gauge({
        name: 'redis_up',
        help: 'Whether Redis answered PING when scraped (1) or not (0)',
        registers,
        async collect() {
          this.set(await answers(() => redis.client().ping(), DEPENDENCY_TIMEOUT_MS));
        },
      });
    }
  }

  /** Starts timing a GraphQL request; the function returned records it once answered. */
  requestStarted(): (answered: AnsweredRequest) => void {
    const stopTimer = this.duration.startTimer();
    return ({ operationName, type, errorCodes }) => {
      const operation =
        operationName === undefined ? 'anonymous' : this.operationNames.valueOf(operationName);
      stopTimer({ operation, type });
      const outcome = errorCodes.length > 0 ? 'error' : 'success';
      this.requests.inc({ operation, type, outcome });
      for (const code of errorCodes) {
        this.errors.inc({
          code: typeof code === 'string' ? this.errorCodes.valueOf(code) : 'none',
        });
      }
    };
  }

  /** The metrics in Prometheus's text format. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
