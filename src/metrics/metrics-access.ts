import { createHash, timingSafeEqual } from 'node:crypto';
import type { NodeEnvironment } from '../config/environment';

/** What `/metrics` answers a scrape: the metrics, 401, or 404 as for a path that is not there. */
export type MetricsAnswer = 'metrics' | 'unauthorized' | 'not-found';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Who may read `/metrics`. With METRICS_TOKEN set, only a caller that sends it as
 * `Authorization: Bearer <token>`, anywhere. Without it, anyone outside production; in
 * production nobody: the endpoint answers as if it did not exist.
 */
export class MetricsAccess {
  /** The token's SHA-256: compared in constant time with the given one's, of equal length. */
  private readonly expected: Buffer | undefined;

  constructor(
    private readonly environment: NodeEnvironment,
    token: string | undefined,
  ) {
    this.expected = token ? digest(token) : undefined;
  }

  /** In production without METRICS_TOKEN: nobody may read the metrics. */
  get off(): boolean {
    return !this.expected && this.environment === 'production';
  }

  answer(authorization: string | undefined): MetricsAnswer {
    if (!this.expected) return this.off ? 'not-found' : 'metrics';
    const given = /^Bearer +(\S+) *$/i.exec(authorization ?? '')?.[1];
    if (given === undefined) return 'unauthorized';
    return timingSafeEqual(digest(given), this.expected) ? 'metrics' : 'unauthorized';
  }
}
