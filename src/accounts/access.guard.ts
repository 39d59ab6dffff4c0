import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, requestOf, Roles } from '../common/auth/access.decorators';
import { ForbiddenError, UnauthenticatedError } from '../common/errors/domain-errors';
import type { OperationRequest } from '../common/graphql-context';
import { clientAddressOf } from '../common/security/client-address';
import { msg } from '../i18n/catalogs';
import { AccountsService } from './accounts.service';
import { AuthenticationFailures } from './authentication-failures';
import type { User } from './user.entity';

/**
 * The one gate in front of every operation, deny by default: `@Public()` lets anyone
 * in; otherwise a valid bearer token of an active user, of the user's current token
 * version, is needed, and the operation must name the roles it allows with
 * `@Roles`/`@SignedIn`, or it is refused.
 * Rules about which country or organization a user may act for live in each module's
 * policy, called by its service.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly log = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
    private readonly failures: AuthenticationFailures,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = requestOf(context);
    // Several root fields of one GraphQL request share the user found for the first.
    // A subscription's stand-in request carries its connection's token the same way
    // (see SubscriptionServer), so it is checked afresh whenever a subscription starts.
    request.user ??= await this.userOf(request);

    const roles = this.reflector.getAllAndOverride(Roles, targets);
    if (!roles) {
      this.log.error(
        `${context.getClass().name}.${context.getHandler().name} has no access rule: refused`,
      );
      throw new ForbiddenError(msg('common.openToNoOne'));
    }
    if (!roles.includes(request.user.role)) {
      throw new ForbiddenError(msg('common.onlyRoles', { roles: { anyOf: roles } }));
    }
    return true;
  }

  /** The caller's user; a refusal is counted against the caller's address. */
  private async userOf(request: OperationRequest): Promise<User> {
    try {
      return await this.accounts.userOfAuthorization(request.headers.authorization);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      throw await this.failures.refusal(request, clientAddressOf(request), error);
    }
  }
}
