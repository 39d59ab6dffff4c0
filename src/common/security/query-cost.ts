import { ApolloServerPlugin } from '@apollo/server';
import { getNullableType, GraphQLError, isListType, OperationTypeNode } from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../pagination/connection';

const ESTIMATED_OPERATIONS = new Set([OperationTypeNode.QUERY, OperationTypeNode.MUTATION]);

/** What a list without a page size is taken to hold (a twinning's needs, an offer's countries). */
export const ASSUMED_LIST_LENGTH = 10;

/**
 * Every field costs 1 plus what it selects, times the number of items it may return: a
 * paged field's `first` (its default when absent, from variables too), a Relay
 * connection's `edges` nothing more (the page size is counted once, on the field that
 * takes `first`), any other list ASSUMED_LIST_LENGTH.
 */
export const itemsEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.args.some((argument) => argument.name === 'first')) {
    const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + first * childComplexity;
  }
  if (field.name !== 'edges' && isListType(getNullableType(field.type))) {
    return 1 + ASSUMED_LIST_LENGTH * childComplexity;
  }
  return 1 + childComplexity;
};

/**
 * Refuses an operation whose estimated cost is over `maximum`, once its variables are
 * known and before it executes: HTTP 400, GRAPHQL_VALIDATION_FAILED. Operations whose
 * variables do not coerce are left to execution, which refuses them without running.
 */
export function queryCostPlugin(maximum: number): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request, document, schema, operation }) {
          // graphql-js refuses an operation type the schema lacks (subscription) when it executes.
          if (!operation || !ESTIMATED_OPERATIONS.has(operation.operation)) {
            return Promise.resolve();
          }
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [itemsEstimator],
            });
          } catch {
            return Promise.resolve();
          }
          if (cost > maximum) {
            throw new GraphQLError(`Query cost limit of ${maximum} exceeded, found ${cost}.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
          return Promise.resolve();
        },
      });
    },
  };
}
