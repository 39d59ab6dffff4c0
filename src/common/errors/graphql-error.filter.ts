import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../graphql-context';
import { knownGraphQLError } from './known-error';
import { maskedFault } from './unexpected-faults.plugin';

/**
 * Where the exceptions of root operations (their resolvers, guards and pipes) become
 * answers: what the contract knows keeps its message and code; anything unexpected is
 * logged with the request id and answered with a generic INTERNAL_SERVER_ERROR that
 * carries only that id. Field resolvers run without Nest's wrappers: their faults are
 * handled by UnexpectedFaultsPlugin and formatError, with the same rules.
 */
@Catch()
export class GraphQLErrorFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly log = new Logger('Errors');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() !== 'graphql') return super.catch(exception, host);

    const known = knownGraphQLError(exception);
    if (known) return known;

    const gqlHost = GqlArgumentsHost.create(host);
    const { requestId, error } = maskedFault(gqlHost.getContext<GraphQLContext>());
    const field = gqlHost.getInfo<GraphQLResolveInfo>().fieldName;
    this.log.error(
      { err: exception, requestId, field },
      'Unexpected fault while resolving a GraphQL field',
    );
    return error;
  }
}
