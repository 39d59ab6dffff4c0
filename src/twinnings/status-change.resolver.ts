import { ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService } from '../accounts/accounts.service';
import { userLoader } from '../accounts/user.loaders';
import { User } from '../accounts/user.entity';
import { GraphQLContext } from '../common/graphql-context';
import { loadRequired } from '../common/loaders/request-loaders';
import { StatusChange } from './status-change.entity';

@Resolver(() => StatusChange)
export class StatusChangeResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField(() => User, { description: 'Who took the step' })
  by(step: StatusChange, _args: unknown, { loaders }: GraphQLContext): Promise<User> {
    return loadRequired(userLoader(loaders, this.accounts), step.byId, 'User');
  }
}
