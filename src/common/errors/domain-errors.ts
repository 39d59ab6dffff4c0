import { msg } from '../../i18n/catalogs';
import type { Message } from '../../i18n/message';
import { english } from '../../i18n/translate';

/**
 * The errors services throw. They carry the contract's `extensions.code`; the GraphQL
 * error filter turns them into GraphQL errors. Services import nothing from GraphQL.
 *
 * What an error says is a Message of the catalogs (read in the caller's language when the
 * answer is written: see TranslateErrorsPlugin), or, for texts not yet in the catalogs,
 * an English string. `Error.message` holds the English, for the logs.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR';

/** What an error or a field problem says: a message of the catalogs, or English text. */
export type Text = string | Message;

/**
 * One failing input field: `field` is its path inside the operation's input, e.g. `title`;
 * `message` is the English, `i18n` the message to answer in the caller's language.
 */
export interface FieldProblem {
  field: string;
  message: string;
  i18n?: Message;
}

export function fieldProblem(field: string, text: Text): FieldProblem {
  return typeof text === 'string'
    ? { field, message: text }
    : { field, message: english(text), i18n: text };
}

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** What to answer, in the caller's language; unset for an English-only text. */
  readonly i18n?: Message;

  constructor(text: Text) {
    super(typeof text === 'string' ? text : english(text));
    if (typeof text !== 'string') this.i18n = text;
  }
}

/** The records a NOT_FOUND names, as the catalogs name them. */
export type EntityName =
  | 'Activity'
  | 'Need'
  | 'Offer'
  | 'Twinning'
  | 'User'
  | 'Organization'
  | 'Commitment'
  | 'Indicator'
  | 'FollowUp'
  | 'PlatformEvent'
  | 'Comment'
  /** A comment's subject: a need, an offer or a twinning, unnamed (no leak of which). */
  | 'Subject'
  | 'Pledge'
  | 'ChairTerm';

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(entity: EntityName, id: string) {
    super(msg('common.notFound', { entity: msg(`common.entity${entity}`), id }));
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
  /** The offer's organization is disabled: no twinning can be proposed with its offers. */
  | 'ORGANIZATION_DISABLED'
  /** Another request changed the same thing first; read it again and retry. */
  | 'CONCURRENT_CHANGE'
  /** A comment can be edited only within COMMENT_EDIT_HOURS of writing it. */
  | 'EDIT_WINDOW_CLOSED'
  /** Another term of the same troika seat covers part of the period. */
  | 'OVERLAPPING_TERM';

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    text: Text,
    readonly reason: ConflictReason,
  ) {
    super(text);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(text: Text = msg('common.forbidden')) {
    super(text);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(text: Text = msg('common.signInFirst')) {
    super(text);
  }
}

export class InvalidInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly fields: FieldProblem[]) {
    super(
      `Invalid input: ${fields.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`,
    );
  }

  static of(field: string, text: Text): InvalidInputError {
    return new InvalidInputError([fieldProblem(field, text)]);
  }
}

/**
 * Collects field problems while a service checks an input against the database,
 * so that one answer names every failing field.
 */
export class FieldProblems {
  private readonly problems: FieldProblem[] = [];

  add(field: string, text: Text): void {
    this.problems.push(fieldProblem(field, text));
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new InvalidInputError(this.problems);
  }
}

export class TooManyRequestsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
}
