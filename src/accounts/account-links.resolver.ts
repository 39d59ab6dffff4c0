import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Public, Roles } from '../common/auth/access.decorators';
import { Role } from '../common/auth/role';
import { GraphQLContext } from '../common/graphql-context';
import { clientAddressOf } from '../common/security/client-address';
import { AccountLinksService } from './account-links.service';
import { AuthPayload } from './dto/auth-payload';
import { InviteUserInput } from './dto/invite-user.input';
import { RequestPasswordResetArgs } from './dto/request-password-reset.args';
import { TokenPasswordArgs } from './dto/token-password.args';
import { User } from './user.entity';

/** Invitations and password resets: passwords chosen through links sent by e-mail. */
@Resolver()
export class AccountLinksResolver {
  constructor(private readonly links: AccountLinksService) {}

  @Roles([Role.SECRETARIAT])
  @Mutation(() => User, {
    description:
      'Secretariat: an account without a password, and an e-mail (in its locale) with a link ' +
      'to choose one, valid 7 days, once. Again for a pending invitation: a new link, the ' +
      'earlier one revoked. CONFLICT (DUPLICATE) for an account that has a password',
  })
  inviteUser(@Args('input') input: InviteUserInput): Promise<User> {
    return this.links.invite(input);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: "Sets the invited person's password from the invitation's link; signs in",
  })
  acceptInvitation(@Args() { token, password }: TokenPasswordArgs): Promise<AuthPayload> {
    return this.links.acceptInvitation(token, password);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'E-mails a link to choose a new password, valid 1 hour, once. Always true: it never ' +
      'tells whether the e-mail has an account',
  })
  requestPasswordReset(
    @Args() { email }: RequestPasswordResetArgs,
    @Context() { req }: GraphQLContext,
  ): Promise<boolean> {
    return this.links.requestPasswordReset(email, clientAddressOf(req));
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'The new password, from a reset link: every token issued before stops working; signs in',
  })
  resetPassword(@Args() { token, password }: TokenPasswordArgs): Promise<AuthPayload> {
    return this.links.resetPassword(token, password);
  }
}
