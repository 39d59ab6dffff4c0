import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../common/clock/clock';
import { Environment } from '../config/environment';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long postings (needs and offers) stay valid: POSTING_VALIDITY_DAYS from their
 * posting or their last renewal, read on the service's Clock.
 */
@Injectable()
export class PostingValidity {
  private readonly validityMs: number;

  constructor(
    private readonly clock: Clock,
    config: ConfigService<Environment, true>,
  ) {
    this.validityMs = config.get('POSTING_VALIDITY_DAYS', { infer: true }) * DAY_MS;
  }

  /** Now, on the service's clock. */
  now(): Date {
    return this.clock.now();
  }

  /** When a posting posted or renewed at `at` expires. */
  expiresAtFrom(at: Date): Date {
    return new Date(at.getTime() + this.validityMs);
  }
}
