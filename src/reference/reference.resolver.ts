import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles, SignedIn } from '../common/auth/access.decorators';
import { Role } from '../common/auth/role';
import { GraphQLContext } from '../common/graphql-context';
import { Locale, preferredLocale } from '../common/locale';
import { Country } from './country.entity';
import { CreateWorkingGroupInput } from './dto/create-working-group.input';
import {
  countryName,
  ReferenceService,
  workingGroupDescription,
  workingGroupName,
} from './reference.service';
import { WorkingGroup } from './working-group.entity';

const LOCALE_ARG = {
  type: () => Locale,
  nullable: true,
  description: 'Defaults to the Accept-Language header (es or en), then English',
} as const;

@Resolver(() => Country)
export class CountryResolver {
  constructor(private readonly reference: ReferenceService) {}

  @SignedIn()
  @Query(() => [Country], { description: 'Every country, or only the MIRPS states; by name' })
  countries(
    @Context() context: GraphQLContext,
    @Args('mirpsOnly', { nullable: true }) mirpsOnly?: boolean,
  ): Promise<Country[]> {
    return this.reference.listCountries(mirpsOnly ?? false, preferredLocale(context.req));
  }

  @ResolveField(() => String)
  name(
    @Parent() country: Country,
    @Context() context: GraphQLContext,
    @Args('locale', LOCALE_ARG) locale?: Locale,
  ): string {
    return countryName(country, preferredLocale(context.req, locale));
  }
}

@Resolver(() => WorkingGroup)
export class WorkingGroupResolver {
  constructor(private readonly reference: ReferenceService) {}

  @SignedIn()
  @Query(() => [WorkingGroup])
  workingGroups(): Promise<WorkingGroup[]> {
    return this.reference.listWorkingGroups();
  }

  @Roles([Role.SECRETARIAT])
  @Mutation(() => WorkingGroup, { description: 'Secretariat: add a working group' })
  createWorkingGroup(@Args('input') input: CreateWorkingGroupInput): Promise<WorkingGroup> {
    return this.reference.createWorkingGroup(input);
  }

  @ResolveField(() => String)
  name(
    @Parent() group: WorkingGroup,
    @Context() context: GraphQLContext,
    @Args('locale', LOCALE_ARG) locale?: Locale,
  ): string {
    return workingGroupName(group, preferredLocale(context.req, locale));
  }

  @ResolveField(() => String, { nullable: true })
  description(
    @Parent() group: WorkingGroup,
    @Context() context: GraphQLContext,
    @Args('locale', LOCALE_ARG) locale?: Locale,
  ): string | null {
    return workingGroupDescription(group, preferredLocale(context.req, locale));
  }
}
