// The ES module declarations, as @nestjs/apollo (an ES module) sees them.
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost, GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import {
  DocumentNode,
  ExecutionArgs,
  getOperationAST,
  GraphQLError,
  GraphQLFormattedError,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { AccountsService } from '../accounts/accounts.service';
import { UnauthenticatedError } from '../common/errors/domain-errors';
import { formatError } from '../common/errors/format-error';
import { preferredLocale } from '../common/locale';
import { msg } from '../i18n/catalogs';
import { translateError } from '../i18n/translate-errors';
import { translate } from '../i18n/translate';
import type { GraphQLContext } from '../common/graphql-context';
import { RequestLoaders } from '../common/loaders/request-loaders';
import { costLimitError } from '../common/security/query-cost';
import type { QueryLimits } from '../common/security/query-limits';
import { Environment } from '../config/environment';
import { SessionCookie } from '../console/session-cookie';
import { closeUnauthenticated, LiveConnection } from './live-connection';

/** What a client sends when it connects: `{ authorization: 'Bearer <token>' }`. */
type ConnectionParams = Record<string, unknown> | undefined;
/**
 * graphql-ws's `extra` on `ws` (its `Extra` of 'graphql-ws/use/ws', which this module
 * resolution cannot import), with the connection once its token checked out.
 */
interface LiveExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  connection?: LiveConnection;
}
export type SubscriptionContextInput = Context<ConnectionParams, LiveExtra>;

/**
 * Subscriptions one connection may hold at once (pending ones included): every field with
 * every working group it takes would be about 40.
 */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 50;

const MISSING_TOKEN = msg('events.missingToken');

/** Over HTTP, a subscription would run its event resolver with no event and no guard. */
const NOT_OVER_HTTP = new GraphQLError(
  'Subscriptions are served over WebSocket (the graphql-transport-ws protocol of graphql-ws) at /graphql',
  { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
);

const NOT_A_SUBSCRIPTION =
  'Only subscriptions are served over WebSocket: send queries and mutations with POST /graphql';

/**
 * An error as it leaves over WebSocket: through the formatter HTTP answers use, with
 * GraphQL Armor's mask for "Did you mean …" (as over HTTP) and without `extensions.http`
 * (Apollo drops it from HTTP answers).
 */
function formatted(error: GraphQLError): GraphQLFormattedError {
  const { message, extensions, ...rest } = formatError(error.toJSON(), error);
  const { http: _http, ...kept } = extensions ?? {};
  return {
    ...rest,
    message: message.replace(/Did you mean ".+"/g, '[Suggestion hidden]'),
    extensions: kept,
  };
}

/** A refusal of the document itself, with the code Apollo gives it over HTTP. */
function requestError(error: unknown, code: string): GraphQLError {
  if (!(error instanceof GraphQLError)) {
    return new GraphQLError(String(error), { extensions: { code } });
  }
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

/**
 * GraphQL over WebSocket (graphql-ws's protocol, `graphql-transport-ws`) on /graphql, for
 * subscriptions only:
 * - a connection is accepted with a valid token in `connectionParams.authorization`, by
 *   the rules of an HTTP request (`AccountsService.userOfAuthorization`), or without one,
 *   with the console's session cookie when the upgrade comes from the service's own pages
 *   (SessionCookie); otherwise the socket is closed with 4401 and the reason
 *   "UNAUTHENTICATED: <why>";
 * - each subscription is checked before it runs, as a query is over HTTP: tokens, depth,
 *   aliases, directives, cost (with its variables); queries and mutations are refused
 *   (they go over HTTP, where the audit trail and the limits are);
 * - each subscription then runs behind the same guards as any operation (access with the
 *   connection's token checked afresh, rate limit: one request of the user per
 *   subscription started), and every event is checked again (see LiveDelivery);
 * - errors leave through the same formatter as over HTTP.
 */
@Injectable()
export class SubscriptionServer {
  private readonly log = new Logger(SubscriptionServer.name);
  private readonly maxCost: number;
  /** `<connection id>/<operation id>` of the subscriptions streaming now, in this process. */
  private readonly streaming = new Set<string>();
  /** The open sockets of connections that have asked to connect. */
  private readonly sockets = new Set<WebSocket>();
  private readonly session: SessionCookie;

  constructor(
    private readonly accounts: AccountsService,
    private readonly moduleRef: ModuleRef,
    config: ConfigService<Environment, true>,
  ) {
    this.maxCost = config.get('GRAPHQL_MAX_COST', { infer: true });
    this.session = new SessionCookie(config);
  }

  /** Subscriptions of this process that listen for events now. */
  get activeSubscriptions(): number {
    return this.streaming.size;
  }

  static isSubscriptionContext(input: object): input is SubscriptionContextInput {
    return 'extra' in input && 'connectionInitReceived' in input;
  }

  /** The context of one subscription: its request stands in for an HTTP request's. */
  contextOf(input: SubscriptionContextInput, operationId: string): GraphQLContext {
    const connection = input.extra.connection;
    // graphql-ws runs operations of acknowledged connections only, and onConnect
    // acknowledges only a connection it has made.
    if (!connection) throw new Error('A subscription of a connection that was not accepted');
    return { req: connection.requestFor(operationId), loaders: new RequestLoaders(), connection };
  }

  /**
   * Tells every connected client to go ("1001 Going away"; graphql-ws's client reconnects,
   * to another instance behind a load balancer): a WebSocket is never done the way a
   * request is, so a server draining its requests before it stops closes them first.
   */
  closeConnections(): void {
    for (const socket of this.sockets) socket.close(1001, 'Going away: the server is stopping');
  }

  /** The Apollo plugin that refuses a subscription sent over HTTP (BAD_REQUEST, 400). */
  refusedOverHttp(): ApolloServerPlugin {
    return {
      requestDidStart: () =>
        Promise.resolve({
          didResolveOperation: ({ operation }) => {
            if (operation?.operation === OperationTypeNode.SUBSCRIPTION) throw NOT_OVER_HTTP;
            return Promise.resolve();
          },
        }),
    };
  }

  /** graphql-ws's options for the Apollo driver (`subscriptions: { 'graphql-ws': … }`). */
  options(limits: QueryLimits): GraphQLWsSubscriptionsConfig {
    const options: ServerOptions<ConnectionParams, LiveExtra> = {
      onConnect: (ctx) => {
        this.sockets.add(ctx.extra.socket);
        return this.accept(ctx);
      },
      onClose: (ctx) => {
        this.sockets.delete(ctx.extra.socket);
      },
      onSubscribe: (ctx, id, payload) =>
        this.prepare(ctx, payload.query, payload.operationName, payload.variables, limits),
      onOperation: (ctx, id, _payload, _args, result) => {
        if (result && Symbol.asyncIterator in result) {
          this.streaming.add(`${ctx.extra.connection?.id}/${id}`);
        }
      },
      onComplete: (ctx, id) => {
        this.streaming.delete(`${ctx.extra.connection?.id}/${id}`);
      },
      onNext: (ctx, id, _payload, _args, result) =>
        result.errors
          ? { ...result, errors: result.errors.map((error) => this.formatted(ctx, id, error)) }
          : undefined,
      onError: (ctx, id, _payload, errors) => errors.map((error) => this.formatted(ctx, id, error)),
    };
    // Nest types `extra` as unknown; on `ws` it is graphql-ws's { socket, request }.
    return options as GraphQLWsSubscriptionsConfig;
  }

  /**
   * Formats an error for the client; a fault the GraphQL error filter has not seen (it logs
   * those it masks, with a request id) is logged here, with the subscription's id.
   */
  private formatted(
    ctx: SubscriptionContextInput,
    operationId: string,
    error: GraphQLError,
  ): GraphQLFormattedError {
    const answer = translateError(
      formatted(error),
      preferredLocale(ctx.extra.connection?.requestFor(operationId)),
    );
    if (answer.extensions?.code === 'INTERNAL_SERVER_ERROR' && !answer.extensions.requestId) {
      const requestId = `${ctx.extra.connection?.id}/${operationId}`;
      this.log.error(
        { err: error.originalError ?? error, requestId },
        'Unexpected fault in a subscription',
      );
      return { ...answer, extensions: { ...answer.extensions, requestId } };
    }
    return answer;
  }

  private async accept(ctx: SubscriptionContextInput): Promise<boolean> {
    // The console sends no token (its page never holds one): its session cookie stands for
    // it, but only on an upgrade from the service's own pages. Another site's page, which
    // the browser would send the cookie from too (WebSockets know no CORS), is refused as a
    // connection without a token is (cross-site WebSocket hijacking).
    const authorization =
      ctx.connectionParams?.authorization ?? this.session.authorizationOfUpgrade(ctx.extra.request);
    try {
      await this.accounts.userOfAuthorization(authorization, MISSING_TOKEN);
    } catch (error) {
      if (error instanceof UnauthenticatedError) {
        // In the language the connecting request asks for (Accept-Language).
        const locale = preferredLocale(ctx.extra.request);
        closeUnauthenticated(
          ctx.extra.socket,
          error.i18n ? translate(locale, error.i18n) : error.message,
        );
      } else {
        this.log.error({ err: error }, 'Could not check the token of a WebSocket connection');
        ctx.extra.socket.close(4500, 'Internal server error');
      }
      // The socket is closing with the code above; graphql-ws's own 4403 comes too late.
      return false;
    }
    ctx.extra.connection = new LiveConnection(
      authorization as string,
      ctx.extra.request,
      ctx.extra.socket,
    );
    return true;
  }

  /**
   * Parses and validates a subscription as Apollo does a query over HTTP, with the same
   * limits; answers errors (sent to the client, the connection stays) or the execution
   * arguments.
   */
  private prepare(
    ctx: SubscriptionContextInput,
    query: string,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
    limits: QueryLimits,
  ): readonly GraphQLError[] | ExecutionArgs {
    if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
      return [
        new GraphQLError(
          `A connection holds at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions: complete some first`,
          { extensions: { code: 'TOO_MANY_REQUESTS' } },
        ),
      ];
    }
    let document: DocumentNode;
    try {
      document = parse(query, limits.parseOptions);
    } catch (error) {
      return [requestError(error, 'GRAPHQL_PARSE_FAILED')];
    }
    const schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    const invalid = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
    if (invalid.length > 0) {
      return invalid.map((error) => requestError(error, 'GRAPHQL_VALIDATION_FAILED'));
    }
    const operation = getOperationAST(document, operationName);
    if (!operation) {
      return [requestError('Unknown operation: name the one to run', 'GRAPHQL_VALIDATION_FAILED')];
    }
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      return [requestError(NOT_A_SUBSCRIPTION, 'BAD_REQUEST')];
    }
    const tooCostly = costLimitError({ schema, document, operationName, variables }, this.maxCost);
    if (tooCostly) return [tooCostly];
    return { schema, document, operationName, variableValues: variables };
  }
}
