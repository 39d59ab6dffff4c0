// The ES module declarations, as @nestjs/apollo (an ES module) sees them.
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../graphql-context';
import { knownGraphQLError } from './known-error';

/** The request id of the logs, as an answer may show it. */
function requestIdOf(context: Pick<GraphQLContext, 'req'> | undefined): string {
  const id: unknown = context?.req.id;
  return typeof id === 'string' ? id : 'unknown';
}

/** The answer to an unexpected fault: nothing internal, only the request id. */
export function maskedFault(context: Pick<GraphQLContext, 'req'> | undefined): {
  requestId: string;
  error: GraphQLError;
} {
  const requestId = requestIdOf(context);
  return {
    requestId,
    error: new GraphQLError('Internal server error', {
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    }),
  };
}

/**
 * The faults that reach no Nest exception filter: field resolvers run as plain functions
 * (no per-field framework wrapper), and graphql-js raises errors of its own while
 * completing values (a non-null field that resolved to null). Each such fault is logged
 * once, with the request id, and given the code and request id that formatError then
 * answers with; a known error (a domain error thrown by a field) is left to formatError,
 * which answers it as the filter would.
 */
export function unexpectedFaultsPlugin(): ApolloServerPlugin<GraphQLContext> {
  const log = new Logger('Errors');
  return {
    requestDidStart: () =>
      Promise.resolve({
        didEncounterErrors: ({ errors, contextValue }) => {
          for (const error of errors) {
            // Already answered: the filter's, graphql-js's request errors, Apollo's own.
            if (error.extensions.code !== undefined) continue;
            if (error.originalError && knownGraphQLError(error.originalError)) continue;
            // A request error of graphql-js with no original (a bad query) has a code by now;
            // what is left failed while executing.
            if (!error.path) continue;
            const requestId = requestIdOf(contextValue);
            log.error(
              { err: error.originalError ?? error, requestId, path: error.path.join('.') },
              'Unexpected fault while resolving a GraphQL field',
            );
            Object.assign(error.extensions, { code: 'INTERNAL_SERVER_ERROR', requestId });
          }
          return Promise.resolve();
        },
      }),
  };
}
