import { HttpException, HttpStatus } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { ConflictError, DomainError, ErrorCode, InvalidInputError } from './domain-errors';

const CODE_BY_HTTP_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'BAD_USER_INPUT',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.CONFLICT]: 'CONFLICT',
  [HttpStatus.TOO_MANY_REQUESTS]: 'TOO_MANY_REQUESTS',
};

/**
 * An exception the contract has an answer for, as that answer: a domain error keeps its
 * message and code (and the problem fields of bad input, the reason of a conflict); Nest's HTTP exceptions (from
 * guards and pipes) get the code of their status; a GraphQL error stays as it is. Anything
 * else is an unexpected fault: `undefined`, to be logged and masked by the caller.
 */
export function knownGraphQLError(exception: unknown): GraphQLError | undefined {
  if (exception instanceof DomainError) {
    return new GraphQLError(exception.message, {
      extensions: {
        code: exception.code,
        // The Message, for TranslateErrorsPlugin (which removes it).
        ...(exception.i18n ? { i18n: exception.i18n } : {}),
        ...(exception instanceof InvalidInputError ? { fields: exception.fields } : {}),
        ...(exception instanceof ConflictError ? { reason: exception.reason } : {}),
      },
    });
  }
  if (exception instanceof HttpException && CODE_BY_HTTP_STATUS[exception.getStatus()]) {
    return new GraphQLError(exception.message, {
      extensions: { code: CODE_BY_HTTP_STATUS[exception.getStatus()] },
    });
  }
  if (exception instanceof GraphQLError) return exception;
  return undefined;
}
