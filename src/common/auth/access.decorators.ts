import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { User } from '../../accounts/user.entity';
import type { AuthenticatedRequest, OperationRequest } from '../graphql-context';
import { EVERY_ROLE, Role } from './role';

/**
 * The roles that may call an operation. The access guard refuses every operation that
 * has neither this nor `@Public()`: deny by default.
 */
export const Roles = Reflector.createDecorator<Role[]>();

/** Any signed-in user, whatever the role (reads). */
export const SignedIn = (): MethodDecorator & ClassDecorator => Roles(EVERY_ROLE);

export const IS_PUBLIC = 'isPublic';
/** No token needed (login, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export function requestOf(context: ExecutionContext): OperationRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: OperationRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

/** The signed-in user of an operation guarded by `@Roles`/`@SignedIn`. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): User => {
  const user = requestOf(context).user;
  if (!user) throw new Error('CurrentUser used on an operation without an authenticated user');
  return user;
});
