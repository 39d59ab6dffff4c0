// The ES module declarations, as @nestjs/apollo (an ES module) sees them.
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server' with {
  'resolution-mode': 'import',
};
import { Plugin } from '@nestjs/apollo';
import { getOperationAST } from 'graphql';
import type { GraphQLContext } from '../common/graphql-context';
import { MetricsService } from './metrics.service';

/**
 * Counts and times every GraphQL request over HTTP once its answer is ready, whatever became
 * of it (a query that did not parse or validate included): the operation the document names,
 * its type, and the codes of the answer's errors, as formatError left them. Subscriptions
 * over WebSocket run outside Apollo's request pipeline and are not counted.
 */
@Plugin()
export class MetricsPlugin implements ApolloServerPlugin<GraphQLContext> {
  constructor(private readonly metrics: MetricsService) {}

  requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    const answered = this.metrics.requestStarted();
    return Promise.resolve({
      willSendResponse: ({ operation, document, request, response }) => {
        // Apollo resolves the operation only once the document validates; a document that
        // failed validation still names its operations.
        const named =
          operation ?? (document ? getOperationAST(document, request.operationName) : null);
        const body = response.body;
        const errors =
          body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
        answered({
          operationName: named?.name?.value,
          type: named?.operation ?? 'unknown',
          errorCodes: (errors ?? []).map((error) => error.extensions?.code),
        });
        return Promise.resolve();
      },
    });
  }
}
