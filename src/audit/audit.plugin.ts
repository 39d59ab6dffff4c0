// The ES module declarations, as @nestjs/apollo (an ES module) sees them.
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server' with {
  'resolution-mode': 'import',
};
import { Plugin } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import {
  DocumentNode,
  FieldNode,
  getArgumentValues,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  OperationTypeNode,
  SelectionSetNode,
} from 'graphql';
import type { GraphQLContext } from '../common/graphql-context';
import { AuditService, FailedMutation } from './audit.service';

/** The root fields of an operation by response key, through fragments. */
function rootFields(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): Map<string, FieldNode> {
  const fields = new Map<string, FieldNode>();
  const visit = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        fields.set(selection.alias?.value ?? selection.name.value, selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        const fragment = document.definitions.find(
          (definition) =>
            definition.kind === Kind.FRAGMENT_DEFINITION &&
            definition.name.value === selection.name.value,
        );
        if (fragment?.kind === Kind.FRAGMENT_DEFINITION) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return fields;
}

function argumentsOf(
  schema: GraphQLSchema,
  node: FieldNode,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const field = schema.getMutationType()?.getFields()[node.name.value];
  if (!field) return {};
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return {};
  }
}

/**
 * Records the mutations that were answered with an error: a root mutation field with an
 * error in the response failed (the access guard's refusals included, which no
 * interceptor sees). Runs before the response is sent, so the entry is written by then.
 */
@Plugin()
export class AuditPlugin implements ApolloServerPlugin<GraphQLContext> {
  private readonly log = new Logger(AuditPlugin.name);

  constructor(private readonly audit: AuditService) {}

  requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    return Promise.resolve({
      willSendResponse: async ({
        operation,
        document,
        response,
        request,
        schema,
        contextValue,
      }) => {
        if (operation?.operation !== OperationTypeNode.MUTATION || !document) return;
        if (response.body.kind !== 'single') return;
        const failedKeys = new Map<string, unknown>();
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.path?.length === 1) {
            failedKeys.set(String(error.path[0]), error.extensions?.code);
          }
        }
        if (failedKeys.size === 0) return;

        const fields = rootFields(document, operation);
        const failures: FailedMutation[] = [];
        for (const [responseKey, code] of failedKeys) {
          const node = fields.get(responseKey);
          if (!node) continue;
          failures.push({
            responseKey,
            operation: node.name.value,
            args: argumentsOf(schema, node, request.variables),
            code,
          });
        }
        try {
          await this.audit.failed(contextValue.req, contextValue.req.user, failures);
        } catch (error) {
          this.log.error({ err: error }, 'Could not record failed mutations in the audit trail');
        }
      },
    });
  }
}
