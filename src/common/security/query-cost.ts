// The ES module declarations, as @nestjs/apollo (an ES module) sees them.
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import {
  DocumentNode,
  getNullableType,
  GraphQLError,
  GraphQLSchema,
  isListType,
  OperationTypeNode,
} from 'graphql';
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
 * The refusal of an operation whose estimated cost is over `maximum`, or undefined when it
 * is within it (or cannot be estimated: variables that do not coerce are left to execution,
 * which refuses them without running anything).
 */
export function costLimitError(
  args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    operationName?: string | null;
    variables?: Record<string, unknown> | null;
  },
  maximum: number,
): GraphQLError | undefined {
  let cost: number;
  try {
    cost = getComplexity({
      schema: args.schema,
      query: args.document,
      operationName: args.operationName ?? undefined,
      variables: args.variables ?? {},
      estimators: [itemsEstimator],
    });
  } catch {
    return undefined;
  }
  if (cost <= maximum) return undefined;
  return new GraphQLError(`Query cost limit of ${maximum} exceeded, found ${cost}.`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}

/** How many variable sets of one document keep their estimate. */
const ESTIMATES_PER_DOCUMENT = 32;

/**
 * Refuses an operation whose estimated cost is over `maximum`, once its variables are
 * known and before it executes: HTTP 400, GRAPHQL_VALIDATION_FAILED. Subscriptions are
 * estimated where they run, on the WebSocket (SubscriptionServer).
 */
export function queryCostPlugin(maximum: number): ApolloServerPlugin {
  // Apollo parses a query text once and hands every later request with that text the same
  // document: the estimate is kept per document, operation and variables (a few per
  // document at most; the oldest dropped beyond that), so a repeated read costs a lookup.
  const estimates = new WeakMap<DocumentNode, Map<string, GraphQLError | undefined>>();
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request, document, schema, operation }) {
          if (!operation || !ESTIMATED_OPERATIONS.has(operation.operation)) {
            return Promise.resolve();
          }
          let byVariables = estimates.get(document);
          if (!byVariables) {
            byVariables = new Map<string, GraphQLError | undefined>();
            estimates.set(document, byVariables);
          }
          const key = JSON.stringify([request.operationName ?? null, request.variables ?? {}]);
          if (!byVariables.has(key)) {
            if (byVariables.size >= ESTIMATES_PER_DOCUMENT) {
              byVariables.delete(byVariables.keys().next().value!);
            }
            const { operationName, variables } = request;
            byVariables.set(
              key,
              costLimitError({ schema, document, operationName, variables }, maximum),
            );
          }
          const refusal = byVariables.get(key);
          // A new error each time: Apollo may annotate the one it is given.
          if (refusal) throw new GraphQLError(refusal.message, { extensions: refusal.extensions });
          return Promise.resolve();
        },
      });
    },
  };
}
