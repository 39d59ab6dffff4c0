/**
 * The values one label may take, bounded: every label value is a time series of its own in
 * Prometheus, so a value a client chooses (an operation name) must not grow them without
 * end. A value that fits `pattern` is kept as it is until `capacity` distinct values have
 * been seen; after that, and for any value that does not fit, the label says `fallback`.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly pattern: RegExp,
    private readonly capacity: number,
    private readonly fallback = 'other',
  ) {}

  valueOf(given: string): string {
    if (this.seen.has(given)) return given;
    if (this.seen.size >= this.capacity || !this.pattern.test(given)) return this.fallback;
    this.seen.add(given);
    return given;
  }
}

/** A GraphQL name (which is what a document can name an operation), up to 64 characters. */
export const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Distinct operation names counted apart; the rest are `other`. */
export const OPERATION_NAMES = 200;

/** An error code as the service and Apollo write them (UNAUTHENTICATED, BAD_USER_INPUT). */
export const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
/** Distinct error codes counted apart; the rest are `other`. */
export const ERROR_CODES = 50;
