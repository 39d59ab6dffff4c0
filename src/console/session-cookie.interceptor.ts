import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { getNamedType, GraphQLResolveInfo } from 'graphql';
import { from, mergeMap, Observable } from 'rxjs';
import { AccountsService } from '../accounts/accounts.service';
import { AuthPayload } from '../accounts/dto/auth-payload';
import type { GraphQLContext } from '../common/graphql-context';
import { CONSOLE_HEADER, SESSION_COOKIE, SessionCookie } from './session-cookie';

/**
 * For the console (requests with `x-mirps-console: 1`): every root field that answers an
 * AuthPayload (login, changePassword, acceptInvitation, resetPassword, and any added later)
 * hands its token to the `mirps_session` cookie, for as long as the token lives, and answers
 * `token: ""`, so the token never reaches a page script. It works on the resolver's result,
 * so the cookie is set whether or not the console selects `token`. Other callers (scripts,
 * with `Authorization: Bearer`) get the token in the answer, as ever.
 */
@Injectable()
export class SessionCookieInterceptor implements NestInterceptor {
  constructor(
    private readonly accounts: AccountsService,
    private readonly session: SessionCookie,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const rootField = info.path.prev === undefined;
    if (!rootField || getNamedType(info.returnType).name !== AuthPayload.name) {
      return next.handle();
    }
    const { req, res } = gql.getContext<GraphQLContext>();
    if (!res || req.headers[CONSOLE_HEADER] !== '1') return next.handle();
    return next
      .handle()
      .pipe(mergeMap((payload: AuthPayload) => from(this.intoCookie(payload, res))));
  }

  private async intoCookie(
    payload: AuthPayload,
    response: NonNullable<GraphQLContext['res']>,
  ): Promise<AuthPayload> {
    const { payload: claims } = await this.accounts.verifiedToken(`Bearer ${payload.token}`);
    response.cookie(SESSION_COOKIE, payload.token, {
      ...this.session.attributes,
      // The token's own lifetime (JWT_EXPIRES_IN): the cookie does not outlive it.
      ...(claims.exp === undefined ? {} : { maxAge: claims.exp * 1000 - Date.now() }),
    });
    payload.token = '';
    return payload;
  }
}
