import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles, SignedIn } from '../common/auth/access.decorators';
import { Role } from '../common/auth/role';
import type { GraphQLContext } from '../common/graphql-context';
import { loadRequired } from '../common/loaders/request-loaders';
import { organizationLoader } from '../organizations/organization.loaders';
import { Organization } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { ChairTerm } from './chair-term.entity';
import { ChairTermInput } from './dto/chair-term.input';
import { Troika } from './dto/troika';
import { TroikaService } from './troika.service';

@Resolver(() => ChairTerm)
export class TroikaResolver {
  constructor(
    private readonly troika: TroikaService,
    private readonly organizations: OrganizationsService,
  ) {}

  @SignedIn()
  @Query(() => [ChairTerm], { description: 'Every term of the troika, the latest started first' })
  chairTerms(): Promise<ChairTerm[]> {
    return this.troika.list();
  }

  @SignedIn()
  @Query(() => Troika, {
    name: 'troika',
    description: 'The chair, past chair and incoming chair now',
  })
  currentTroika(): Promise<Troika> {
    return this.troika.now();
  }

  @Roles([Role.SECRETARIAT])
  @Mutation(() => ChairTerm, {
    description:
      'Secretariat. Replaces the term of the same seat starting at the same moment; CONFLICT ' +
      '(OVERLAPPING_TERM) when another term of the seat overlaps it',
  })
  setChairTerm(@Args('input') input: ChairTermInput): Promise<ChairTerm> {
    return this.troika.set(input);
  }

  @ResolveField(() => Organization)
  organization(
    @Parent() term: ChairTerm,
    @Context() { loaders }: GraphQLContext,
  ): Promise<Organization> {
    return loadRequired(
      organizationLoader(loaders, this.organizations),
      term.organizationId,
      'Organization',
    );
  }
}
