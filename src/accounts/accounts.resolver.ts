import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public, Roles, SignedIn } from '../common/auth/access.decorators';
import { Role } from '../common/auth/role';
import { GraphQLContext } from '../common/graphql-context';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
import { clientAddressOf } from '../common/security/client-address';
import { organizationLoader } from '../organizations/organization.loaders';
import { Organization } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { Country } from '../reference/country.entity';
import { countryLoader } from '../reference/reference.loaders';
import { ReferenceService } from '../reference/reference.service';
import { AccountsService } from './accounts.service';
import { AuthPayload } from './dto/auth-payload';
import { ChangePasswordArgs } from './dto/change-password.args';
import { CreateUserInput } from './dto/create-user.input';
import { LoginArgs } from './dto/login.args';
import { SetUserActiveArgs } from './dto/set-user-active.args';
import { UpdateProfileInput } from './dto/update-profile.input';
import { hasPassword } from './password-hasher';
import { mayReadContactOf, WITHHELD_EMAIL } from './people.policy';
import { User } from './user.entity';

@Resolver(() => User)
export class AccountsResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly reference: ReferenceService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Sign in; the token lasts JWT_EXPIRES_IN' })
  login(
    @Args() { email, password }: LoginArgs,
    @Context() { req }: GraphQLContext,
  ): Promise<AuthPayload> {
    return this.accounts.login(email, password, clientAddressOf(req));
  }

  @SignedIn()
  @Query(() => User, { description: 'The signed-in user' })
  me(@CurrentUser() user: User): User {
    return user;
  }

  @Roles([Role.SECRETARIAT])
  @Query(() => [User], { description: 'Secretariat: every account, by e-mail' })
  users(): Promise<User[]> {
    return this.accounts.list();
  }

  @Roles([Role.SECRETARIAT])
  @Mutation(() => User)
  createUser(@Args('input') input: CreateUserInput): Promise<User> {
    return this.accounts.createUser(input);
  }

  @SignedIn()
  @Mutation(() => AuthPayload, {
    description: 'Your new password: every token issued before stops working; use the one returned',
  })
  changePassword(
    @CurrentUser() user: User,
    @Args() { currentPassword, newPassword }: ChangePasswordArgs,
    @Context() { req }: GraphQLContext,
  ): Promise<AuthPayload> {
    return this.accounts.changePassword(user, currentPassword, newPassword, clientAddressOf(req));
  }

  @SignedIn()
  @Mutation(() => User, { description: 'Your name, job title, phone and language' })
  updateMyProfile(
    @CurrentUser() user: User,
    @Args('input') input: UpdateProfileInput,
  ): Promise<User> {
    return this.accounts.updateProfile(user, input);
  }

  @Roles([Role.SECRETARIAT])
  @Mutation(() => User, {
    description: "Secretariat: enable or disable an account; a change revokes the user's tokens",
  })
  setUserActive(@Args() { userId, active }: SetUserActiveArgs): Promise<User> {
    return this.accounts.setUserActive(userId, active);
  }

  @ResolveField(() => String, {
    description: 'Read by the user and the secretariat; an empty string for anyone else',
  })
  email(user: User, _args: unknown, { req }: GraphQLContext): string {
    return mayReadContactOf(req.user, user) ? user.email : WITHHELD_EMAIL;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Read by the user and the secretariat; null for anyone else',
  })
  phone(user: User, _args: unknown, { req }: GraphQLContext): string | null {
    return mayReadContactOf(req.user, user) ? user.phone : null;
  }

  @ResolveField(() => DateTimeScalar, {
    nullable: true,
    description: 'When the user last signed in; read by the user and the secretariat',
  })
  lastSignedInAt(user: User, _args: unknown, { req }: GraphQLContext): Date | null {
    return mayReadContactOf(req.user, user) ? user.lastSignedInAt : null;
  }

  @ResolveField(() => Boolean, {
    description:
      'Invited, and no password chosen yet: the account cannot sign in until the invitation ' +
      'is accepted. Read by the secretariat; false for anyone else',
  })
  invitationPending(user: User, _args: unknown, { req }: GraphQLContext): boolean {
    return mayReadContactOf(req.user, user) && !hasPassword(user);
  }

  @ResolveField(() => Country, { nullable: true })
  country(user: User, _args: unknown, { loaders }: GraphQLContext) {
    return user.countryCode ? countryLoader(loaders, this.reference).load(user.countryCode) : null;
  }

  @ResolveField(() => Organization, { nullable: true })
  organization(user: User, _args: unknown, { loaders }: GraphQLContext) {
    return user.organizationId
      ? organizationLoader(loaders, this.organizations).load(user.organizationId)
      : null;
  }
}
