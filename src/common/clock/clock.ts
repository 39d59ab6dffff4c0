import { Injectable } from '@nestjs/common';

/**
 * The service's time. Every rule that compares with "now" (a posting's expiry, a proposal
 * left unanswered, a follow-up past due) asks here rather than `new Date()`, so tests move
 * time forward instead of sleeping (see ManualClock).
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until told to move: for tests. */
export class ManualClock extends Clock {
  private current: Date;

  constructor(start: Date = new Date()) {
    super();
    this.current = new Date(start.getTime());
  }

  override now(): Date {
    return new Date(this.current.getTime());
  }

  set(at: Date): void {
    this.current = new Date(at.getTime());
  }

  /** Moves the clock forward by `days` (fractions allowed). */
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 24 * 60 * 60 * 1000);
  }
}
