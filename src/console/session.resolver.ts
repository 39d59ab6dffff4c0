import { Context, Mutation, Resolver } from '@nestjs/graphql';
import { Public } from '../common/auth/access.decorators';
import type { GraphQLContext } from '../common/graphql-context';
import { SESSION_COOKIE, SessionCookie } from './session-cookie';

/** The console's session: signing in sets the cookie (SessionCookieInterceptor), this ends it. */
@Resolver()
export class SessionResolver {
  constructor(private readonly session: SessionCookie) {}

  /**
   * Public: a session whose token has expired or was revoked must still be able to sign out.
   * It removes the cookie of this browser; the token itself stays valid until it expires,
   * and no script ever held it (changing the password ends every session).
   */
  @Public()
  @Mutation(() => Boolean, {
    description: "Signs the console out: removes this browser's session cookie. Always true.",
  })
  signOut(@Context() context: GraphQLContext): boolean {
    context.res?.clearCookie(SESSION_COOKIE, this.session.attributes);
    return true;
  }
}
