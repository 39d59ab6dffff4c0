// The ES module declarations, as @nestjs/apollo (an ES module) sees them.
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ConfigService } from '@nestjs/config';
import { ParseOptions, ValidationRule } from 'graphql';
import { Environment } from '../../config/environment';
import { queryCostPlugin } from './query-cost';

export interface QueryLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

/**
 * The query abuse limits, all checked before any resolver runs: graphql-js's own token
 * limit while parsing, GraphQL Armor's depth, alias and directive rules while validating,
 * and graphql-query-complexity's cost once the variables are known. A query over a limit
 * is answered with HTTP 400, `extensions.code` GRAPHQL_VALIDATION_FAILED (or
 * GRAPHQL_PARSE_FAILED for tokens) and a message that names the limit.
 */
export function queryLimits(config: ConfigService<Environment, true>): QueryLimits {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: config.get('GRAPHQL_MAX_DEPTH', { infer: true }), flattenFragments: true },
    // `__typename` is free, as Armor has it by default: clients add it to every object.
    maxAliases: { n: config.get('GRAPHQL_MAX_ALIASES', { infer: true }) },
    maxDirectives: { n: config.get('GRAPHQL_MAX_DIRECTIVES', { infer: true }) },
    // Armor's token check re-parses the query in a hook whose failures (any syntax error)
    // Apollo answers with HTTP 500; graphql-js counts tokens itself (parseOptions below).
    maxTokens: { enabled: false },
    // Armor's cost reads `first` only as a literal: `first: $n` would cost a 100th.
    costLimit: { enabled: false },
    // "Did you mean …" suggestions would let anyone map the schema without introspection.
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    // Armor (CommonJS) declares its plugins with @apollo/server's CommonJS declarations; the
    // objects are the same plain hooks either way.
    plugins: [
      ...(plugins as unknown as ApolloServerPlugin[]),
      queryCostPlugin(config.get('GRAPHQL_MAX_COST', { infer: true })),
    ],
    validationRules,
    parseOptions: { maxTokens: config.get('GRAPHQL_MAX_TOKENS', { infer: true }) },
  };
}
