import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../common/graphql-context';
import { organizationLoader } from '../organizations/organization.loaders';
import { Organization } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { Country } from '../reference/country.entity';
import { countryLoader } from '../reference/reference.loaders';
import { ReferenceService } from '../reference/reference.service';
import { TwinningParty } from './twinning-party.entity';

@Resolver(() => TwinningParty)
export class TwinningPartyResolver {
  constructor(
    private readonly reference: ReferenceService,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => Country, { nullable: true, description: 'Set when the party is a country' })
  country(
    party: TwinningParty,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<Country | null> | null {
    return party.countryCode
      ? countryLoader(loaders, this.reference).load(party.countryCode)
      : null;
  }

  @ResolveField(() => Organization, {
    nullable: true,
    description: "Set when the party is the offer's organization",
  })
  organization(
    party: TwinningParty,
    _args: unknown,
    { loaders }: GraphQLContext,
  ): Promise<Organization | null> | null {
    return party.organizationId
      ? organizationLoader(loaders, this.organizations).load(party.organizationId)
      : null;
  }
}
