import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError, GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../graphql-context';
import { DomainError, ErrorCode, InvalidInputError } from './domain-errors';

const CODE_BY_HTTP_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'BAD_USER_INPUT',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.CONFLICT]: 'CONFLICT',
  [HttpStatus.TOO_MANY_REQUESTS]: 'TOO_MANY_REQUESTS',
};

/**
 * The one place where errors become answers. Domain errors keep their message and
 * code; anything unexpected is logged with the request id and answered with a generic
 * INTERNAL_SERVER_ERROR that carries only that id.
 */
@Catch()
export class GraphQLErrorFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly log = new Logger('Errors');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() !== 'graphql') return super.catch(exception, host);

    if (exception instanceof DomainError) {
      return new GraphQLError(exception.message, {
        extensions: {
          code: exception.code,
          ...(exception instanceof InvalidInputError ? { fields: exception.fields } : {}),
        },
      });
    }
    if (exception instanceof HttpException && CODE_BY_HTTP_STATUS[exception.getStatus()]) {
      return new GraphQLError(exception.message, {
        extensions: { code: CODE_BY_HTTP_STATUS[exception.getStatus()] },
      });
    }
    if (exception instanceof GraphQLError) return exception;

    const gqlHost = GqlArgumentsHost.create(host);
    const id: unknown = gqlHost.getContext<GraphQLContext>().req.id;
    const requestId = typeof id === 'string' ? id : 'unknown';
    const field = gqlHost.getInfo<GraphQLResolveInfo>().fieldName;
    this.log.error(
      { err: exception, requestId, field },
      'Unexpected fault while resolving a GraphQL field',
    );
    return new GraphQLError('Internal server error', {
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    });
  }
}
