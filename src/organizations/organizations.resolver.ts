import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles, SignedIn } from '../common/auth/access.decorators';
import { Role } from '../common/auth/role';
import { GraphQLContext } from '../common/graphql-context';
import { Country } from '../reference/country.entity';
import { countryLoader } from '../reference/reference.loaders';
import { ReferenceService } from '../reference/reference.service';
import { CreateOrganizationInput } from './dto/create-organization.input';
import { SetOrganizationActiveArgs } from './dto/set-organization-active.args';
import { OrganizationKind } from './organization-kind';
import { Organization } from './organization.entity';
import { OrganizationsService } from './organizations.service';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(
    private readonly organizationsService: OrganizationsService,
    private readonly reference: ReferenceService,
  ) {}

  @SignedIn()
  @Query(() => [Organization], { description: 'Support Platform members, by name' })
  organizations(
    @Args('kind', { type: () => OrganizationKind, nullable: true }) kind?: OrganizationKind,
  ): Promise<Organization[]> {
    return this.organizationsService.list(kind);
  }

  @Roles([Role.SECRETARIAT])
  @Mutation(() => Organization)
  createOrganization(@Args('input') input: CreateOrganizationInput): Promise<Organization> {
    return this.organizationsService.create(input);
  }

  @Roles([Role.SECRETARIAT])
  @Mutation(() => Organization, {
    description:
      'Secretariat: enable or disable an organization; disabling signs its focal points out ' +
      'everywhere',
  })
  setOrganizationActive(@Args() { id, active }: SetOrganizationActiveArgs): Promise<Organization> {
    return this.organizationsService.setActive(id, active);
  }

  @ResolveField(() => Country, { nullable: true })
  country(
    organization: Organization,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<Country | null> | null {
    if (!organization.countryCode) return null;
    return countryLoader(loaders, this.reference).load(organization.countryCode);
  }
}
