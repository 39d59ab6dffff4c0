import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerModuleOptions,
  ThrottlerRequest,
  ThrottlerStorage,
} from '@nestjs/throttler';
import { AccountsService } from '../../accounts/accounts.service';
import type { Request } from 'express';
import type { AuthenticatedRequest, GraphQLContext } from '../graphql-context';
import { clientAddressOf } from './client-address';

/** ThrottlerGuard's own loose type for the request and response it works on. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RequestResponse = { req: Record<string, any>; res: Record<string, any> };

/** The general per-caller limit (standard header names): once per HTTP request. */
export const GENERAL_THROTTLER = 'default';
/** The per-address cap on login attempts: counted once per `login` field. */
export const LOGIN_THROTTLER = 'login';

/**
 * @nestjs/throttler's guard, made to read the GraphQL context. It runs before the access
 * guard (it is registered by a module imported before AccountsModule), so a request is
 * counted before any database work: a caller whose token carries our signature is counted
 * by account, wherever it calls from (a revoked token of that account included), and
 * anyone else, with no token or a bad one, by address.
 * A subscription counts as one request of its (always signed-in) user when it starts;
 * the events it then receives do not count.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly accounts: AccountsService,
  ) {
    super(options, storage, reflector);
  }

  /** One GraphQL request runs this guard once per root field; count the request once. */
  private readonly counted = new WeakMap<Request, Promise<boolean>>();

  protected override getRequestResponse(context: ExecutionContext): RequestResponse {
    if (context.getType<string>() !== 'graphql') return super.getRequestResponse(context);
    const { req, res } = GqlExecutionContext.create(context).getContext<GraphQLContext>();
    // A subscription (WebSocket) has no response to put the limit's headers on.
    return { req, res: res ?? {} };
  }

  protected override async getTracker(req: RequestResponse['req']): Promise<string> {
    const request = req as AuthenticatedRequest;
    if (request.user) return `user:${request.user.id}`;
    const account = await this.accounts.verifiedToken(request.headers.authorization).then(
      ({ payload }) => payload.sub,
      () => undefined,
    );
    return account ? `user:${account}` : `address:${clientAddressOf(request)}`;
  }

  /** One counter per caller for the whole API, not one per operation. */
  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    throttlerName: string,
  ): string {
    return `${throttlerName}:${tracker}`;
  }

  protected override handleRequest(props: ThrottlerRequest): Promise<boolean> {
    if (props.throttler.name !== GENERAL_THROTTLER) return super.handleRequest(props);
    const request = this.getRequestResponse(props.context).req as Request;
    let outcome = this.counted.get(request);
    if (!outcome) {
      outcome = super.handleRequest(props);
      this.counted.set(request, outcome);
    }
    return outcome;
  }
}

/** True for the `login` root field, the one operation the login throttler counts. */
export function isLoginField(context: ExecutionContext): boolean {
  return (
    context.getType<string>() === 'graphql' &&
    GqlExecutionContext.create(context).getInfo<{ fieldName: string }>().fieldName === 'login'
  );
}
