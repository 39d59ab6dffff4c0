import { HttpStatus } from '@nestjs/common';
import { translateError } from '../../i18n/translate-errors';
import { Locale } from '../locale';
import { knownGraphQLError } from './known-error';

/** The HTTP status of each error code, for the routes outside GraphQL (imports, exports). */
const HTTP_STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
};

export interface RestErrorBody {
  code: string;
  message: string;
  fields?: unknown;
  reason?: unknown;
}

/**
 * A refusal of a route outside GraphQL, answered as GraphQL answers it: the HTTP status of
 * its code and `{ code, message, fields?, reason? }` in `locale`. `undefined` for an
 * unexpected fault, which the caller logs and answers 500 without internals.
 */
export function restAnswerOf(
  exception: unknown,
  locale: Locale,
): { status: number; body: RestErrorBody } | undefined {
  const known = knownGraphQLError(exception);
  if (!known) return undefined;
  const answer = translateError(known.toJSON(), locale);
  const code = String(answer.extensions?.code);
  const { fields, reason } = (answer.extensions ?? {}) as Record<string, unknown>;
  return {
    status: HTTP_STATUS_OF_CODE[code] ?? HttpStatus.BAD_REQUEST,
    body: {
      code,
      message: answer.message,
      ...(fields ? { fields } : {}),
      ...(reason ? { reason } : {}),
    },
  };
}
