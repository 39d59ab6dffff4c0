/**
 * The errors services throw. They carry the contract's `extensions.code`; the GraphQL
 * error filter turns them into GraphQL errors. Services import nothing from GraphQL.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR';

/** One failing input field: `field` is its path inside the operation's input, e.g. `title`. */
export interface FieldProblem {
  field: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(entity: string, id: string) {
    super(`${entity} ${id} was not found`);
  }
}

/**
 * Why a change is refused with CONFLICT: a stable code a client can act on
 * (`extensions.reason`), whatever the message says.
 */
export type ConflictReason =
  /** The offer has not enough capacity left for the needs asked of it. */
  | 'CAPACITY_EXHAUSTED'
  /** The need is not OPEN: in a twinning, fulfilled or withdrawn. */
  | 'NEED_NOT_OPEN'
  /** The offer is withdrawn: it takes no twinning and cannot change. */
  | 'OFFER_NOT_OPEN'
  /** The offer is not open to the need's country. */
  | 'NOT_ELIGIBLE'
  /** The offer does not serve the need's working group. */
  | 'WRONG_TOPIC'
  /** The offer speaks none of the need's languages. */
  | 'NO_COMMON_LANGUAGE'
  /** The offer is not available in the need's window. */
  | 'DATES_DO_NOT_OVERLAP'
  /** Live twinnings hold the offer's capacity: it cannot be withdrawn or lowered below it. */
  | 'HELD_BY_TWINNINGS'
  /** The thing's status does not allow this now (a twinning's, an activity's). */
  | 'INVALID_TRANSITION'
  /** Something with this name, code or e-mail already exists. */
  | 'DUPLICATE'
  /** This side of the twinning has already answered. */
  | 'ALREADY_ANSWERED'
  /** The last active secretariat account cannot be disabled. */
  | 'LAST_SECRETARIAT'
  /** Another request changed the same thing first; read it again and retry. */
  | 'CONCURRENT_CHANGE';

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    message: string,
    readonly reason: ConflictReason,
  ) {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this') {
    super(message);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Sign in first: send Authorization: Bearer <token>') {
    super(message);
  }
}

export class InvalidInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly fields: FieldProblem[]) {
    super(
      `Invalid input: ${fields.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`,
    );
  }

  static of(field: string, message: string): InvalidInputError {
    return new InvalidInputError([{ field, message }]);
  }
}

/**
 * Collects field problems while a service checks an input against the database,
 * so that one answer names every failing field.
 */
export class FieldProblems {
  private readonly problems: FieldProblem[] = [];

  add(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new InvalidInputError(this.problems);
  }
}

export class TooManyRequestsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
}
